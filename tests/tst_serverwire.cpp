// What kashew-server puts on the wire for issue 18: large bodies gzip-compressed to clients that
// admit gzip (Content-Encoding, Vary; small bodies, 204s, WebSocket upgrades and requests
// without Accept-Encoding unchanged), read back through ApiClient (which counts the bytes as
// they came), and the live events' hello naming the heartbeat interval.
#include "ApiClient.h"
#include "RawHttpGet.h"
#include "ResponseBody.h"
#include "ResponseCompression.h"
#include "ServerProcess.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <zlib.h>

namespace {

// A gzip member inflated with zlib itself (not the server's code); null when it is not one.
QByteArray gunzip(const QByteArray &data)
{
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return {};
    QByteArray output;
    char buffer[64 * 1024];
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = static_cast<uInt>(data.size());
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        output.append(buffer, static_cast<qsizetype>(sizeof buffer - stream.avail_out));
    }
    const bool whole = status == Z_STREAM_END && stream.avail_in == 0;
    inflateEnd(&stream);
    return whole ? output : QByteArray();
}

const QString bigPage = QStringLiteral("/opportunities?pageSize=500");

} // namespace

class TestServerWire final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // More than a page of 500, so that the page is large (about 230 KB as JSON).
        QVERIFY(m_server.start({QStringLiteral("--demo"), QStringLiteral("600"),
                                QStringLiteral("--heartbeat"), QStringLiteral("3")}));
        m_http = std::make_unique<TestHttp>(m_server.baseUrl(), ServerProcess::writeKey);
        // Qt adds no Accept-Encoding of its own when the request names one.
        const TestHttp::Reply plain =
            m_http->send("GET", bigPage, {}, {{"Accept-Encoding", "identity"}});
        QCOMPARE(plain.status, 200);
        QVERIFY(plain.header("Content-Encoding").isEmpty());
        m_plainPage = plain.body;
        QCOMPARE(QJsonDocument::fromJson(m_plainPage)
                     .object()
                     .value(QStringLiteral("opportunities"))
                     .toArray()
                     .size(),
                 500);
    }

    void acceptEncoding_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("gzip");
        QTest::newRow("gzip") << QByteArray("gzip") << true;
        QTest::newRow("Qt's own") << QByteArray("gzip, deflate") << true;
        QTest::newRow("case") << QByteArray("GZip") << true;
        QTest::newRow("x-gzip") << QByteArray("x-gzip") << true;
        QTest::newRow("with q") << QByteArray("br;q=1.0, gzip;q=0.5") << true;
        QTest::newRow("q=0") << QByteArray("gzip;q=0") << false;
        QTest::newRow("q=0.000") << QByteArray("gzip; q=0.000") << false;
        QTest::newRow("any") << QByteArray("*") << true;
        QTest::newRow("any refused") << QByteArray("*;q=0") << false;
        QTest::newRow("gzip refused, any admitted") << QByteArray("gzip;q=0, *") << false;
        QTest::newRow("gzip admitted, any refused") << QByteArray("*;q=0, gzip") << true;
        QTest::newRow("identity") << QByteArray("identity") << false;
        QTest::newRow("deflate only") << QByteArray("deflate") << false;
        QTest::newRow("none") << QByteArray() << false;
        QTest::newRow("unreadable q") << QByteArray("gzip;q=high") << false;
    }
    void acceptEncoding()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, gzip);
        QCOMPARE(ResponseCompression::acceptsGzip(value), gzip);
    }

    void largeBodyIsGzippedWhenAdmitted()
    {
        const TestHttp::Reply reply =
            m_http->send("GET", bigPage, {}, {{"Accept-Encoding", "gzip"}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Encoding"), QByteArray("gzip"));
        QCOMPARE(reply.header("Vary"), QByteArray("Accept-Encoding"));
        QVERIFY(reply.body.startsWith("\x1f\x8b"));
        QCOMPARE(reply.header("Content-Length").toLongLong(), reply.body.size());
        QCOMPARE(gunzip(reply.body), m_plainPage);
        // JSON of many alike records: a fraction of the size on the wire.
        QVERIFY2(
            reply.body.size() * 3 < m_plainPage.size(),
            qPrintable(
                QStringLiteral("%1 of %2 bytes").arg(reply.body.size()).arg(m_plainPage.size())));
    }

    void otherRequestsAreAnsweredPlain()
    {
        // No Accept-Encoding at all, on a socket of its own (Qt would add one).
        const RawReply bare = rawGet(m_server, "/api/v1/opportunities?pageSize=500");
        QVERIFY(bare.head.startsWith("http/1.1 200"));
        QVERIFY(!bare.head.contains("content-encoding"));
        QCOMPARE(bare.body, m_plainPage);
        const RawReply refused =
            rawGet(m_server, "/api/v1/opportunities?pageSize=500", "Accept-Encoding: gzip;q=0\r\n");
        QVERIFY(!refused.head.contains("content-encoding"));
        QCOMPARE(refused.body, m_plainPage);

        // A small body is not worth it.
        const TestHttp::Reply small = m_http->send(
            "GET", QStringLiteral("/opportunities?pageSize=1"), {}, {{"Accept-Encoding", "gzip"}});
        QCOMPARE(small.status, 200);
        QVERIFY(small.body.size() < ResponseCompression::minimumBytes);
        QVERIFY(small.header("Content-Encoding").isEmpty());
        QVERIFY(small.json().contains(QStringLiteral("opportunities")));

        // A 204 has no body to compress.
        const QString id = TestData::createDeal(*m_http, QStringLiteral("Short-lived"));
        const TestHttp::Reply deleted = m_http->send(
            "DELETE", QStringLiteral("/opportunities/") + id, {}, {{"Accept-Encoding", "gzip"}});
        QCOMPARE(deleted.status, 204);
        QVERIFY(deleted.header("Content-Encoding").isEmpty());
        QVERIFY(deleted.body.isEmpty());
    }

    // The upgrade is answered as before, gzip admitted or not; the hello names the heartbeat.
    void helloNamesTheHeartbeat()
    {
        QWebSocket socket;
        QNetworkRequest request(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/events").arg(m_server.port())));
        request.setRawHeader("Authorization", QByteArray("Bearer ") + ServerProcess::writeKey);
        request.setRawHeader("Accept-Encoding", "gzip");
        QList<QJsonObject> messages;
        connect(&socket, &QWebSocket::textMessageReceived, this, [&](const QString &text) {
            messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        socket.open(request);
        QTRY_VERIFY_WITH_TIMEOUT(!messages.isEmpty(), 10000);
        const QJsonObject hello = messages.constFirst();
        QCOMPARE(hello.value(QStringLiteral("type")).toString(), QStringLiteral("hello"));
        QVERIFY(hello.value(QStringLiteral("cursor")).toInteger() > 0);
        QCOMPARE(hello.value(QStringLiteral("heartbeat")).toInteger(-1), 3);
    }

    // Through ApiClient (it asks for zstd or gzip and decodes itself): a page of 500 reads the
    // same, and the bytes counted are those of the zstd body, as they came.
    void apiClientReadsACompressedPage()
    {
        ApiClient client;
        ApiClient::Settings settings;
        settings.baseUrl = m_server.baseUrl();
        settings.apiKey = QString::fromLatin1(ServerProcess::writeKey);
        client.setSettings(settings);
        QCOMPARE(client.bytesReceived(), 0);
        ApiError error;
        ApiClient::OpportunityPage page;
        bool done = false;
        client.listOpportunities({}, {1, 500},
                                 [&](const ApiError &e, const ApiClient::OpportunityPage &p) {
                                     error = e;
                                     page = p;
                                     done = true;
                                 });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QVERIFY2(error.ok(), qPrintable(error.message));
        const QJsonArray expected = QJsonDocument::fromJson(m_plainPage)
                                        .object()
                                        .value(QStringLiteral("opportunities"))
                                        .toArray();
        QCOMPARE(page.items.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QJsonObject item = expected.at(i).toObject();
            QCOMPARE(page.items.at(i).id, item.value(QStringLiteral("id")).toString());
            QCOMPARE(page.items.at(i).name, item.value(QStringLiteral("name")).toString());
            QCOMPARE(page.items.at(i).value, item.value(QStringLiteral("value")).toDouble());
        }
        const TestHttp::Reply zstd =
            m_http->send("GET", bigPage, {}, {{"Accept-Encoding", "zstd, gzip"}});
        const TestHttp::Reply gzip =
            m_http->send("GET", bigPage, {}, {{"Accept-Encoding", "gzip"}});
        QCOMPARE(zstd.header("Content-Encoding"), QByteArray("zstd"));
        QVERIFY(zstd.body.size() != gzip.body.size()); // so the count tells which came
        QCOMPARE(client.bytesReceived(), zstd.body.size());
        QVERIFY(client.bytesReceived() * 3 < m_plainPage.size());
    }

    // What ApiClient decodes of zstd: whole frames within the limit, nothing else.
    void clientDecodesOnlyWholeZstdBodies()
    {
        const QByteArray text = m_plainPage;
        const QByteArray packed = ResponseCompression::zstd(text).value();
        QCOMPARE(ResponseBody::unzstd(packed, text.size()), text);
        QVERIFY(ResponseBody::unzstd(packed.left(packed.size() / 2), text.size()).isNull());
        QVERIFY(ResponseBody::unzstd(packed.left(packed.size() - 1), text.size()).isNull());
        QVERIFY(ResponseBody::unzstd(packed, text.size() - 1).isNull());
        QVERIFY(ResponseBody::unzstd(packed + QByteArray("trailing"), text.size()).isNull());
        QVERIFY(ResponseBody::unzstd(QByteArray("{\"not\":\"zstd\"}"), text.size()).isNull());
        // Two frames are the two bodies one after the other.
        QCOMPARE(ResponseBody::unzstd(packed + packed, 2 * text.size()), text + text);
        const QByteArray empty = ResponseBody::unzstd(ResponseCompression::zstd({}).value(), 10);
        QVERIFY(!empty.isNull());
        QVERIFY(empty.isEmpty());
    }

    // What ApiClient inflates: a whole gzip member within the limit, nothing else.
    void clientInflatesOnlyWholeBodies()
    {
        const QByteArray text = m_plainPage;
        const QByteArray packed = ResponseCompression::gzip(text).value();
        QCOMPARE(ResponseBody::gunzip(packed, text.size()), text);
        QVERIFY(ResponseBody::gunzip(packed.left(packed.size() / 2), text.size()).isNull());
        QVERIFY(ResponseBody::gunzip(packed, text.size() - 1).isNull());
        QVERIFY(ResponseBody::gunzip(QByteArray("{\"not\":\"gzip\"}"), text.size()).isNull());
        QCOMPARE(ResponseBody::gunzip(ResponseCompression::gzip({}).value(), 10), QByteArray(""));
    }

    // The server keeps one deflate state and resets it per body: each body is a whole gzip member
    // of its own, and the same body compresses to the same bytes whatever went before it.
    void gzipBodiesOneAfterAnother()
    {
        const QByteArray page = m_plainPage;
        const QByteArray small = QByteArray("{\"detail\":\"") + QByteArray(2000, 'x') + "\"}";
        const QByteArray first = ResponseCompression::gzip(page).value();
        const QByteArray between = ResponseCompression::gzip(small).value();
        const QByteArray again = ResponseCompression::gzip(page).value();
        QCOMPARE(gunzip(first), page);
        QCOMPARE(gunzip(between), small);
        QCOMPARE(again, first);
    }

    // --no-extensions: the hosted API's dialect, for tests and benchmarks of the plain paths.
    void withoutExtensionsOnlyThePlainApi()
    {
        ServerProcess plain;
        QVERIFY(plain.start({QStringLiteral("--no-extensions")}));
        TestHttp http(plain.baseUrl(), ServerProcess::writeKey);
        TestData::createDeal(http, QStringLiteral("Plain"));
        const TestHttp::Reply list = http.get(QStringLiteral("/opportunities"));
        QCOMPARE(list.status, 200);
        QVERIFY(list.header("Kashew-Features").isEmpty());
        const QJsonObject item =
            list.json().value(QStringLiteral("opportunities")).toArray().at(0).toObject();
        QCOMPARE(item.value(QStringLiteral("name")).toString(), QStringLiteral("Plain"));
        QVERIFY(!item.contains(QStringLiteral("etag")));
        QCOMPARE(http.get(QStringLiteral("/changes?since=0")).status, 404);
        QCOMPARE(http.get(QStringLiteral("/events")).status, 404);
        // With them (the default), the same request names them.
        QVERIFY(m_http->get(QStringLiteral("/opportunities?pageSize=1"))
                    .header("Kashew-Features")
                    .contains("changes"));
    }

private:
    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    QByteArray m_plainPage;
};

QTEST_GUILESS_MAIN(TestServerWire)
#include "tst_serverwire.moc"
