// LocalStore: edits with their outbox entries, coalescing, merging server state, a garbage file.
// Damaged and unusable caches, and what salvage keeps: tst_cachesalvage.
#include "CacheSeed.h"
#include "LocalStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

namespace {

using CacheSeed::seed;
using CacheSeed::serverRecord;

// Field errors as one line, for comparisons that say what differs.
QString describe(const FieldErrors &errors)
{
    QStringList parts;
    for (const FieldError &error : errors)
        parts.append(error.field + QStringLiteral(": ") + error.message);
    return parts.join(QStringLiteral(" | "));
}

const QString refusal =
    QStringLiteral("The server refused this edit: value: too large; probability: not a number");
const FieldErrors refusedFields{{QStringLiteral("value"), QStringLiteral("too large")},
                                {QStringLiteral("probability"), QStringLiteral("not a number")}};

} // namespace

class TestLocalStore final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<LocalStore>();
        QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("cache.sqlite"))).ok);
    }

    void createWritesRowAndOutboxTogether()
    {
        QSignalSpy changed(m_store.get(), &LocalStore::opportunitiesChanged);
        Opportunity o;
        o.name = QStringLiteral("New deal");
        const auto id = m_store->createOpportunity(o);
        QVERIFY(id);
        QCOMPARE(m_store->opportunity(*id)->state, SyncState::Pending);
        QCOMPARE(m_store->outbox()->size(), 1);
        QCOMPARE(m_store->outbox()->first().operation, OutboxEntry::Operation::Create);
        QVERIFY(!m_store->outbox()->first().idempotencyKey.isEmpty());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toStringList(), QStringList{*id});
    }

    void editsCoalesceIntoOneEntryWithTheChangedFields()
    {
        seed(*m_store, {serverRecord(QStringLiteral("a"), QStringLiteral("Deal A"))});
        Opportunity edited = m_store->opportunity(QStringLiteral("a"))->opportunity;
        for (int value : {1100, 1200, 1300}) {
            edited.value = value;
            QVERIFY(m_store->editOpportunity(QStringLiteral("a"), edited, OpportunityField::Value));
        }
        edited.stage = Stage::Negotiation;
        QVERIFY(m_store->editOpportunity(QStringLiteral("a"), edited, OpportunityField::Stage));
        const QList<OutboxEntry> outbox = m_store->outbox().value();
        QCOMPARE(outbox.size(), 1);
        QCOMPARE(outbox.first().operation, OutboxEntry::Operation::Update);
        QCOMPARE(outbox.first().fields, OpportunityField::Value | OpportunityField::Stage);
        QCOMPARE(m_store->opportunity(QStringLiteral("a"))->opportunity.value, 1300.0);
    }

    void anEditUndoneBeforePushLeavesNothing()
    {
        seed(*m_store, {serverRecord(QStringLiteral("a"), QStringLiteral("Deal A"))});
        Opportunity edited = m_store->opportunity(QStringLiteral("a"))->opportunity;
        edited.stage = Stage::ClosedWon;
        QVERIFY(m_store->editOpportunity(QStringLiteral("a"), edited, OpportunityField::Stage));
        QCOMPARE(m_store->pendingCount(), 1);
        edited.stage = Stage::Proposal;
        QVERIFY(m_store->editOpportunity(QStringLiteral("a"), edited, OpportunityField::Stage));
        QCOMPARE(m_store->pendingCount(), 0);
        QCOMPARE(m_store->opportunity(QStringLiteral("a"))->state, SyncState::Synced);
    }

    void createThenDeleteLeavesNothing()
    {
        Opportunity o;
        o.name = QStringLiteral("Never mind");
        const auto id = m_store->createOpportunity(o);
        QVERIFY(m_store->deleteOpportunity(*id));
        QCOMPARE(m_store->pendingCount(), 0);
        QVERIFY(!m_store->opportunity(*id));
    }

    void deleteHidesTheRowAndQueuesOneDelete()
    {
        seed(*m_store, {serverRecord(QStringLiteral("a"), QStringLiteral("Deal A"))});
        Opportunity edited = m_store->opportunity(QStringLiteral("a"))->opportunity;
        edited.value = 5;
        QVERIFY(m_store->editOpportunity(QStringLiteral("a"), edited, OpportunityField::Value));
        QVERIFY(m_store->deleteOpportunity(QStringLiteral("a")));
        QVERIFY(!m_store->opportunity(QStringLiteral("a")));
        QCOMPARE(m_store->outbox()->size(), 1);
        QCOMPARE(m_store->outbox()->first().operation, OutboxEntry::Operation::Delete);
    }

    void pullMergesFieldByField()
    {
        seed(*m_store, {serverRecord(QStringLiteral("a"), QStringLiteral("Deal A")),
                        serverRecord(QStringLiteral("b"), QStringLiteral("Deal B"))});
        // Here: a's value and b's stage change.
        Opportunity a = m_store->opportunity(QStringLiteral("a"))->opportunity;
        a.value = 2000;
        QVERIFY(m_store->editOpportunity(QStringLiteral("a"), a, OpportunityField::Value));
        Opportunity b = m_store->opportunity(QStringLiteral("b"))->opportunity;
        b.stage = Stage::Negotiation;
        QVERIFY(m_store->editOpportunity(QStringLiteral("b"), b, OpportunityField::Stage));
        // There: a's name (another field) and b's stage (the same field, another value).
        Opportunity serverA = serverRecord(QStringLiteral("a"), QStringLiteral("Deal A, renamed"));
        Opportunity serverB = serverRecord(QStringLiteral("b"), QStringLiteral("Deal B"));
        serverB.stage = Stage::ClosedLost;
        seed(*m_store, {serverA, serverB});

        const auto mergedA = m_store->opportunity(QStringLiteral("a"));
        QVERIFY(mergedA);
        QCOMPARE(mergedA->state, SyncState::Pending);
        QCOMPARE(mergedA->opportunity.name, QStringLiteral("Deal A, renamed"));
        QCOMPARE(mergedA->opportunity.value, 2000.0);
        const auto conflictB = m_store->opportunity(QStringLiteral("b"));
        QVERIFY(conflictB);
        QCOMPARE(conflictB->state, SyncState::Conflict);
        QCOMPARE(conflictB->conflictFields, OpportunityFields(OpportunityField::Stage));
        QCOMPARE(conflictB->opportunity.stage, Stage::Negotiation);
        QCOMPARE(conflictB->serverState->stage, Stage::ClosedLost);

        // The user keeps the server's stage: nothing is left to push for b.
        QVERIFY(m_store->resolveConflict(QStringLiteral("b"), *conflictB->serverState));
        QCOMPARE(m_store->opportunity(QStringLiteral("b"))->state, SyncState::Synced);
        QVERIFY(!m_store->entryFor(QStringLiteral("b")));
    }

    void completePullRemovesVanishedRowsButKeepsEditedOnes()
    {
        seed(*m_store, {serverRecord(QStringLiteral("a"), QStringLiteral("A")),
                        serverRecord(QStringLiteral("b"), QStringLiteral("B")),
                        serverRecord(QStringLiteral("c"), QStringLiteral("C"))});
        Opportunity b = m_store->opportunity(QStringLiteral("b"))->opportunity;
        b.value = 7;
        QVERIFY(m_store->editOpportunity(QStringLiteral("b"), b, OpportunityField::Value));
        QSignalSpy removed(m_store.get(), &LocalStore::opportunitiesRemoved);
        seed(*m_store, {serverRecord(QStringLiteral("c"), QStringLiteral("C"))});
        QVERIFY(!m_store->opportunity(QStringLiteral("a")));
        QCOMPARE(removed.size(), 1);
        const auto kept = m_store->opportunity(QStringLiteral("b"));
        QVERIFY(kept);
        QCOMPARE(kept->state, SyncState::Conflict);
        QVERIFY(kept->serverDeleted);
        QCOMPARE(kept->opportunity.value, 7.0);
    }

    void incompletePullRemovesNothing()
    {
        seed(*m_store, {serverRecord(QStringLiteral("a"), QStringLiteral("A")),
                        serverRecord(QStringLiteral("b"), QStringLiteral("B"))});
        QVERIFY(m_store->beginPull());
        QVERIFY(m_store->stagePulled({serverRecord(QStringLiteral("a"), QStringLiteral("A2"))}));
        QVERIFY(m_store->commitPull(false));
        QVERIFY(m_store->opportunity(QStringLiteral("b")));
        QCOMPARE(m_store->opportunity(QStringLiteral("a"))->opportunity.name, QStringLiteral("A2"));
    }

    void anEditUndoneWhileItsRequestIsUnderWayStillGoesOut()
    {
        seed(*m_store, {serverRecord(QStringLiteral("a"), QStringLiteral("A"))});
        Opportunity a = m_store->opportunity(QStringLiteral("a"))->opportunity;
        a.name = QStringLiteral("Renamed");
        QVERIFY(m_store->editOpportunity(QStringLiteral("a"), a, OpportunityField::Name));
        const OutboxEntry sent = m_store->outbox()->first();
        QVERIFY(m_store->markAttempt(
            sent.sequence, QJsonObject{{QStringLiteral("name"), QStringLiteral("Renamed")}}));
        // Undone while the PUT is on its way: the entry stays, the answer is then corrected.
        a.name = QStringLiteral("A");
        QVERIFY(m_store->editOpportunity(QStringLiteral("a"), a, OpportunityField::Name));
        QCOMPARE(m_store->pendingCount(), 1);
        Opportunity answer = serverRecord(QStringLiteral("a"), QStringLiteral("Renamed"));
        QVERIFY(m_store->completeEntry(sent.sequence, answer, "\"2\""));
        QCOMPARE(m_store->pendingCount(), 1);
        QCOMPARE(m_store->outbox()->first().fields, OpportunityFields(OpportunityField::Name));
        QCOMPARE(m_store->opportunity(QStringLiteral("a"))->opportunity.name, QStringLiteral("A"));
    }

    void deletedHereChangedThereStaysAConflict()
    {
        seed(*m_store, {serverRecord(QStringLiteral("a"), QStringLiteral("A"))});
        QVERIFY(m_store->deleteOpportunity(QStringLiteral("a")));
        seed(*m_store, {serverRecord(QStringLiteral("a"), QStringLiteral("A, renamed there"))});
        QCOMPARE(m_store->opportunity(QStringLiteral("a"))->state, SyncState::Conflict);
        seed(*m_store,
             {serverRecord(QStringLiteral("a"), QStringLiteral("A, renamed there"))}); // next sync
        QCOMPARE(m_store->opportunity(QStringLiteral("a"))->state, SyncState::Conflict);
    }

    void discardingEditsGoesBackToTheServerState()
    {
        seed(*m_store, {serverRecord(QStringLiteral("a"), QStringLiteral("A")),
                        serverRecord(QStringLiteral("b"), QStringLiteral("B"))});
        Opportunity a = m_store->opportunity(QStringLiteral("a"))->opportunity;
        a.value = 1;
        QVERIFY(m_store->editOpportunity(QStringLiteral("a"), a, OpportunityField::Value));
        QVERIFY(m_store->deleteOpportunity(QStringLiteral("b")));
        Opportunity fresh;
        fresh.name = QStringLiteral("Never sent");
        const auto created = m_store->createOpportunity(fresh);
        QCOMPARE(m_store->pendingCount(), 3);
        QVERIFY(m_store->discardEdits(QStringLiteral("a")));
        QVERIFY(m_store->discardEdits(QStringLiteral("b")));
        QVERIFY(m_store->discardEdits(*created));
        QCOMPARE(m_store->pendingCount(), 0);
        QCOMPARE(m_store->opportunity(QStringLiteral("a"))->opportunity.value, 1000.0);
        QCOMPARE(m_store->opportunity(QStringLiteral("a"))->state, SyncState::Synced);
        QVERIFY(m_store->opportunity(QStringLiteral("b")));
        QVERIFY(!m_store->opportunity(*created));
    }

    // A refusal keeps the fields at fault as values beside its sentence, through a pull that
    // changes the record there and through closing and reopening the cache.
    void refusedFieldsOutliveReopening()
    {
        refuseAnEdit();
        if (QTest::currentTestFailed())
            return;
        seed(*m_store, {serverRecord(QStringLiteral("a"), QStringLiteral("A, renamed there"))});
        const QString path = m_store->path();
        m_store = std::make_unique<LocalStore>();
        QVERIFY(m_store->open(path).ok);
        const auto refused = m_store->opportunity(QStringLiteral("a"));
        QVERIFY(refused);
        QCOMPARE(refused->state, SyncState::Failed);
        QCOMPARE(refused->opportunity.name, QStringLiteral("A, renamed there"));
        QCOMPARE(refused->syncError, refusal);
        QCOMPARE(describe(refused->syncFieldErrors), describe(refusedFields));
    }

    // A new edit of the refused record is a new attempt: no field is at fault any more.
    void anEditClearsTheRefusedFields()
    {
        refuseAnEdit();
        if (QTest::currentTestFailed())
            return;
        Opportunity a = m_store->opportunity(QStringLiteral("a"))->opportunity;
        a.value = 900;
        QVERIFY(m_store->editOpportunity(QStringLiteral("a"), a, OpportunityField::Value));
        const auto edited = m_store->opportunity(QStringLiteral("a"));
        QCOMPARE(edited->state, SyncState::Pending);
        QCOMPARE(edited->syncError, QString());
        QCOMPARE(describe(edited->syncFieldErrors), QString());
    }

    void retryingClearsTheRefusedFields()
    {
        refuseAnEdit();
        if (QTest::currentTestFailed())
            return;
        QVERIFY(m_store->retryFailed(QStringLiteral("a")));
        const auto retried = m_store->opportunity(QStringLiteral("a"));
        QCOMPARE(retried->state, SyncState::Pending);
        QCOMPARE(retried->syncError, QString());
        QCOMPARE(describe(retried->syncFieldErrors), QString());
    }

    // The cache holds the pipeline: readable by its owner only, whatever the umask.
    void newCacheIsPrivate()
    {
        const mode_t saved = ::umask(022);
        const QString path = m_dir->filePath(QStringLiteral("new/folder/cache.sqlite"));
        {
            LocalStore store;
            QVERIFY(store.open(path).ok);
            QVERIFY(store.createOpportunity(serverRecord(QString(), QStringLiteral("private"))));
            const QFile::Permissions others =
                QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
            for (const QString &file : {path, QString(path + QStringLiteral("-wal"))})
                QVERIFY2(!(QFileInfo(file).permissions() & others), qPrintable(file));
            for (const QString &folder : {m_dir->filePath(QStringLiteral("new")),
                                          m_dir->filePath(QStringLiteral("new/folder"))})
                QVERIFY2(!(QFileInfo(folder).permissions() &
                           (others | QFile::ExeGroup | QFile::ExeOther)),
                         qPrintable(folder));
        }
        ::umask(saved);
    }

    void garbageFileIsReplaced()
    {
        const QString path = m_dir->filePath(QStringLiteral("garbage.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        LocalStore store;
        const LocalStore::OpenResult result = store.open(path);
        QVERIFY(result.ok);
        QVERIFY(!result.recoveryMessage.isEmpty());
        QVERIFY(store.opportunities()->isEmpty());
        QVERIFY(store.createOpportunity(serverRecord(QString(), QStringLiteral("works again"))));
    }

private:
    // Record "a" with its value and probability edited, refused by the server for both.
    void refuseAnEdit()
    {
        seed(*m_store, {serverRecord(QStringLiteral("a"), QStringLiteral("A"))});
        Opportunity a = m_store->opportunity(QStringLiteral("a"))->opportunity;
        a.value = -5;
        a.probability = 101;
        QVERIFY(m_store->editOpportunity(QStringLiteral("a"), a,
                                         OpportunityField::Value | OpportunityField::Probability));
        const qint64 sequence = m_store->entryFor(QStringLiteral("a"))->sequence;
        QVERIFY(m_store->failEntry(sequence, refusal, refusedFields));
        QCOMPARE(describe(m_store->opportunity(QStringLiteral("a"))->syncFieldErrors),
                 describe(refusedFields));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
};

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
