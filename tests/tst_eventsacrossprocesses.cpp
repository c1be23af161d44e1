// kashew-server's live events across processes (PostgreSQL only: LISTEN/NOTIFY): a client of one
// process hears of writes answered by another process on the same database, in order, and a
// client arriving later on either process says hello with the newest cursor.
#include "EventListener.h"
#include "ServerProcess.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QTest>
#include <algorithm>

class TestEventsAcrossProcesses final : public QObject
{
    Q_OBJECT

private slots:
    void writeOnOneProcessReachesTheOther();
};

void TestEventsAcrossProcesses::writeOnOneProcessReachesTheOther()
{
    QVERIFY2(ServerProcess::usesPostgres(), "run as tst_eventsacrossprocesses_pg");
    ServerProcess first;
    QVERIFY(first.start());
    ServerProcess second{ServerProcess::SameDatabaseAs{first}};
    QVERIFY(second.start());
    TestHttp http(second.baseUrl(), ServerProcess::writeKey);
    const QString id = TestData::createDeal(http, QStringLiteral("Shared"));
    QVERIFY(!id.isEmpty());

    EventListener listener(first, ServerProcess::readKey);
    EventListener local(second, ServerProcess::readKey);
    QTRY_VERIFY_WITH_TIMEOUT(listener.first(QStringLiteral("hello")) >= 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(local.first(QStringLiteral("hello")) >= 0, 10000);
    const qint64 hello = listener.first(QStringLiteral("hello"));
    QCOMPARE(local.first(QStringLiteral("hello")), hello);

    // One write at a time through the second process: each reaches the first process's client.
    qint64 slowest = 0;
    const QList<QString> stages{QStringLiteral("qualification"), QStringLiteral("proposal"),
                                QStringLiteral("negotiation"), QStringLiteral("closed_won"),
                                QStringLiteral("proposal")};
    for (qsizetype i = 0; i < stages.size(); ++i) {
        const qint64 sentAt = listener.elapsed();
        QCOMPARE(http.put(QStringLiteral("/opportunities/") + id,
                          {{QStringLiteral("stage"), stages.at(i)}})
                     .status,
                 200);
        const qint64 expected = hello + i + 1;
        QTRY_VERIFY2_WITH_TIMEOUT(listener.firstReaching(QStringLiteral("changes"), expected),
                                  qPrintable(QStringLiteral("waiting for %1; the other process's "
                                                            "client heard: %2; this one's: %3")
                                                 .arg(expected)
                                                 .arg(listener.describe(), local.describe())),
                                  10000);
        slowest = std::max(
            slowest, listener.firstReaching(QStringLiteral("changes"), expected)->atMs - sentAt);
    }
    qDebug("a PUT on one process reached a client of the other within %lld ms (slowest of %lld)",
           slowest, qint64(stages.size()));

    // A burst through both processes: every client ends at the last change, never going back.
    TestHttp firstHttp(first.baseUrl(), ServerProcess::writeKey);
    for (int i = 0; i < 10; ++i)
        TestData::createDeal(i % 2 == 0 ? http : firstHttp, QStringLiteral("Burst %1").arg(i));
    const qint64 last = hello + stages.size() + 10;
    QTRY_COMPARE_WITH_TIMEOUT(listener.newest(), last, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(local.newest(), last, 10000);
    QVERIFY(listener.cursorsNeverGoBack());
    QVERIFY(local.cursorsNeverGoBack());

    EventListener later(second, ServerProcess::readKey);
    QTRY_VERIFY_WITH_TIMEOUT(later.first(QStringLiteral("hello")) >= 0, 10000);
    QCOMPARE(later.first(QStringLiteral("hello")), last);
}

QTEST_GUILESS_MAIN(TestEventsAcrossProcesses)
#include "tst_eventsacrossprocesses.moc"
