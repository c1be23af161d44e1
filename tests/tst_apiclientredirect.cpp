// ApiClient and redirects: the API key goes only to the origin the user configured. A server
// (here: a scripted one, as another server's dialect) answering 302 to another port is reported
// with the address, and the second server, which records what it receives, never sees the key.
#include "ApiClient.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <functional>

namespace {

// A loopback HTTP server that answers every request with one scripted response and keeps the
// request heads it received.
class ScriptedServer final : public QObject
{
public:
    explicit ScriptedServer(std::function<QByteArray(const QByteArray &head)> respond)
        : m_respond(std::move(respond))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_buffers[socket] += socket->readAll();
                    const qsizetype end = m_buffers[socket].indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const QByteArray head = m_buffers[socket].left(end);
                    m_buffers.remove(socket);
                    heads.append(head);
                    socket->write(m_respond(head));
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    quint16 port() const { return m_server.serverPort(); }
    QString origin() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }

    QList<QByteArray> heads;

private:
    QTcpServer m_server;
    std::function<QByteArray(const QByteArray &)> m_respond;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

QByteArray emptyList(const QByteArray &)
{
    const QByteArray body = R"({"opportunities": [], "totalCount": 0, "page": 1, "pageSize": 20})";
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
           "Content-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray redirectTo(const QString &location)
{
    return "HTTP/1.1 302 Found\r\nLocation: " + location.toUtf8() +
           "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
}

constexpr const char *key = "kshw_secret_redirect_key_42";

bool sawKey(const QList<QByteArray> &heads)
{
    for (const QByteArray &head : heads) {
        if (head.contains(key))
            return true;
    }
    return false;
}

} // namespace

class TestApiClientRedirect final : public QObject
{
    Q_OBJECT

private slots:
    void redirectToAnotherOriginIsNotFollowed()
    {
        ScriptedServer elsewhere(emptyList);
        ScriptedServer configured([&](const QByteArray &) {
            return redirectTo(elsewhere.origin() + QStringLiteral("/api/v1/opportunities"));
        });
        const ApiError error = list(configured.origin());
        QVERIFY(!configured.heads.isEmpty());
        QVERIFY(sawKey(configured.heads)); // the configured server gets the key, as it should
        QVERIFY2(elsewhere.heads.isEmpty() || !sawKey(elsewhere.heads),
                 "the key was sent to an origin the user did not configure");
        QVERIFY(!error.ok());
        QVERIFY2(error.message.contains(elsewhere.origin()), qPrintable(error.message));
    }

    // A move within the configured origin (a trailing slash, a new path) is still followed.
    void redirectWithinTheOriginIsFollowed()
    {
        int requests = 0;
        ScriptedServer configured([&](const QByteArray &head) {
            ++requests;
            return head.startsWith("GET /v2/") ? emptyList(head)
                                               : redirectTo(QStringLiteral("/v2/opportunities"));
        });
        const ApiError error = list(configured.origin());
        QVERIFY2(error.ok(), qPrintable(error.message));
        QCOMPARE(requests, 2);
    }

private:
    static ApiError list(const QString &origin)
    {
        ApiClient client;
        ApiClient::Settings settings;
        settings.baseUrl = QUrl(origin + QStringLiteral("/api/v1"));
        settings.apiKey = QString::fromLatin1(key);
        settings.maxRetries = 0;
        client.setSettings(settings);
        ApiError result;
        bool done = false;
        client.listOpportunities(OpportunityFilter{},
                                 [&](const ApiError &error, const ApiClient::OpportunityPage &) {
                                     result = error;
                                     done = true;
                                 });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            result = ApiError{ApiError::Kind::Timeout, 0, QStringLiteral("no answer"), {}, 0};
        return result;
    }
};

QTEST_GUILESS_MAIN(TestApiClientRedirect)
#include "tst_apiclientredirect.moc"
