#include "ResponseBody.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <algorithm>
#include <limits>
#include <memory>
#include <zlib.h>
#include <zstd.h>

namespace {

// Far above any page of records (1,000 records are about 0.5 MB as JSON); a body that inflates
// past it is taken for a compression bomb, not read.
constexpr qsizetype maxInflatedBytes = 256 * 1024 * 1024;

// How much more a decoded body may grow by in one step. JSON of records shrinks to about a
// sixth: room for more at first, then twice as much. One byte more than allowed tells a body
// that is too large; 0 or less: no more room.
qsizetype roomToDecode(qsizetype encoded, qsizetype decoded, qsizetype maxBytes)
{
    return std::min<qsizetype>(std::max<qsizetype>(64 * 1024, decoded == 0 ? encoded * 8 : decoded),
                               maxBytes + 1 - decoded);
}

} // namespace

void ResponseBody::ask(QNetworkRequest &request)
{
    request.setRawHeader("Accept", "application/json");
    // Named here, Qt leaves the body as it came (see the class comment).
    request.setRawHeader("Accept-Encoding", "zstd, gzip");
}

QByteArray ResponseBody::read(QNetworkReply *reply)
{
    const QByteArray body = reply->readAll();
    m_total += body.size();
    if (body.isEmpty())
        return body;
    const QByteArray coding = reply->rawHeader("Content-Encoding").trimmed().toLower();
    QByteArray decoded;
    if (coding == "gzip")
        decoded = gunzip(body, maxInflatedBytes);
    else if (coding == "zstd")
        decoded = unzstd(body, maxInflatedBytes);
    else
        return body;
    return decoded.isNull() ? body : decoded;
}

QByteArray ResponseBody::gunzip(const QByteArray &data, qsizetype maxBytes)
{
    if (data.size() > std::numeric_limits<uInt>::max())
        return {};
    z_stream stream{};
    // windowBits 15 + 16: a gzip header and trailer around the deflate stream.
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return {};
    // zlib's API takes non-const input it never writes to.
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = static_cast<uInt>(data.size());
    QByteArray output(0, Qt::Uninitialized);
    int status = Z_OK;
    while (status == Z_OK) {
        const qsizetype room = roomToDecode(data.size(), output.size(), maxBytes);
        if (room <= 0)
            break;
        const qsizetype before = output.size();
        output.resize(before + room);
        stream.next_out = reinterpret_cast<Bytef *>(output.data() + before);
        stream.avail_out = static_cast<uInt>(room);
        status = inflate(&stream, Z_NO_FLUSH);
        output.resize(before + room - static_cast<qsizetype>(stream.avail_out));
    }
    const bool whole = status == Z_STREAM_END && stream.avail_in == 0 && output.size() <= maxBytes;
    inflateEnd(&stream);
    return whole ? output : QByteArray();
}

QByteArray ResponseBody::unzstd(const QByteArray &data, qsizetype maxBytes)
{
    const std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx *)> context(ZSTD_createDCtx(),
                                                                      ZSTD_freeDCtx);
    if (!context)
        return {};
    ZSTD_inBuffer input{data.constData(), static_cast<size_t>(data.size()), 0};
    QByteArray output(0, Qt::Uninitialized);
    // 0 once a frame is whole and flushed; a body of several frames decodes as their concatenation.
    size_t status = 1;
    for (;;) {
        const qsizetype room = roomToDecode(data.size(), output.size(), maxBytes);
        if (room <= 0)
            break;
        const qsizetype before = output.size();
        output.resize(before + room);
        ZSTD_outBuffer out{output.data() + before, static_cast<size_t>(room), 0};
        status = ZSTD_decompressStream(context.get(), &out, &input);
        output.resize(before + static_cast<qsizetype>(out.pos));
        if (ZSTD_isError(status))
            return {};
        if (status == 0 && input.pos == input.size)
            break; // the last frame is whole and flushed
        // A full output may hold back more; otherwise all the input there is has been decoded.
        if (input.pos == input.size && out.pos < out.size)
            break;
    }
    if (status != 0 || input.pos != input.size || output.size() > maxBytes)
        return {};
    return output.isNull() ? QByteArray("", 0) : output; // empty, but read: not null
}
