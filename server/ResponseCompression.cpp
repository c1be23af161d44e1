#include "ResponseCompression.h"

#include "DeflateStream.h"
#include "ParallelGzip.h"

#include <QList>
#include <algorithm>
#include <limits>
#include <zlib.h>

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

} // namespace

bool ResponseCompression::acceptsGzip(const QByteArray &acceptEncoding)
{
    double gzipQuality = -1; // not named
    double anyQuality = -1;
    for (const QByteArray &element : acceptEncoding.split(',')) {
        const QList<QByteArray> parameters = element.split(';');
        const QByteArray coding = parameters.constFirst().trimmed().toLower();
        if (coding == "gzip" || coding == "x-gzip")
            gzipQuality = std::max(gzipQuality, qualityOf(parameters));
        else if (coding == "*")
            anyQuality = std::max(anyQuality, qualityOf(parameters));
    }
    return gzipQuality >= 0 ? gzipQuality > 0 : anyQuality > 0;
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

ApiResponse ResponseCompression::encoded(ApiResponse response, const QByteArray &acceptEncoding)
{
    if (response.body.size() < minimumBytes || response.status == 204 ||
        hasHeader(response, QByteArrayLiteral("Content-Encoding")) || !acceptsGzip(acceptEncoding))
        return response;
    Result<QByteArray> compressed = gzip(response.body);
    if (!compressed) {
        // The plain body still answers the request.
        qWarning("kashew-server: %s", qPrintable(compressed.error()));
        return response;
    }
    response.body = std::move(compressed).value();
    response.headers.append({QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("gzip")});
    response.headers.append({QByteArrayLiteral("Vary"), QByteArrayLiteral("Accept-Encoding")});
    return response;
}
