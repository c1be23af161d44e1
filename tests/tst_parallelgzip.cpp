// ParallelGzip and ResponseCompression::gzip: whatever the body (sizes around the split, text
// that compresses, bytes that do not, every byte value), what comes out is one gzip member that
// inflates to the body exactly, with nothing after it, and compresses a list-like body about as
// well as one stream does.
#include "ParallelGzip.h"
#include "ResponseCompression.h"

#include <QRandomGenerator>
#include <QTest>
#include <zlib.h>

namespace {

// Inflates one gzip member; null if it is not exactly one valid member.
QByteArray gunzip(const QByteArray &gzip)
{
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return {};
    QByteArray out(64 * 1024 * 1024, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(gzip.constData()));
    stream.avail_in = static_cast<uInt>(gzip.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = inflate(&stream, Z_FINISH);
    const bool whole = result == Z_STREAM_END && stream.avail_in == 0;
    out.truncate(static_cast<qsizetype>(stream.total_out));
    inflateEnd(&stream);
    return whole ? out : QByteArray();
}

QByteArray listLike(qsizetype size)
{
    QByteArray json = "{\"opportunities\":[";
    for (int i = 0; json.size() < size; ++i)
        json += "{\"account_id\":\"5e2d1c4b-3a2f-4e1d-8c7b-" + QByteArray::number(100000 + i) +
                "\",\"name\":\"Deal " + QByteArray::number(i * 7919 % 1000) +
                " — Zürich\",\"stage\":\"negotiation\",\"value\":" + QByteArray::number(i * 13) +
                "},";
    return json.left(size);
}

} // namespace

class TestParallelGzip final : public QObject
{
    Q_OBJECT

private slots:
    void inflatesToTheBody_data()
    {
        QTest::addColumn<QByteArray>("body");
        for (const qsizetype size : {ParallelGzip::minimumBytes - 1, ParallelGzip::minimumBytes,
                                     ParallelGzip::minimumBytes + 1, qsizetype(49166),
                                     qsizetype(65537), qsizetype(3 * 1024 * 1024 + 5)})
            QTest::addRow("list-like %lld", static_cast<long long>(size)) << listLike(size);
        QRandomGenerator random(19);
        QByteArray noise(200 * 1024, Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
        QTest::newRow("random bytes") << noise;
        QByteArray everyByte;
        for (int i = 0; i < 40 * 1024; ++i)
            everyByte += static_cast<char>(i * 31 & 0xff);
        QTest::newRow("every byte value") << everyByte;
        QTest::newRow("one repeated byte") << QByteArray(100 * 1024, 'a');
    }

    void inflatesToTheBody()
    {
        QFETCH(QByteArray, body);
        const Result<QByteArray> gzip = ResponseCompression::gzip(body);
        QVERIFY2(gzip, qPrintable(gzip.error()));
        QVERIFY(gzip->startsWith("\x1f\x8b\x08"));
        QCOMPARE(gunzip(*gzip), body);
        if (body.size() >= ParallelGzip::minimumBytes) {
            const Result<QByteArray> parallel = ParallelGzip::compress(body, 3);
            QVERIFY2(parallel, qPrintable(parallel.error()));
            QCOMPARE(gunzip(*parallel), body);
        }
    }

    void compressesAsWellAsOneStream()
    {
        const QByteArray body = listLike(49166);
        z_stream stream{};
        QCOMPARE(deflateInit2(&stream, ResponseCompression::level, Z_DEFLATED, 15 + 16, 8,
                              Z_DEFAULT_STRATEGY),
                 Z_OK);
        const uLong oneStream = [&] {
            QByteArray out(static_cast<qsizetype>(deflateBound(&stream, body.size())),
                           Qt::Uninitialized);
            stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.constData()));
            stream.avail_in = static_cast<uInt>(body.size());
            stream.next_out = reinterpret_cast<Bytef *>(out.data());
            stream.avail_out = static_cast<uInt>(out.size());
            deflate(&stream, Z_FINISH);
            return stream.total_out;
        }();
        deflateEnd(&stream);
        const Result<QByteArray> parallel =
            ParallelGzip::compress(body, ResponseCompression::level);
        QVERIFY2(parallel, qPrintable(parallel.error()));
        // The second half starts with the end of the first half as its dictionary.
        QVERIFY2(parallel->size() <= qsizetype(oneStream * 105 / 100),
                 qPrintable(QStringLiteral("%1 vs %2").arg(parallel->size()).arg(oneStream)));
    }

    void manyBodiesOneAfterAnother()
    {
        // The worker thread and both deflate states are kept: each body starts afresh.
        for (int i = 0; i < 50; ++i) {
            const QByteArray body = listLike(ParallelGzip::minimumBytes + i * 997);
            const Result<QByteArray> gzip = ResponseCompression::gzip(body);
            QVERIFY2(gzip, qPrintable(gzip.error()));
            QCOMPARE(gunzip(*gzip), body);
        }
    }
};

QTEST_GUILESS_MAIN(TestParallelGzip)
#include "tst_parallelgzip.moc"
