// The *_pg2 registrations' ground (registered only as tst_twoprocesses_pg2): there, each
// ServerProcess is two kashew-server processes on one PostgreSQL database behind packaging/team's
// nginx, so that one test's consecutive requests land on both processes and what one process
// writes, the other reads. The contract's tests then run unchanged through that topology.
#include "ServerProcess.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QRegularExpression>
#include <QtTest>

namespace {

// Answered GETs of `path` in a request log (--log-requests).
int answeredGets(const QString &log, const QString &path)
{
    const QRegularExpression line(
        QStringLiteral("^GET %1 -> 200 ").arg(QRegularExpression::escape(path)),
        QRegularExpression::MultilineOption);
    return static_cast<int>(log.count(line));
}

} // namespace

class TestTwoProcesses final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(ServerProcess::usesTwoProcesses(),
                 "run as tst_twoprocesses_pg2 (KASHEW_TEST_BACKEND=postgresql, "
                 "KASHEW_TEST_PROCESSES=2)");
    }

    void consecutiveRequestsLandOnBothProcesses()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--log-requests")}));
        QCOMPARE(server.processCount(), 2);
        QVERIFY(server.processUrl(0) != server.processUrl(1));
        // Tests talk to nginx, neither process directly.
        QVERIFY(server.baseUrl() != server.processUrl(0));
        QVERIFY(server.baseUrl() != server.processUrl(1));

        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        constexpr int reads = 6;
        for (int i = 0; i < reads; ++i)
            QCOMPARE(http.get(QStringLiteral("/accounts")).status, 200);
        const QString path = QStringLiteral("/api/v1/accounts");
        const int first = answeredGets(server.processRequestLog(0), path);
        const int second = answeredGets(server.processRequestLog(1), path);
        QVERIFY2(first > 0 && second > 0,
                 qPrintable(QStringLiteral("first %1, second %2").arg(first).arg(second)));
        QCOMPARE(first + second, reads);
        // The combined log, as tests that count requests read it, has them all.
        QCOMPARE(answeredGets(server.requestLog(), path), reads);
    }

    void aWriteThroughOneIsReadThroughTheOther()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp first(server.processUrl(0), ServerProcess::writeKey);
        TestHttp second(server.processUrl(1), ServerProcess::writeKey);

        const QString id = TestData::createDeal(first, QStringLiteral("Written by the first"));
        QVERIFY(!id.isEmpty());
        const QString path = QStringLiteral("/opportunities/") + id;
        const TestHttp::Reply read = second.get(path);
        QCOMPARE(read.status, 200);
        QCOMPARE(read.json().value(u"name").toString(), QStringLiteral("Written by the first"));

        QCOMPARE(second.put(path, {{QStringLiteral("value"), 2500}}).status, 200);
        QCOMPARE(first.get(path).json().value(u"value").toDouble(), 2500.0);
    }

    void stopAndRestartCoverBothAndKeepTheDatabase()
    {
        ServerProcess server;
        QVERIFY(server.start());
        const QUrl address = server.baseUrl();
        const QUrl firstAddress = server.processUrl(0);
        const QUrl secondAddress = server.processUrl(1);
        TestHttp http(address, ServerProcess::writeKey);
        const QString id = TestData::createAccount(http, QStringLiteral("Outlives a restart"));
        QVERIFY(!id.isEmpty());

        QCOMPARE(server.stop(), 0);
        QVERIFY(!server.isRunning());
        for (const QUrl &url : {address, firstAddress, secondAddress})
            QCOMPARE(TestHttp(url, ServerProcess::writeKey).get(QStringLiteral("/accounts")).status,
                     0);

        QVERIFY(server.start());
        QVERIFY(server.isRunning());
        QCOMPARE(server.baseUrl(), address);
        for (int i = 0; i < 2; ++i) // both processes
            QCOMPARE(http.get(QStringLiteral("/accounts/") + id).status, 200);

        server.kill();
        QVERIFY(!server.isRunning());
        for (const QUrl &url : {address, firstAddress, secondAddress})
            QCOMPARE(TestHttp(url, ServerProcess::writeKey).get(QStringLiteral("/accounts")).status,
                     0);
    }
};

QTEST_GUILESS_MAIN(TestTwoProcesses)
#include "tst_twoprocesses.moc"
