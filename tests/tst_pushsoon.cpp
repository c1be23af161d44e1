// Edits reach a real kashew-server within seconds without anyone asking for a sync: a short quiet
// period after the last change to the outbox, the engine syncs by itself. A burst of edits to one
// record is one PUT (counted in the server's request log), an edit made while a sync runs goes
// out after it, and nothing is tried while the offline backoff says wait.
#include "ServerProcess.h"
#include "SyncFixture.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

namespace {

using TestData::createDeal;
using TestData::serverRecord;

int countLines(const QString &log, const QString &pattern)
{
    return static_cast<int>(log.count(QRegularExpression(pattern)));
}

} // namespace

class TestPushSoon final : public QObject
{
    Q_OBJECT

private slots:
    void editIsOnTheServerWithoutAskingForASync()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString id = createDeal(http, QStringLiteral("Acme — Pilot"));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.syncOnce());

        QSignalSpy finished(sync.engine.get(), &SyncEngine::finished);
        Opportunity edited = sync.store.opportunity(id)->opportunity;
        edited.value = 4321;
        QVERIFY(sync.store.editOpportunity(id, edited, OpportunityField::Value));
        // No syncNow(): the engine sends it by itself, soon.
        QVERIFY(sync.engine->isPushScheduled());
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(serverRecord(http, id).value(QStringLiteral("value")).toDouble(), 4321.0);
        QCOMPARE(sync.store.pendingCount(), 0);
    }

    // Five quick edits to one record: one sync, one PUT with the last value; and a sync that
    // brought nothing new is not followed by another.
    void burstOfEditsIsOnePut()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--log-requests")}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString id = createDeal(http, QStringLiteral("Initech — Rollout"));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.syncOnce());

        QSignalSpy finished(sync.engine.get(), &SyncEngine::finished);
        Opportunity edited = sync.store.opportunity(id)->opportunity;
        for (int value : {100, 200, 300, 400, 500}) {
            edited.value = value;
            QVERIFY(sync.store.editOpportunity(id, edited, OpportunityField::Value));
            QTest::qWait(200); // typing, not one call: each edit restarts the quiet period
        }
        QVERIFY(finished.wait(15000));
        QCOMPARE(serverRecord(http, id).value(QStringLiteral("value")).toDouble(), 500.0);
        // Long enough for a second sync, if anything asked for one.
        QTest::qWait(3000);
        QCOMPARE(finished.size(), 1);
        const QString log = server.requestLog();
        QCOMPARE(countLines(log, QStringLiteral("PUT /api/v1/opportunities/") + id), 1);
    }

    // An edit made while a (slow) sync runs is not left for the next timer tick.
    void editDuringASyncGoesOutAfterIt()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--fault-delay"), QStringLiteral("1,700")}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString id = createDeal(http, QStringLiteral("Umbrella — Trial"));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.syncOnce());

        QSignalSpy finished(sync.engine.get(), &SyncEngine::finished);
        sync.engine->syncNow(); // the pull's pages take a while each
        QCOMPARE(sync.engine->state(), SyncEngine::State::Syncing);
        QTest::qWait(300);
        Opportunity edited = sync.store.opportunity(id)->opportunity;
        edited.stage = Stage::Negotiation;
        QVERIFY(sync.store.editOpportunity(id, edited, OpportunityField::Stage));
        QVERIFY(QTest::qWaitFor([&] { return finished.size() >= 2; }, 30000));
        QCOMPARE(finished.last().first().toBool(), true);
        QCOMPARE(serverRecord(http, id).value(QStringLiteral("stage")).toString(),
                 QStringLiteral("negotiation"));
        QCOMPARE(sync.store.pendingCount(), 0);
    }

    // Offline, the backoff decides when to try again: an edit does not bring the next attempt
    // forward, and is sent once the server is back.
    void offlineBackoffIsNotCutShortByEdits()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString id = createDeal(http, QStringLiteral("Globex — Renewal"));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.syncOnce());
        QCOMPARE(server.stop(), 0);
        QVERIFY(!sync.syncOnce());
        QCOMPARE(sync.engine->state(), SyncEngine::State::Offline);

        QSignalSpy states(sync.engine.get(), &SyncEngine::stateChanged);
        Opportunity edited = sync.store.opportunity(id)->opportunity;
        edited.value = 999;
        QVERIFY(sync.store.editOpportunity(id, edited, OpportunityField::Value));
        QVERIFY(!sync.engine->isPushScheduled());
        QTest::qWait(2500);
        QCOMPARE(states.size(), 0); // no attempt before the backoff's own
        QCOMPARE(sync.store.pendingCount(), 1);

        QVERIFY(server.start());
        QVERIFY(sync.syncOnce());
        QCOMPARE(serverRecord(http, id).value(QStringLiteral("value")).toDouble(), 999.0);
    }
};

QTEST_GUILESS_MAIN(TestPushSoon)
#include "tst_pushsoon.moc"
