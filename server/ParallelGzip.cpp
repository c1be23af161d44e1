#include "ParallelGzip.h"

#include "DeflateStream.h"

#include <QSemaphore>
#include <QThreadPool>
#include <limits>
#include <zlib.h>

namespace ParallelGzip {

namespace {

// The second half's dictionary: the first half's last 8 KiB. Deflate can look back 32 KiB, but
// setting a dictionary hashes all of it on the critical path, and records repeat their keys and
// values within a few of them: the output grows by well under a percent.
constexpr qsizetype dictionaryBytes = 8 * 1024;

// One part's raw deflate stream and its CRC-32.
struct Part
{
    QByteArray deflated;
    uLong crc = 0;
    bool ok = false;
};

// Deflates `size` bytes at `data` as a raw stream, after `dictionary` (the input just before
// it); `last`: ends the stream (a final block), otherwise ends in a sync flush.
void deflatePart(const char *data, qsizetype size, QByteArrayView dictionary, bool last, int level,
                 Part *part)
{
    // One state per thread and level's kind, reset for each part.
    thread_local DeflateStream deflater(level, true);
    z_stream *stream = deflater.reset();
    if (!stream)
        return;
    if (!dictionary.isEmpty() &&
        deflateSetDictionary(stream, reinterpret_cast<const Bytef *>(dictionary.data()),
                             static_cast<uInt>(dictionary.size())) != Z_OK)
        return;
    // deflateBound's room, plus the sync flush's few bytes: each part in one call.
    part->deflated.resize(static_cast<qsizetype>(deflateBound(stream, static_cast<uLong>(size))) +
                          16);
    stream->next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
    stream->avail_in = static_cast<uInt>(size);
    stream->next_out = reinterpret_cast<Bytef *>(part->deflated.data());
    stream->avail_out = static_cast<uInt>(part->deflated.size());
    const int result = deflate(stream, last ? Z_FINISH : Z_SYNC_FLUSH);
    if ((last && result != Z_STREAM_END) || (!last && (result != Z_OK || stream->avail_in != 0)))
        return;
    part->deflated.truncate(static_cast<qsizetype>(stream->total_out));
    part->crc = crc32_z(crc32_z(0, nullptr, 0), reinterpret_cast<const Bytef *>(data),
                        static_cast<z_size_t>(size));
    part->ok = true;
}

QThreadPool &worker()
{
    // One thread, kept: starting one per body would cost what the split saves.
    static QThreadPool *const pool = [] {
        auto *threads = new QThreadPool;
        threads->setMaxThreadCount(1);
        threads->setExpiryTimeout(-1);
        return threads;
    }();
    return *pool;
}

void appendLittleEndian(QByteArray &out, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        out += static_cast<char>((value >> (8 * i)) & 0xff);
}

} // namespace

Result<QByteArray> compress(const QByteArray &data, int level)
{
    if (data.size() > std::numeric_limits<uInt>::max())
        return Failure{QStringLiteral("gzip: the body is too large for one deflate call")};
    const qsizetype half = data.size() / 2;
    Part first;
    Part second;
    QSemaphore done;
    worker().start([&] {
        deflatePart(data.constData(), half, {}, false, level, &first);
        done.release();
    });
    const qsizetype dictionaryStart = qMax<qsizetype>(0, half - dictionaryBytes);
    deflatePart(data.constData() + half, data.size() - half,
                QByteArrayView(data.constData() + dictionaryStart, half - dictionaryStart), true,
                level, &second);
    done.acquire();
    if (!first.ok || !second.ok)
        return Failure{QStringLiteral("gzip: deflate failed")};
    QByteArray gzip;
    gzip.reserve(10 + first.deflated.size() + second.deflated.size() + 8);
    // zlib's own gzip header: no name, no time, no extra flags, Unix.
    gzip.append("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    gzip += first.deflated;
    gzip += second.deflated;
    appendLittleEndian(gzip, static_cast<quint32>(crc32_combine(
                                 first.crc, second.crc, static_cast<z_off_t>(data.size() - half))));
    appendLittleEndian(gzip, static_cast<quint32>(data.size()));
    return gzip;
}

} // namespace ParallelGzip
