#include "ResponseCompression.h"

#include "DeflateStream.h"
#include "ParallelGzip.h"

#include <QList>
#include <algorithm>
#include <limits>
#include <memory>
#include <zlib.h>
#include <zstd.h>

namespace {

// The q value of one Accept-Encoding element ("gzip;q=0.5"): 1 when absent, 0 when unreadable
// (a client that wrote it wrong gets what it surely reads: the plain body).
double qualityOf(const QList<QByteArray> &parameters)
{
    for (qsizetype i = 1; i < parameters.size(); ++i) {
        const QByteArray parameter = parameters.at(i).trimmed();
        if (!parameter.startsWith("q=") && !parameter.startsWith("Q="))
            continue;
        bool ok = false;
        const double q = parameter.mid(2).trimmed().toDouble(&ok);
        return ok ? q : 0;
    }
    return 1;
}

bool hasHeader(const ApiResponse &response, const QByteArray &name)
{
    return std::any_of(response.headers.begin(), response.headers.end(), [&](const auto &header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

// The q values the client gave gzip (or x-gzip), zstd and "*"; -1 for one it did not name.
struct Qualities
{
    double gzip = -1;
    double zstd = -1;
    double any = -1;

    explicit Qualities(const QByteArray &acceptEncoding)
    {
        for (const QByteArray &element : acceptEncoding.split(',')) {
            const QList<QByteArray> parameters = element.split(';');
            const QByteArray coding = parameters.constFirst().trimmed().toLower();
            if (coding == "gzip" || coding == "x-gzip")
                gzip = std::max(gzip, qualityOf(parameters));
            else if (coding == "zstd")
                zstd = std::max(zstd, qualityOf(parameters));
            else if (coding == "*")
                any = std::max(any, qualityOf(parameters));
        }
    }
    // A coding not named takes the q of "*" (RFC 9110 12.5.3).
    double of(double named) const { return named >= 0 ? named : any; }
};

} // namespace

bool ResponseCompression::acceptsGzip(const QByteArray &acceptEncoding)
{
    const Qualities qualities(acceptEncoding);
    return qualities.of(qualities.gzip) > 0;
}

ResponseCompression::Coding ResponseCompression::codingFor(const QByteArray &acceptEncoding)
{
    const Qualities qualities(acceptEncoding);
    const double gzip = qualities.of(qualities.gzip);
    const double zstd = qualities.of(qualities.zstd);
    if (zstd > 0 && zstd >= gzip)
        return Coding::Zstd;
    return gzip > 0 ? Coding::Gzip : Coding::Identity;
}

Result<QByteArray> ResponseCompression::gzip(const QByteArray &data)
{
    if (data.size() > std::numeric_limits<uInt>::max())
        return Failure{QStringLiteral("gzip: the body is too large for one deflate call")};
    if (data.size() >= ParallelGzip::minimumBytes)
        return ParallelGzip::compress(data, level);
    // One deflate state per thread, reset for each body.
    thread_local DeflateStream deflater(level);
    z_stream *stream = deflater.reset();
    if (!stream)
        return Failure{QStringLiteral("gzip: no deflate state")};
    QByteArray output(static_cast<qsizetype>(deflateBound(stream, static_cast<uLong>(data.size()))),
                      Qt::Uninitialized);
    // zlib's API takes non-const input it never writes to.
    stream->next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream->avail_in = static_cast<uInt>(data.size());
    stream->next_out = reinterpret_cast<Bytef *>(output.data());
    stream->avail_out = static_cast<uInt>(output.size());
    // deflateBound's room takes the whole stream in one call.
    const int finished = deflate(stream, Z_FINISH);
    const auto written = static_cast<qsizetype>(stream->total_out);
    if (finished != Z_STREAM_END)
        return Failure{QStringLiteral("gzip: deflate failed (%1)").arg(finished)};
    output.truncate(written);
    return output;
}

Result<QByteArray> ResponseCompression::zstd(const QByteArray &data)
{
    // One context per thread, kept: making one costs more than compressing a page.
    thread_local const std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx *)> context(
        ZSTD_createCCtx(), ZSTD_freeCCtx);
    if (!context)
        return Failure{QStringLiteral("zstd: no compression context")};
    QByteArray output(static_cast<qsizetype>(ZSTD_compressBound(static_cast<size_t>(data.size()))),
                      Qt::Uninitialized);
    const size_t written =
        ZSTD_compressCCtx(context.get(), output.data(), static_cast<size_t>(output.size()),
                          data.constData(), static_cast<size_t>(data.size()), zstdLevel);
    if (ZSTD_isError(written))
        return Failure{QStringLiteral("zstd: %1").arg(QLatin1String(ZSTD_getErrorName(written)))};
    output.truncate(static_cast<qsizetype>(written));
    return output;
}

ApiResponse ResponseCompression::encoded(ApiResponse response, const QByteArray &acceptEncoding)
{
    if (response.body.size() < minimumBytes || response.status == 204 ||
        hasHeader(response, QByteArrayLiteral("Content-Encoding")))
        return response;
    const Coding coding = codingFor(acceptEncoding);
    if (coding == Coding::Identity)
        return response;
    Result<QByteArray> compressed =
        coding == Coding::Zstd ? zstd(response.body) : gzip(response.body);
    if (!compressed) {
        // The plain body still answers the request.
        qWarning("kashew-server: %s", qPrintable(compressed.error()));
        return response;
    }
    response.body = std::move(compressed).value();
    response.headers.append(
        {QByteArrayLiteral("Content-Encoding"),
         coding == Coding::Zstd ? QByteArrayLiteral("zstd") : QByteArrayLiteral("gzip")});
    response.headers.append({QByteArrayLiteral("Vary"), QByteArrayLiteral("Accept-Encoding")});
    return response;
}
