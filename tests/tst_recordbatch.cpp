// LocalStore::applyBatch: many creates, edits and deletions as one write (all of it or nothing),
// each record with the one outbox entry single changes would leave, one announcement per batch,
// shown in the list in place; and a pushed batch reaches a real kashew-server once per record.
#include "CacheSeed.h"
#include "ItemRoles.h"
#include "LocalStore.h"
#include "ModelFeeder.h"
#include "OpportunityListModel.h"
#include "ServerProcess.h"
#include "SyncFixture.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

using CacheSeed::seed;
using CacheSeed::serverRecord;

Opportunity newDeal(const QString &name)
{
    Opportunity o;
    o.name = name;
    o.value = 250;
    return o;
}

// The outbox as "operation id fields" lines, in order: comparisons then say what differs.
QStringList describe(const QList<OutboxEntry> &outbox)
{
    QStringList lines;
    for (const OutboxEntry &entry : outbox)
        lines.append(QStringLiteral("%1 %2 %3 #%4")
                         .arg(OutboxEntry::operationName(entry.operation), entry.opportunityId)
                         .arg(entry.fields.toInt())
                         .arg(entry.sequence));
    return lines;
}

int countLines(const QString &log, const QString &pattern)
{
    return static_cast<int>(log.count(QRegularExpression(pattern)));
}

} // namespace

class TestRecordBatch final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<LocalStore>();
        QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("cache.sqlite"))).ok);
    }

    void createsEditsAndDeletionsInOneCall()
    {
        seed(*m_store, {serverRecord(QStringLiteral("a"), QStringLiteral("Deal A")),
                        serverRecord(QStringLiteral("b"), QStringLiteral("Deal B")),
                        serverRecord(QStringLiteral("c"), QStringLiteral("Deal C"))});
        RecordBatch batch;
        batch.creates = {newDeal(QStringLiteral("New 1")), newDeal(QStringLiteral("New 2"))};
        Opportunity a = m_store->opportunity(QStringLiteral("a"))->opportunity;
        a.value = 4000;
        batch.edits.append({QStringLiteral("a"), a, OpportunityField::Value});
        batch.deletions = {QStringLiteral("b")};
        const auto created = m_store->applyBatch(batch);
        QVERIFY2(created, qPrintable(created.error()));
        QCOMPARE(created->size(), 2);
        QCOMPARE(m_store->opportunity(QStringLiteral("a"))->opportunity.value, 4000.0);
        QCOMPARE(m_store->opportunity(QStringLiteral("a"))->state, SyncState::Pending);
        QVERIFY(!m_store->opportunity(QStringLiteral("b")));
        QCOMPARE(m_store->opportunity(QStringLiteral("c"))->state, SyncState::Synced);
        QCOMPARE(m_store->opportunities()->size(), 4); // a, c and the two new
        const QList<OutboxEntry> outbox = m_store->outbox().value();
        QCOMPARE(outbox.size(), 4);
        QCOMPARE(outbox.at(0).operation, OutboxEntry::Operation::Create);
        QCOMPARE(outbox.at(0).opportunityId, created->at(0));
        QCOMPARE(outbox.at(1).operation, OutboxEntry::Operation::Create);
        QCOMPARE(outbox.at(1).opportunityId, created->at(1));
        QVERIFY(outbox.at(0).idempotencyKey != outbox.at(1).idempotencyKey);
        QCOMPARE(outbox.at(2).operation, OutboxEntry::Operation::Update);
        QCOMPARE(outbox.at(2).opportunityId, QStringLiteral("a"));
        QCOMPARE(outbox.at(2).fields, OpportunityFields(OpportunityField::Value));
        QCOMPARE(outbox.at(3).operation, OutboxEntry::Operation::Delete);
        QCOMPARE(outbox.at(3).opportunityId, QStringLiteral("b"));
    }

    // One edit of a record that is not there: the creates, the other edits and the deletions of
    // the same batch are not written either, and nothing is announced.
    void oneFailureLeavesEverythingAsItWas()
    {
        seed(*m_store, {serverRecord(QStringLiteral("a"), QStringLiteral("Deal A")),
                        serverRecord(QStringLiteral("b"), QStringLiteral("Deal B"))});
        Opportunity a = m_store->opportunity(QStringLiteral("a"))->opportunity;
        a.value = 1500;
        QVERIFY(m_store->editOpportunity(QStringLiteral("a"), a, OpportunityField::Value));
        const QStringList outboxBefore = describe(m_store->outbox().value());
        QSignalSpy changed(m_store.get(), &LocalStore::opportunitiesChanged);
        QSignalSpy removed(m_store.get(), &LocalStore::opportunitiesRemoved);
        QSignalSpy outboxChanged(m_store.get(), &LocalStore::outboxChanged);

        RecordBatch batch;
        batch.creates = {newDeal(QStringLiteral("New"))};
        a.value = 9000;
        a.stage = Stage::Negotiation;
        batch.edits.append(
            {QStringLiteral("a"), a, OpportunityField::Value | OpportunityField::Stage});
        Opportunity ghost = serverRecord(QStringLiteral("ghost"), QStringLiteral("Ghost"));
        ghost.value = 1;
        batch.edits.append({QStringLiteral("ghost"), ghost, OpportunityField::Value});
        batch.deletions = {QStringLiteral("b")};
        const auto applied = m_store->applyBatch(batch);
        QVERIFY(!applied);
        QVERIFY2(applied.error().contains(QStringLiteral("ghost")), qPrintable(applied.error()));

        QCOMPARE(m_store->opportunities()->size(), 2);
        QCOMPARE(m_store->opportunity(QStringLiteral("a"))->opportunity.value, 1500.0);
        QCOMPARE(m_store->opportunity(QStringLiteral("a"))->opportunity.stage, Stage::Proposal);
        QCOMPARE(m_store->opportunity(QStringLiteral("b"))->state, SyncState::Synced);
        QCOMPARE(describe(m_store->outbox().value()), outboxBefore);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(outboxChanged.size(), 0);
    }

    // Each record keeps one entry: a batch's edit joins the one pending (fields merged), and an
    // edit back to the server's value takes the entry away.
    void editsCoalesceWithWhatIsPending()
    {
        seed(*m_store, {serverRecord(QStringLiteral("a"), QStringLiteral("Deal A")),
                        serverRecord(QStringLiteral("b"), QStringLiteral("Deal B"))});
        Opportunity a = m_store->opportunity(QStringLiteral("a"))->opportunity;
        a.value = 1200;
        QVERIFY(m_store->editOpportunity(QStringLiteral("a"), a, OpportunityField::Value));
        Opportunity b = m_store->opportunity(QStringLiteral("b"))->opportunity;
        b.value = 5;
        QVERIFY(m_store->editOpportunity(QStringLiteral("b"), b, OpportunityField::Value));
        const qint64 aSequence = m_store->entryFor(QStringLiteral("a"))->sequence;

        RecordBatch batch;
        a.stage = Stage::Negotiation;
        batch.edits.append({QStringLiteral("a"), a, OpportunityField::Stage});
        b.value = 1000; // the server's value again
        batch.edits.append({QStringLiteral("b"), b, OpportunityField::Value});
        QVERIFY(m_store->applyBatch(batch));

        const QList<OutboxEntry> outbox = m_store->outbox().value();
        QCOMPARE(outbox.size(), 1);
        QCOMPARE(outbox.first().opportunityId, QStringLiteral("a"));
        QCOMPARE(outbox.first().sequence, aSequence);
        QCOMPARE(outbox.first().fields, OpportunityField::Value | OpportunityField::Stage);
        QCOMPARE(m_store->opportunity(QStringLiteral("a"))->opportunity.stage, Stage::Negotiation);
        QCOMPARE(m_store->opportunity(QStringLiteral("a"))->opportunity.value, 1200.0);
        QCOMPARE(m_store->opportunity(QStringLiteral("b"))->state, SyncState::Synced);
        QCOMPARE(m_store->opportunity(QStringLiteral("b"))->opportunity.value, 1000.0);
    }

    // A bulk change larger than one read-ahead (LocalEdits reads 500 records and their entries
    // at a time): records in every chunk keep what was already pending, and a record edited in
    // two chunks keeps both edits.
    void aBatchLargerThanOneReadKeepsWhatWasPending()
    {
        constexpr int count = 1200;
        const auto idOf = [](int i) {
            return QStringLiteral("r%1").arg(i, 4, 10, QLatin1Char('0'));
        };
        QList<Opportunity> records;
        for (int i = 0; i < count; ++i)
            records.append(serverRecord(idOf(i), QStringLiteral("Deal %1").arg(i)));
        seed(*m_store, records);
        QHash<QString, qint64> pendingSequence;
        for (int i = 0; i < count; i += 3) {
            Opportunity o = m_store->opportunity(idOf(i))->opportunity;
            o.value = 7;
            QVERIFY(m_store->editOpportunity(idOf(i), o, OpportunityField::Value));
            pendingSequence.insert(idOf(i), m_store->entryFor(idOf(i))->sequence);
        }

        RecordBatch batch;
        for (int i = 0; i < count; ++i) {
            Opportunity o = m_store->opportunity(idOf(i))->opportunity;
            o.stage = Stage::Negotiation;
            batch.edits.append({idOf(i), o, OpportunityField::Stage});
        }
        Opportunity twice = m_store->opportunity(idOf(1))->opportunity;
        twice.probability = 35;
        batch.edits.append({idOf(1), twice, OpportunityField::Probability}); // in the third chunk
        QVERIFY(m_store->applyBatch(batch));

        const QList<OutboxEntry> outbox = m_store->outbox().value();
        QCOMPARE(outbox.size(), count);
        for (const OutboxEntry &entry : outbox) {
            const QString &id = entry.opportunityId;
            QCOMPARE(m_store->opportunity(id)->opportunity.stage, Stage::Negotiation);
            if (pendingSequence.contains(id)) {
                QCOMPARE(entry.sequence, pendingSequence.value(id));
                QCOMPARE(entry.fields, OpportunityField::Value | OpportunityField::Stage);
                QCOMPARE(m_store->opportunity(id)->opportunity.value, 7.0);
            } else if (id == idOf(1)) {
                QCOMPARE(entry.fields, OpportunityField::Stage | OpportunityField::Probability);
            } else {
                QCOMPARE(entry.fields, OpportunityFields(OpportunityField::Stage));
            }
        }
        QCOMPARE(m_store->opportunity(idOf(1))->opportunity.probability, 35);
    }

    // Two edits of one record in one batch: the second starts from the first's result.
    void aRecordEditedTwiceInOneBatchKeepsBoth()
    {
        seed(*m_store, {serverRecord(QStringLiteral("a"), QStringLiteral("Deal A")),
                        serverRecord(QStringLiteral("b"), QStringLiteral("Deal B"))});
        Opportunity a = m_store->opportunity(QStringLiteral("a"))->opportunity;
        RecordBatch batch;
        a.value = 3000;
        batch.edits.append({QStringLiteral("a"), a, OpportunityField::Value});
        Opportunity other = m_store->opportunity(QStringLiteral("a"))->opportunity;
        other.stage = Stage::Qualification;
        batch.edits.append({QStringLiteral("a"), other, OpportunityField::Stage});
        QVERIFY(m_store->applyBatch(batch));
        const auto record = m_store->opportunity(QStringLiteral("a"));
        QCOMPARE(record->opportunity.value, 3000.0);
        QCOMPARE(record->opportunity.stage, Stage::Qualification);
        QCOMPARE(m_store->outbox()->size(), 1);
        QCOMPARE(m_store->outbox()->first().fields,
                 OpportunityField::Value | OpportunityField::Stage);
    }

    // Created by one batch, deleted by a later one: it never reached the server, nothing is left.
    void createdThenDeletedLeavesNothing()
    {
        RecordBatch creates;
        creates.creates = {newDeal(QStringLiteral("One")), newDeal(QStringLiteral("Two")),
                           newDeal(QStringLiteral("Three"))};
        const auto ids = m_store->applyBatch(creates);
        QVERIFY(ids);
        QCOMPARE(m_store->pendingCount(), 3);
        RecordBatch deletions;
        deletions.deletions = {ids->at(0), ids->at(2)};
        QVERIFY(m_store->applyBatch(deletions));
        QCOMPARE(m_store->pendingCount(), 1);
        QCOMPARE(m_store->outbox()->first().opportunityId, ids->at(1));
        QVERIFY(!m_store->opportunity(ids->at(0)));
        QVERIFY(!m_store->opportunity(ids->at(2)));
        QCOMPARE(m_store->opportunities()->size(), 1);
    }

    void oneAnnouncementPerBatch()
    {
        seed(*m_store, {serverRecord(QStringLiteral("a"), QStringLiteral("Deal A")),
                        serverRecord(QStringLiteral("b"), QStringLiteral("Deal B")),
                        serverRecord(QStringLiteral("c"), QStringLiteral("Deal C"))});
        QSignalSpy changed(m_store.get(), &LocalStore::opportunitiesChanged);
        QSignalSpy removed(m_store.get(), &LocalStore::opportunitiesRemoved);
        QSignalSpy outboxChanged(m_store.get(), &LocalStore::outboxChanged);
        RecordBatch batch;
        batch.creates = {newDeal(QStringLiteral("New 1")), newDeal(QStringLiteral("New 2"))};
        for (const QString &id : {QStringLiteral("a"), QStringLiteral("b")}) {
            Opportunity edited = m_store->opportunity(id)->opportunity;
            edited.stage = Stage::ClosedWon;
            edited.probability = 100;
            batch.edits.append(
                {id, edited, OpportunityField::Stage | OpportunityField::Probability});
        }
        batch.deletions = {QStringLiteral("c")};
        const auto created = m_store->applyBatch(batch);
        QVERIFY(created);
        QCOMPARE(changed.size(), 1);
        const QStringList expected =
            *created + QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QCOMPARE(changed.first().first().toStringList(), expected);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().first().toStringList(), QStringList{QStringLiteral("c")});
        QCOMPARE(outboxChanged.size(), 1);
        QCOMPARE(outboxChanged.first().first().toInt(), 5);
    }

    void createdIdsFollowTheOrderOfTheCreates()
    {
        RecordBatch batch;
        for (int i = 0; i < 20; ++i)
            batch.creates.append(newDeal(QStringLiteral("Deal %1").arg(i)));
        const auto ids = m_store->applyBatch(batch);
        QVERIFY(ids);
        QCOMPARE(ids->size(), 20);
        for (int i = 0; i < 20; ++i) {
            const auto record = m_store->opportunity(ids->at(i));
            QVERIFY(record);
            QCOMPARE(record->opportunity.name, QStringLiteral("Deal %1").arg(i));
        }
        QCOMPARE(QSet<QString>(ids->cbegin(), ids->cend()).size(), 20);
    }

    void accountChangesFillTheAccountNames()
    {
        Account acme;
        acme.id = QStringLiteral("acct-acme");
        acme.name = QStringLiteral("Acme");
        Account globex;
        globex.id = QStringLiteral("acct-globex");
        globex.name = QStringLiteral("Globex");
        QVERIFY(m_store->storeAccounts({acme, globex}));
        Opportunity a = serverRecord(QStringLiteral("a"), QStringLiteral("Deal A"));
        a.accountId = acme.id;
        a.accountName = acme.name;
        seed(*m_store, {a, serverRecord(QStringLiteral("b"), QStringLiteral("Deal B")),
                        serverRecord(QStringLiteral("c"), QStringLiteral("Deal C"))});
        RecordBatch batch;
        const QList<std::pair<QString, QString>> accountOf{{QStringLiteral("a"), globex.id},
                                                           {QStringLiteral("b"), acme.id},
                                                           {QStringLiteral("c"), globex.id}};
        for (const auto &[id, accountId] : accountOf) {
            Opportunity edited = m_store->opportunity(id)->opportunity;
            edited.accountId = accountId;
            batch.edits.append({id, edited, OpportunityField::AccountId});
        }
        QVERIFY(m_store->applyBatch(batch));
        QCOMPARE(m_store->opportunity(QStringLiteral("a"))->opportunity.accountName,
                 QStringLiteral("Globex"));
        QCOMPARE(m_store->opportunity(QStringLiteral("b"))->opportunity.accountName,
                 QStringLiteral("Acme"));
        QCOMPARE(m_store->opportunity(QStringLiteral("c"))->opportunity.accountName,
                 QStringLiteral("Globex"));
    }

    // A bulk change of thousands of records reaches the list in place, not as a reload of
    // everything: no reset, so what the user selected stays selected.
    void aBulkChangeUpdatesTheListInPlace()
    {
        QList<Opportunity> records;
        for (int i = 0; i < 3000; ++i)
            records.append(
                serverRecord(QStringLiteral("r%1").arg(i), QStringLiteral("Deal %1").arg(i)));
        seed(*m_store, records);
        OpportunityListModel model;
        QAbstractItemModelTester tester(&model);
        ModelFeeder feeder(*m_store, model);
        feeder.reload();
        QCOMPARE(model.rowCount(), 3000);
        const QPersistentModelIndex selected = model.index(model.rowOf(QStringLiteral("r7")), 0);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        RecordBatch batch;
        for (int i = 0; i < 2500; ++i) {
            Opportunity edited = records.at(i);
            edited.stage = Stage::Negotiation;
            batch.edits.append({edited.id, edited, OpportunityField::Stage});
        }
        QVERIFY(m_store->applyBatch(batch));
        QCOMPARE(reset.size(), 0);
        QVERIFY(!changed.isEmpty());
        QVERIFY(selected.isValid());
        QCOMPARE(selected.data(ItemRoles::Id).toString(), QStringLiteral("r7"));
        QCOMPARE(model.rowCount(), 3000);
        for (int i = 0; i < 3000; ++i) {
            const Opportunity &shown =
                model.rowAt(model.rowOf(QStringLiteral("r%1").arg(i))).opportunity;
            QCOMPARE(shown.stage, i < 2500 ? Stage::Negotiation : Stage::Proposal);
        }
        QCOMPARE(model.rowAt(model.rowOf(QStringLiteral("r7"))).state, SyncState::Pending);
    }

    // A batch of creates, edits and a deletion, pushed: one POST per new deal, one PUT per edited
    // deal (two batches' edits of it coalesced), one DELETE, as the server's request log counts.
    void aPushedBatchReachesTheServerOncePerRecord()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--log-requests")}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QStringList existing{TestData::createDeal(http, QStringLiteral("Acme — Pilot")),
                                   TestData::createDeal(http, QStringLiteral("Globex — Renewal")),
                                   TestData::createDeal(http, QStringLiteral("Initech — Trial"))};
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.syncOnce());
        const qsizetype logBefore = server.requestLog().size();

        RecordBatch batch;
        batch.creates = {newDeal(QStringLiteral("Umbrella — Expansion")),
                         newDeal(QStringLiteral("Hooli — License"))};
        for (const QString &id : existing.first(2)) {
            Opportunity edited = sync.store.opportunity(id)->opportunity;
            edited.value = 7777;
            batch.edits.append({id, edited, OpportunityField::Value});
        }
        batch.deletions = {existing.at(2)};
        const auto created = sync.store.applyBatch(batch);
        QVERIFY2(created, qPrintable(created.error()));
        RecordBatch again;
        Opportunity first = sync.store.opportunity(existing.at(0))->opportunity;
        first.stage = Stage::Negotiation;
        again.edits.append({existing.at(0), first, OpportunityField::Stage});
        QVERIFY(sync.store.applyBatch(again));
        QCOMPARE(sync.store.pendingCount(), 5);

        QVERIFY(sync.syncOnce());
        QCOMPARE(sync.store.pendingCount(), 0);
        const QString log = server.requestLog().mid(logBefore);
        QCOMPARE(countLines(log, QStringLiteral("POST /api/v1/opportunities ")), 2);
        for (const QString &id : existing.first(2))
            QCOMPARE(countLines(log, QStringLiteral("PUT /api/v1/opportunities/") + id), 1);
        QCOMPARE(countLines(log, QStringLiteral("DELETE /api/v1/opportunities/") + existing.at(2)),
                 1);
        QCOMPARE(countLines(log, QStringLiteral("(POST|PUT|PATCH|DELETE) ")), 5);

        const QJsonObject edited = TestData::serverRecord(http, existing.at(0));
        QCOMPARE(edited.value(QStringLiteral("value")).toDouble(), 7777.0);
        QCOMPARE(edited.value(QStringLiteral("stage")).toString(), QStringLiteral("negotiation"));
        QCOMPARE(http.get(QStringLiteral("/opportunities/") + existing.at(2)).status, 404);
        QCOMPARE(sync.store.opportunities()->size(), 4);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
};

QTEST_GUILESS_MAIN(TestRecordBatch)
#include "tst_recordbatch.moc"
