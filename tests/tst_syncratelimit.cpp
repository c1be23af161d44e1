// The documented 429 against a real kashew-server (--rate-limit, --rate-window): the engine says
// at once when it tries again, sends nothing before then (not for "Sync now", not for a record's
// history, not from a queued edit), and then goes on by itself. The server's request log counts
// the 429s: until the wait ends, one, the one that started it.
#include "ServerProcess.h"
#include "SyncFixture.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

namespace {

int refusals(ServerProcess &server)
{
    return static_cast<int>(
        server.requestLog().count(QRegularExpression(QStringLiteral("-> 429"))));
}

} // namespace

class TestSyncRateLimit final : public QObject
{
    Q_OBJECT

private slots:
    // A wait longer than the client sits out in place: the sync stops, says until when, and
    // nothing goes out before that time.
    void nothingIsSentBeforeTheWaitEnds()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--rate-limit"), QStringLiteral("6"),
                              QStringLiteral("--rate-window"), QStringLiteral("6"),
                              QStringLiteral("--log-requests")}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString id =
            TestData::createOpportunity(http, {{QStringLiteral("name"), QStringLiteral("Acme")},
                                               {QStringLiteral("value"), 500},
                                               {QStringLiteral("currency"), QStringLiteral("EUR")}})
                .value(QStringLiteral("id"))
                .toString();
        SyncFixture sync; // waits out up to 2 s in place
        QVERIFY(sync.open(server));
        // The creation and this sync (five requests: two listings, accounts, users, users/me)
        // spend the budget of this key.
        QVERIFY(sync.syncOnce());

        QSignalSpy said(sync.engine.get(), &SyncEngine::rateLimited);
        QVERIFY(!sync.syncOnce());
        QCOMPARE(sync.engine->lastError().kind, ApiError::Kind::RateLimited);
        QCOMPARE(said.size(), 1);
        const QDateTime retryAt = said.first().first().toDateTime();
        QVERIFY2(retryAt > QDateTime::currentDateTime(), qPrintable(retryAt.toString()));
        QCOMPARE(refusals(server), 1);

        // While the wait lasts: the user asks for a sync, opens a record, edits one. Each is held
        // here; the user is told again when it will go.
        QSignalSpy states(sync.engine.get(), &SyncEngine::stateChanged);
        QSignalSpy fetched(sync.engine.get(), &SyncEngine::detailFetched);
        sync.engine->syncNow();
        sync.engine->fetchDetail(id);
        QVERIFY(fetched.wait(5000));
        Opportunity edited = sync.store.opportunity(id)->opportunity;
        edited.value = 750;
        QVERIFY(sync.store.editOpportunity(id, edited, OpportunityField::Value));
        QTest::qWait(2000); // a quiet period, had the edit scheduled a sync
        QCOMPARE(refusals(server), 1);
        QCOMPARE(said.size(), 2); // "Sync now" is answered with the time again
        QCOMPARE(fetched.first().at(1).value<ApiError>().kind, ApiError::Kind::RateLimited);
        QCOMPARE(sync.engine->state(), SyncEngine::State::Error);
        QCOMPARE(states.size(), 0);

        // When the wait is over the engine syncs by itself, and the edit goes out.
        QSignalSpy finished(sync.engine.get(), &SyncEngine::finished);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(sync.engine->lastError().message));
        // Read with another key: this one's budget is the sync's.
        TestHttp reader(server.baseUrl(), ServerProcess::readKey);
        QCOMPARE(reader.get(QStringLiteral("/opportunities/") + id)
                     .json()
                     .value(QStringLiteral("value"))
                     .toDouble(),
                 750.0);
    }

    // A short wait is sat out in place, and said at once, while the sync still runs.
    void shortWaitIsSaidAtOnceAndWaitedOut()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--rate-limit"), QStringLiteral("3"),
                              QStringLiteral("--rate-window"), QStringLiteral("2")}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        TestData::spendRateBudget(http, 3);
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QSignalSpy said(sync.engine.get(), &SyncEngine::rateLimited);
        QSignalSpy finished(sync.engine.get(), &SyncEngine::finished);
        sync.engine->syncNow();
        QVERIFY(said.wait(10000));
        QVERIFY(finished.isEmpty());
        QCOMPARE(sync.engine->state(), SyncEngine::State::Syncing);
        QVERIFY(said.first().first().toDateTime() > QDateTime::currentDateTime());
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(sync.engine->lastError().message));
    }
};

QTEST_GUILESS_MAIN(TestSyncRateLimit)
#include "tst_syncratelimit.moc"
