// A record deleted here while someone changed it on the server, through SyncEngine against a
// real kashew-server. DESIGN.md: "A record deleted or changed on the server meanwhile is a
// conflict ... ask the user"; nothing is silently lost on either side.
#include "ServerProcess.h"
#include "SyncFixture.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QTest>

namespace {

// A record on the server, synced into `sync`, deleted here, then changed on the server.
QString deletedHereChangedThere(TestHttp &http, SyncFixture &sync)
{
    const QString id =
        TestData::createOpportunity(http, {{QStringLiteral("name"), QStringLiteral("Contested")},
                                           {QStringLiteral("value"), 100}})
            .value(QStringLiteral("id"))
            .toString();
    if (id.isEmpty() || !sync.syncOnce() || !sync.store.deleteOpportunity(id) ||
        sync.store.opportunity(id)) // hidden while the delete waits
        return {};
    const int status =
        http.put(QStringLiteral("/opportunities/") + id,
                 {{QStringLiteral("value"), 750},
                  {QStringLiteral("description"), QStringLiteral("Signed by legal")}})
            .status;
    return status == 200 ? id : QString();
}

} // namespace

class TestSyncDeleteConflict final : public QObject
{
    Q_OBJECT

private slots:
    void localDeleteAgainstAServerChangeIsAConflict()
    {
        // Deleted here while someone changed it on the server: as DESIGN.md says, a conflict
        // for the user to settle; the delete does not wipe out the server's change, and the
        // record does not silently vanish here either.
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        SyncFixture sync;
        QVERIFY(sync.open(server));
        const QString id = deletedHereChangedThere(http, sync);
        QVERIFY(!id.isEmpty());

        QVERIFY(sync.syncOnce());
        // The server keeps the record with its change.
        const TestHttp::Reply there = http.get(QStringLiteral("/opportunities/") + id);
        QCOMPARE(there.status, 200);
        QCOMPARE(there.json().value(QStringLiteral("value")).toDouble(), 750.0);
        QCOMPARE(there.json().value(QStringLiteral("description")).toString(),
                 QStringLiteral("Signed by legal"));
        // Here it is back in sight as a conflict holding the server's version, and the delete
        // no longer waits to go out.
        const auto conflict = sync.store.opportunity(id);
        QVERIFY(conflict);
        QCOMPARE(conflict->state, SyncState::Conflict);
        QVERIFY(!conflict->serverDeleted);
        QVERIFY(conflict->serverState);
        QCOMPARE(conflict->serverState->value, 750.0);
        QCOMPARE(conflict->serverState->description, QStringLiteral("Signed by legal"));
        QVERIFY(conflict->conflictFields.testFlag(OpportunityField::Value));
        QVERIFY(!conflict->syncError.isEmpty());
        const auto entry = sync.store.entryFor(id);
        QVERIFY(!entry || entry->operation != OutboxEntry::Operation::Delete);

        // Syncing again decides nothing behind the user's back.
        QVERIFY(sync.syncOnce());
        QCOMPARE(http.get(QStringLiteral("/opportunities/") + id).status, 200);
        const auto still = sync.store.opportunity(id);
        QVERIFY(still);
        QCOMPARE(still->state, SyncState::Conflict);

        // The user takes the server's version: the record is as the server has it, in step;
        // deleting it now (knowing the change) goes through.
        QVERIFY(sync.store.resolveConflict(id, *conflict->serverState));
        QVERIFY(sync.syncOnce());
        const auto settled = sync.store.opportunity(id);
        QVERIFY(settled);
        QCOMPARE(settled->state, SyncState::Synced);
        QCOMPARE(settled->opportunity.value, 750.0);
        QCOMPARE(settled->opportunity.description, QStringLiteral("Signed by legal"));
        QCOMPARE(sync.store.pendingCount(), 0);
        QVERIFY(sync.store.deleteOpportunity(id));
        QVERIFY(sync.syncOnce());
        QCOMPARE(http.get(QStringLiteral("/opportunities/") + id).status, 404);
        QVERIFY(!sync.store.opportunity(id));
        QCOMPARE(sync.store.pendingCount(), 0);
    }

    void deletingAgainFromTheConflictDeletesEverywhere()
    {
        // Shown the conflict, the user deletes once more, knowing the server's change: that
        // second delete goes through.
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        SyncFixture sync;
        QVERIFY(sync.open(server));
        const QString id = deletedHereChangedThere(http, sync);
        QVERIFY(!id.isEmpty());
        QVERIFY(sync.syncOnce());
        const auto conflict = sync.store.opportunity(id);
        QVERIFY(conflict);
        QCOMPARE(conflict->state, SyncState::Conflict);
        QVERIFY(sync.store.deleteOpportunity(id));
        QVERIFY(sync.syncOnce());
        QCOMPARE(http.get(QStringLiteral("/opportunities/") + id).status, 404);
        QVERIFY(!sync.store.opportunity(id));
        QCOMPARE(sync.store.pendingCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncDeleteConflict)
#include "tst_syncdeleteconflict.moc"
