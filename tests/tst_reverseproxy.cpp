// The team set-up of packaging/team: nginx with the shipped site configuration in front of two
// kashew-server processes on one database. Requests spread over both processes and every process
// sees the same data; the server's own answers (a JSON 413) pass through the proxy, and so does
// the WebSocket upgrade of the live events, which then carry another process's writes.
// PostgreSQL only (tst_reverseproxy_pg): the team set-up's database.
#include "NginxProxy.h"
#include "ServerProcess.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QRegularExpression>
#include <QWebSocket>
#include <QtTest>
#include <algorithm>

namespace {

// Answered requests "METHOD PATH -> STATUS" in a server's request log (--log-requests).
int answered(ServerProcess &server, const QString &method, const QString &path, int status)
{
    const QRegularExpression line(
        QStringLiteral("%1 %2 -> %3 ").arg(method, QRegularExpression::escape(path)).arg(status));
    return static_cast<int>(server.requestLog().count(line));
}

} // namespace

class TestReverseProxy final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_first.start({QStringLiteral("--log-requests")}));
        QVERIFY(m_second.start({QStringLiteral("--log-requests")}));
        QVERIFY2(m_proxy.start({m_first.port(), m_second.port()}),
                 qPrintable(m_proxy.errorString()));
        m_viaProxy.emplace(m_proxy.baseUrl(), ServerProcess::writeKey);
    }

    void requestsAlternateBetweenTheProcesses()
    {
        const QString id = TestData::createDeal(*m_viaProxy, QStringLiteral("Round robin"));
        QVERIFY(!id.isEmpty());
        const QString path = QStringLiteral("/opportunities/") + id;
        for (int i = 0; i < 6; ++i)
            QCOMPARE(m_viaProxy->get(path).status, 200);
        // nginx's round-robin (one worker): each process answered every other read.
        const QString logged = QStringLiteral("/api/v1") + path;
        QCOMPARE(answered(m_first, QStringLiteral("GET"), logged, 200), 3);
        QCOMPARE(answered(m_second, QStringLiteral("GET"), logged, 200), 3);
    }

    void everyProcessSeesOneDatabase()
    {
        TestHttp first(m_first.baseUrl(), ServerProcess::writeKey);
        TestHttp second(m_second.baseUrl(), ServerProcess::writeKey);
        const qint64 before = first.get(QStringLiteral("/opportunities?pageSize=1"))
                                  .json()
                                  .value(u"totalCount")
                                  .toInteger();

        const QJsonObject created = TestData::createOpportunity(
            *m_viaProxy, {{QStringLiteral("name"), QStringLiteral("Seen by all")},
                          {QStringLiteral("value"), 4200}});
        const QString path = QStringLiteral("/opportunities/") + created.value(u"id").toString();
        QCOMPARE(m_viaProxy->get(path).json().value(u"name").toString(),
                 QStringLiteral("Seen by all"));
        for (TestHttp *direct : {&first, &second}) {
            const TestHttp::Reply reply = direct->get(path);
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.json().value(u"name").toString(), QStringLiteral("Seen by all"));
            // Both processes list the new record: neither serves a count from before the write.
            QCOMPARE(direct->get(QStringLiteral("/opportunities?pageSize=1"))
                         .json()
                         .value(u"totalCount")
                         .toInteger(),
                     before + 1);
        }

        // An edit through the proxy, whichever process takes it, is what both read next.
        QCOMPARE(m_viaProxy->put(path, {{QStringLiteral("value"), 5300}}).status, 200);
        const QByteArray etag = first.get(path).header("ETag");
        QVERIFY(!etag.isEmpty());
        for (TestHttp *direct : {&first, &second}) {
            const TestHttp::Reply reply = direct->get(path);
            QCOMPARE(reply.json().value(u"value").toDouble(), 5300.0);
            QCOMPARE(reply.header("ETag"), etag);
        }
    }

    void theServersOwnRefusalOfALargeBodyPassesThrough()
    {
        // Over the server's 1 MiB: the client must get the server's JSON detail, not an HTML page
        // from nginx.
        const QByteArray body = "{\"name\": \"" + QByteArray(1536 * 1024, 'x') + "\"}";
        const TestHttp::Reply reply = m_viaProxy->send(
            "POST", QStringLiteral("/opportunities"), body, {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 413);
        QVERIFY2(reply.json().value(u"detail").toString().contains(QLatin1String("1 MiB")),
                 reply.body.left(300).constData());
    }

    void liveEventsUpgradeThroughTheProxy()
    {
        QWebSocket socket;
        QList<QJsonObject> messages;
        connect(&socket, &QWebSocket::textMessageReceived, this, [&](const QString &text) {
            messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        QNetworkRequest request(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/events").arg(m_proxy.port())));
        request.setRawHeader("Authorization", QByteArray("Bearer ") + ServerProcess::readKey);
        socket.open(request);
        QTRY_VERIFY2_WITH_TIMEOUT(!messages.isEmpty(), qPrintable(socket.errorString()), 15000);
        QCOMPARE(messages.first().value(u"type").toString(), QStringLiteral("hello"));
        const qint64 hello = messages.first().value(u"cursor").toInteger();

        // A write through the proxy, whichever process takes it, reaches this listener.
        QVERIFY(!TestData::createDeal(*m_viaProxy, QStringLiteral("Announced")).isEmpty());
        const auto announced = [&] {
            return std::any_of(messages.cbegin(), messages.cend(), [&](const QJsonObject &m) {
                return m.value(u"type").toString() == QLatin1String("changes") &&
                       m.value(u"cursor").toInteger() > hello;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(announced(), 15000);
        socket.close();
    }

private:
    ServerProcess m_first;
    // The second process serves the first one's database.
    ServerProcess m_second{ServerProcess::SameDatabaseAs{m_first}};
    NginxProxy m_proxy;
    std::optional<TestHttp> m_viaProxy;
};

QTEST_GUILESS_MAIN(TestReverseProxy)
#include "tst_reverseproxy.moc"
