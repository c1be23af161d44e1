// kashew-server's choice of content coding: zstd for a client that admits it at least as much as
// gzip (Qt's QNetworkAccessManager asks "zstd, br, gzip, deflate" by itself), gzip for one that
// asks only for gzip, and every coding decodes to the same page.
#include "RawHttpGet.h"
#include "ResponseCompression.h"
#include "ServerProcess.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <zstd.h>

namespace {

// A zstd frame decoded with libzstd itself (not the server's code); null when it is not one whole
// frame of a known size.
QByteArray unzstd(const QByteArray &data)
{
    const unsigned long long size = ZSTD_getFrameContentSize(data.constData(), data.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > 64 << 20)
        return {};
    QByteArray output(static_cast<qsizetype>(size), Qt::Uninitialized);
    const size_t written = ZSTD_decompress(output.data(), output.size(), data.constData(),
                                           static_cast<size_t>(data.size()));
    if (ZSTD_isError(written) || written != size)
        return {};
    return output;
}

// One GET with exactly the Accept-Encoding given.
RawReply getWith(const ServerProcess &server, const QByteArray &target,
                 const QByteArray &acceptEncoding)
{
    return rawGet(server, target, "Accept-Encoding: " + acceptEncoding + "\r\n");
}

const QByteArray pageTarget = QByteArrayLiteral("/api/v1/opportunities?pageSize=100");

} // namespace

class TestResponseCoding final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start({QStringLiteral("--demo"), QStringLiteral("300")}));
        const RawReply plain = getWith(m_server, pageTarget, "identity");
        QVERIFY(plain.head.startsWith("http/1.1 200"));
        QVERIFY(!plain.head.contains("content-encoding"));
        m_plainPage = plain.body;
        QCOMPARE(QJsonDocument::fromJson(m_plainPage)
                     .object()
                     .value(QStringLiteral("opportunities"))
                     .toArray()
                     .size(),
                 100);
    }

    void codingFor_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("coding");
        const auto zstd = static_cast<int>(ResponseCompression::Coding::Zstd);
        const auto gzip = static_cast<int>(ResponseCompression::Coding::Gzip);
        const auto identity = static_cast<int>(ResponseCompression::Coding::Identity);
        QTest::newRow("Qt's own") << QByteArray("zstd, br, gzip, deflate") << zstd;
        QTest::newRow("zstd only") << QByteArray("zstd") << zstd;
        QTest::newRow("case") << QByteArray("ZSTD") << zstd;
        QTest::newRow("gzip only") << QByteArray("gzip") << gzip;
        QTest::newRow("equal q") << QByteArray("gzip;q=0.8, zstd;q=0.8") << zstd;
        QTest::newRow("gzip preferred") << QByteArray("zstd;q=0.5, gzip") << gzip;
        QTest::newRow("zstd refused") << QByteArray("zstd;q=0, gzip") << gzip;
        QTest::newRow("zstd refused alone") << QByteArray("zstd;q=0") << identity;
        QTest::newRow("any") << QByteArray("*") << zstd;
        QTest::newRow("any but zstd") << QByteArray("zstd;q=0, *") << gzip;
        QTest::newRow("zstd, any refused") << QByteArray("*;q=0, zstd") << zstd;
        QTest::newRow("identity") << QByteArray("identity") << identity;
        QTest::newRow("none") << QByteArray() << identity;
        QTest::newRow("unreadable q") << QByteArray("zstd;q=high") << identity;
    }
    void codingFor()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, coding);
        QCOMPARE(static_cast<int>(ResponseCompression::codingFor(value)), coding);
    }

    // What Qt asks for by itself: zstd, smaller than gzip, decoding to the plain page.
    void qtsOwnAcceptEncodingGetsZstd()
    {
        const RawReply reply = getWith(m_server, pageTarget, "zstd, br, gzip, deflate");
        QVERIFY(reply.head.startsWith("http/1.1 200"));
        QVERIFY2(reply.head.contains("\r\ncontent-encoding: zstd\r\n"), reply.head.constData());
        QVERIFY(reply.head.contains("\r\nvary: accept-encoding\r\n"));
        const QByteArray length = QByteArray("\r\ncontent-length: ") +
                                  QByteArray::number(reply.body.size()) + QByteArray("\r\n");
        QVERIFY(reply.head.contains(length));
        QCOMPARE(unzstd(reply.body), m_plainPage);
        const RawReply gzip = getWith(m_server, pageTarget, "gzip");
        QVERIFY(reply.body.size() < gzip.body.size());
    }

    // A client that asks for gzip alone still gets gzip.
    void gzipOnlyClientGetsGzip()
    {
        const RawReply reply = getWith(m_server, pageTarget, "gzip");
        QVERIFY(reply.head.startsWith("http/1.1 200"));
        QVERIFY(reply.head.contains("\r\ncontent-encoding: gzip\r\n"));
        QVERIFY(reply.body.startsWith("\x1f\x8b"));
    }

    // Through QNetworkAccessManager with its own Accept-Encoding: decoded transparently, the
    // same page.
    void qtDecodesTheZstdPage()
    {
        TestHttp http(m_server.baseUrl(), ServerProcess::writeKey);
        const TestHttp::Reply reply = http.get(QStringLiteral("/opportunities?pageSize=100"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Encoding"), QByteArray("zstd"));
        QCOMPARE(reply.body, m_plainPage);
    }

private:
    ServerProcess m_server;
    QByteArray m_plainPage;
};

QTEST_GUILESS_MAIN(TestResponseCoding)
#include "tst_responsecoding.moc"
