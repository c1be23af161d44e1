// kashew-server's live events: a WebSocket at /api/v1/events, for any valid key (read-only
// included), says hello with the newest cursor and then "changes up to cursor N" after each
// commit; other paths and missing keys are refused before the upgrade; heartbeats keep a live
// client and drop a silent one; vanished clients leave no socket behind.
#include "EventListener.h"
#include "ServerProcess.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTcpSocket>
#include <QTest>
#include <algorithm>
#include <memory>
#include <unistd.h>

namespace {

// A WebSocket upgrade sent by hand: the socket after the request, for reading the answer.
std::unique_ptr<QTcpSocket> rawUpgrade(const ServerProcess &server, const QString &path,
                                       const QByteArray &key)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, server.port());
    if (!socket->waitForConnected(10000))
        return socket;
    QByteArray request = "GET " + path.toLatin1() +
                         " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\n"
                         "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    if (!key.isEmpty())
        request += "Authorization: Bearer " + key + "\r\n";
    socket->write(request + "\r\n");
    return socket;
}

// The status line of the answer to a hand-made upgrade.
QByteArray upgradeStatus(const ServerProcess &server, const QString &path, const QByteArray &key)
{
    const std::unique_ptr<QTcpSocket> socket = rawUpgrade(server, path, key);
    QElapsedTimer waited;
    waited.start();
    while (!socket->canReadLine() && waited.elapsed() < 10000 &&
           socket->state() == QAbstractSocket::ConnectedState)
        socket->waitForReadyRead(1000);
    return socket->readLine().trimmed();
}

// A WebSocket client of the events that the server must turn away: its socket ends or fails
// without a message. Last in a test: a failure returns from here only.
void expectTurnedAway(const ServerProcess &server, const QByteArray &key, const QString &path)
{
    EventListener listener(server, key, path);
    QTRY_VERIFY_WITH_TIMEOUT(listener.ended() ||
                                 listener.socket().error() != QAbstractSocket::UnknownSocketError,
                             10000);
    QVERIFY2(listener.messages().isEmpty(), qPrintable(listener.describe()));
}

// Open sockets of a process (its /proc fd links to "socket:[inode]").
int openSockets(qint64 pid)
{
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    int sockets = 0;
    for (const QString &fd : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
        char target[256] = {};
        const QByteArray link = QFile::encodeName(fds.filePath(fd));
        if (::readlink(link.constData(), target, sizeof target - 1) > 0 &&
            qstrncmp(target, "socket:", 7) == 0)
            ++sockets;
    }
    return sockets;
}

} // namespace

class TestServerEvents final : public QObject
{
    Q_OBJECT

private slots:
    void refusedWithoutKey();
    void refusedElsewhere();
    void readOnlyKeyHearsHello();
    void writeReachesListener();
    void reconnectHearsNewestCursor();
    void heartbeatsKeepClientAlive();
    void silentClientIsDropped();
    void vanishedClientsLeaveNoSocket();
};

void TestServerEvents::refusedWithoutKey()
{
    ServerProcess server;
    QVERIFY(server.start());
    QCOMPARE(upgradeStatus(server, EventListener::path(), {}),
             QByteArray("HTTP/1.1 401 Unauthorized"));
    QCOMPARE(upgradeStatus(server, EventListener::path(), "kshw_not_a_key_0123456789"),
             QByteArray("HTTP/1.1 401 Unauthorized"));
    expectTurnedAway(server, {}, EventListener::path());
}

void TestServerEvents::refusedElsewhere()
{
    ServerProcess server;
    QVERIFY(server.start());
    QCOMPARE(
        upgradeStatus(server, QStringLiteral("/api/v1/opportunities"), ServerProcess::writeKey),
        QByteArray("HTTP/1.1 404 Not Found"));
    QCOMPARE(upgradeStatus(server, QStringLiteral("/api/v1/events/more"), ServerProcess::writeKey),
             QByteArray("HTTP/1.1 404 Not Found"));
    // The right path with a query is still the right path.
    QCOMPARE(upgradeStatus(server, EventListener::path() + QStringLiteral("?x=1"),
                           ServerProcess::writeKey),
             QByteArray("HTTP/1.1 101 Switching Protocols"));
    // Plain HTTP at the events' path is told to upgrade.
    TestHttp http(server.baseUrl(), ServerProcess::writeKey);
    const TestHttp::Reply plain = http.get(QStringLiteral("/events"));
    QCOMPARE(plain.status, 426);
    QCOMPARE(plain.header("Upgrade"), QByteArray("websocket"));
    expectTurnedAway(server, ServerProcess::writeKey, QStringLiteral("/api/v1/users"));
}

void TestServerEvents::readOnlyKeyHearsHello()
{
    ServerProcess server;
    QVERIFY(server.start());
    TestHttp http(server.baseUrl(), ServerProcess::writeKey);
    TestData::createDeal(http, QStringLiteral("First"));
    TestData::createDeal(http, QStringLiteral("Second"));
    EventListener listener(server, ServerProcess::readKey);
    QTRY_VERIFY_WITH_TIMEOUT(!listener.messages().isEmpty(), 10000);
    QCOMPARE(listener.messages().constFirst().type, QStringLiteral("hello"));
    // Two deals created: two changes on a fresh database.
    QCOMPARE(listener.messages().constFirst().cursor, 2);
}

void TestServerEvents::writeReachesListener()
{
    ServerProcess server;
    QVERIFY(server.start());
    TestHttp http(server.baseUrl(), ServerProcess::writeKey);
    const QString id = TestData::createDeal(http, QStringLiteral("Moving"));
    QVERIFY(!id.isEmpty());
    EventListener listener(server, ServerProcess::readKey);
    QTRY_VERIFY_WITH_TIMEOUT(listener.first(QStringLiteral("hello")) >= 0, 10000);
    const qint64 before = listener.first(QStringLiteral("hello"));

    const qint64 sentAt = listener.elapsed();
    QCOMPARE(http.put(QStringLiteral("/opportunities/") + id,
                      {{QStringLiteral("stage"), QStringLiteral("negotiation")}})
                 .status,
             200);
    QTRY_VERIFY_WITH_TIMEOUT(listener.first(QStringLiteral("changes")) > before, 10000);
    const EventListener::Message &told = listener.messages().constLast();
    qDebug("a PUT reached a listener on the same process in %lld ms (cursor %lld -> %lld)",
           told.atMs - sentAt, before, told.cursor);

    // A burst of writes: the cursors told only ever go up, ending at the burst's last change.
    for (int i = 0; i < 20; ++i)
        TestData::createDeal(http, QStringLiteral("Burst %1").arg(i));
    QTRY_COMPARE_WITH_TIMEOUT(listener.newest(), before + 21, 10000);
    QVERIFY(listener.cursorsNeverGoBack());
    qDebug("21 writes told in %d messages", listener.count(QStringLiteral("changes")));
}

void TestServerEvents::reconnectHearsNewestCursor()
{
    ServerProcess server;
    QVERIFY(server.start());
    TestHttp http(server.baseUrl(), ServerProcess::writeKey);
    EventListener watcher(server, ServerProcess::writeKey);
    QTRY_VERIFY_WITH_TIMEOUT(watcher.first(QStringLiteral("hello")) >= 0, 10000);
    qint64 firstHello = -1;
    {
        EventListener dropped(server, ServerProcess::writeKey);
        QTRY_VERIFY_WITH_TIMEOUT(dropped.first(QStringLiteral("hello")) >= 0, 10000);
        firstHello = dropped.first(QStringLiteral("hello"));
        dropped.socket().abort();
    }
    TestData::createDeal(http, QStringLiteral("While away"));
    TestData::createDeal(http, QStringLiteral("Also while away"));
    QTRY_COMPARE_WITH_TIMEOUT(watcher.newest(), firstHello + 2, 10000);
    EventListener back(server, ServerProcess::writeKey);
    QTRY_VERIFY_WITH_TIMEOUT(back.first(QStringLiteral("hello")) >= 0, 10000);
    QCOMPARE(back.first(QStringLiteral("hello")), watcher.newest());
}

void TestServerEvents::heartbeatsKeepClientAlive()
{
    ServerProcess server;
    QVERIFY(server.start({QStringLiteral("--heartbeat"), QStringLiteral("1")}));
    EventListener listener(server, ServerProcess::readKey);
    QTRY_VERIFY_WITH_TIMEOUT(listener.first(QStringLiteral("hello")) >= 0, 10000);
    // Past two missed pings: a client whose WebSocket answers them stays connected.
    QTRY_VERIFY_WITH_TIMEOUT(listener.count(QStringLiteral("heartbeat")) >= 4, 20000);
    QVERIFY(!listener.ended());
    QCOMPARE(listener.socket().state(), QAbstractSocket::ConnectedState);
    QCOMPARE(listener.messages().constLast().cursor, listener.first(QStringLiteral("hello")));
}

void TestServerEvents::silentClientIsDropped()
{
    ServerProcess server;
    QVERIFY(server.start({QStringLiteral("--heartbeat"), QStringLiteral("1")}));
    // Upgraded by hand, it never answers a ping.
    const std::unique_ptr<QTcpSocket> silent =
        rawUpgrade(server, EventListener::path(), ServerProcess::readKey);
    QByteArray received;
    QObject::connect(silent.get(), &QTcpSocket::readyRead, silent.get(),
                     [&] { received += silent->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(received.startsWith("HTTP/1.1 101"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(silent->state(), QAbstractSocket::UnconnectedState, 20000);
    // Pings came before the server gave up (opcode 0x9, FIN set, unmasked).
    QVERIFY(received.contains(char(0x89)));
}

void TestServerEvents::vanishedClientsLeaveNoSocket()
{
    ServerProcess server;
    QVERIFY(server.start());
    const qint64 pid = server.processId();
    QVERIFY(pid > 0);
    const int before = openSockets(pid);
    std::vector<std::unique_ptr<EventListener>> listeners;
    for (int i = 0; i < 20; ++i)
        listeners.push_back(std::make_unique<EventListener>(server, ServerProcess::readKey));
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(listeners.begin(), listeners.end(),
                    [](const auto &l) { return l->first(QStringLiteral("hello")) >= 0; }),
        10000);
    QCOMPARE(openSockets(pid), before + 20);
    // Half go away politely, half vanish.
    for (int i = 0; i < 20; ++i) {
        if (i % 2 == 0)
            listeners.at(i)->socket().close();
        else
            listeners.at(i)->socket().abort();
    }
    QTRY_COMPARE_WITH_TIMEOUT(openSockets(pid), before, 15000);
    // The server still serves new listeners.
    EventListener after(server, ServerProcess::readKey);
    QTRY_VERIFY_WITH_TIMEOUT(after.first(QStringLiteral("hello")) >= 0, 10000);
}

QTEST_GUILESS_MAIN(TestServerEvents)
#include "tst_serverevents.moc"
