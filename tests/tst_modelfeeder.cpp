// The lean read behind the item models and the start-up paging in: the same rows as the full
// read of the cache, repeated texts shared, every row exactly once however changes land.
#include "CacheSeed.h"
#include "ItemRoles.h"
#include "LocalStore.h"
#include "ModelFeeder.h"
#include "OpportunityListModel.h"
#include "StringPool.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using CacheSeed::seed;
using CacheSeed::serverRecord;

namespace {

// A deal changed `minutes` after 2026-01-01 10:00 UTC: the bigger, the newer.
Opportunity deal(int i, int minutes)
{
    Opportunity o = serverRecord(QStringLiteral("deal-%1").arg(i, 5, 10, QLatin1Char('0')),
                                 QStringLiteral("Deal %1").arg(i));
    o.accountId = QStringLiteral("acct-%1").arg(i % 7);
    o.accountName = QStringLiteral("Account %1").arg(i % 7);
    o.ownerId = QStringLiteral("owner-%1").arg(i % 3);
    o.updatedAt = o.updatedAt.addSecs(60 * minutes);
    return o;
}

// Compares every field, and null against empty text, which == does not tell apart.
void compareRows(const OpportunityRow &lean, const CachedOpportunity &full)
{
    const Opportunity &a = lean.opportunity;
    const Opportunity &b = full.opportunity;
    QCOMPARE(a, b);
    for (const auto &[x, y] :
         {std::pair(a.id, b.id), std::pair(a.name, b.name), std::pair(a.accountId, b.accountId),
          std::pair(a.accountName, b.accountName), std::pair(a.leadId, b.leadId),
          std::pair(a.currency, b.currency), std::pair(a.description, b.description),
          std::pair(a.ownerId, b.ownerId), std::pair(lean.syncError, full.syncError)}) {
        QCOMPARE(x, y);
        QCOMPARE(x.isNull(), y.isNull());
    }
    QCOMPARE(a.createdAt.isNull(), b.createdAt.isNull());
    QCOMPARE(a.updatedAt.isNull(), b.updatedAt.isNull());
    QCOMPARE(a.expectedCloseDate.isNull(), b.expectedCloseDate.isNull());
    QCOMPARE(lean.state, full.state);
}

} // namespace

class TestModelFeeder final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<LocalStore>();
        QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("cache.sqlite"))).ok);
    }
    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    // Every field as the full read (CachedOpportunity) has it: NULLs, empty texts, unicode,
    // dates, times, the sync state and error; a pending delete is not shown.
    void leanReadGivesTheFullReadsRows()
    {
        Opportunity bare = serverRecord(QStringLiteral("bare"), QStringLiteral("Bare"));
        bare.accountId.clear();
        bare.accountName.clear();
        bare.leadId.clear();
        bare.ownerId.clear();
        bare.description.clear();
        bare.expectedCloseDate = QDate();
        bare.createdAt = QDateTime();
        bare.updatedAt = QDateTime();
        Opportunity full = serverRecord(QStringLiteral("full"),
                                        QStringLiteral("Søndergaard — Zürich 北京 \U0001F600"));
        full.accountId = QStringLiteral("acct-ü");
        full.accountName = QStringLiteral("Kraków Sp. z o.o.");
        full.leadId = QStringLiteral("lead-1");
        full.description = QString(QLatin1String("")); // empty, not null
        full.ownerId = QStringLiteral("owner-1");
        full.value = 1234567.89;
        full.currency = QStringLiteral("EUR");
        full.stage = Stage::ClosedWon;
        full.probability = 100;
        full.isArchived = true;
        full.expectedCloseDate = QDate(2026, 2, 28);
        full.createdAt = QDateTime(QDate(2025, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
        Opportunity gone = serverRecord(QStringLiteral("gone"), QStringLiteral("Gone"));
        seed(*m_store, {bare, full, gone});
        const auto created = m_store->createOpportunity(
            serverRecord(QStringLiteral("ignored"), QStringLiteral("Mine, refused")));
        QVERIFY(created);
        const auto outbox = m_store->outbox();
        QVERIFY(outbox && outbox->size() == 1);
        QVERIFY(m_store->failEntry(outbox->first().sequence, QStringLiteral("Wert ungültig")));
        QVERIFY(m_store->deleteOpportunity(QStringLiteral("gone")));

        const auto records = m_store->opportunities();
        QVERIFY(records);
        QCOMPARE(records->size(), 3);
        StringPool pool;
        // Pages of one row: every page boundary, as paging in crosses them.
        QList<OpportunityRow> rows;
        qint64 cursor = 0;
        for (bool end = false; !end;) {
            const auto page = m_store->rowsAfter(cursor, 1, pool);
            QVERIFY2(page, qPrintable(page.error()));
            rows += page->rows;
            cursor = page->last;
            end = page->end;
        }
        QCOMPARE(rows.size(), records->size());
        for (const CachedOpportunity &record : *records) {
            const auto row = std::find_if(rows.cbegin(), rows.cend(), [&](const OpportunityRow &r) {
                return r.opportunity.id == record.opportunity.id;
            });
            QVERIFY2(row != rows.cend(), qPrintable(record.opportunity.id));
            compareRows(*row, record);
        }
        const auto failed = std::find_if(rows.cbegin(), rows.cend(), [&](const OpportunityRow &r) {
            return r.opportunity.id == *created;
        });
        QCOMPARE(failed->state, SyncState::Failed);
        QCOMPARE(failed->syncError, QStringLiteral("Wert ungültig"));
    }

    // Rows of the same account, owner and currency hold one string each, across pages.
    void repeatedTextsAreShared()
    {
        QList<Opportunity> deals;
        for (int i = 0; i < 20; ++i)
            deals.append(deal(i, i));
        seed(*m_store, deals);
        StringPool pool;
        const auto first = m_store->rowsAfter(0, 10, pool);
        QVERIFY(first);
        const auto second = m_store->rowsAfter(first->last, 10, pool);
        QVERIFY(second);
        const Opportunity &a = first->rows.first().opportunity;
        for (const OpportunityRow &row : first->rows + second->rows) {
            const Opportunity &b = row.opportunity;
            QCOMPARE(b.currency.constData(), a.currency.constData());
            if (b.accountId == a.accountId) {
                QCOMPARE(b.accountId.constData(), a.accountId.constData());
                QCOMPARE(b.accountName.constData(), a.accountName.constData());
            }
            if (b.ownerId == a.ownerId)
                QCOMPARE(b.ownerId.constData(), a.ownerId.constData());
        }
        QCOMPARE(pool.size(), 7 + 7 + 3 + 1); // account ids and names, owners, one currency
    }

    // The first screen is the newest rows; the rest pages in as appends at the end of the model
    // (never a reset: the selection stays), and every row is in exactly once at the end, with an
    // edit, a creation and deletions landing between pages.
    void pagingInDeliversEveryRowOnce()
    {
        QList<Opportunity> deals;
        for (int i = 0; i < 6000; ++i)
            deals.append(deal(i, (i * 7919) % 6000)); // newest scattered over the rowids
        seed(*m_store, deals);
        OpportunityListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelFeeder feeder(*m_store, model);
        feeder.loadFirstScreen(50);
        QCOMPARE(model.rowCount(), 50);
        for (int row = 0; row < 50; ++row) // the 50 newest: changed at minutes 5950..5999
            QVERIFY(model.rowAt(row).opportunity.updatedAt >=
                    deals.first().createdAt.addSecs(60 * 5950));
        const QPersistentModelIndex selected = model.index(7, 0);
        const QString selectedId = selected.data(ItemRoles::Id).toString();

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy loaded(&model, &OpportunityListModel::loaded);
        QList<std::pair<int, int>> inserts;
        connect(&model, &QAbstractItemModel::rowsInserted, this,
                [&](const QModelIndex &, int first, int last) {
                    QCOMPARE(last, model.rowCount() - 1); // appended at the end
                    inserts.append({first, last});
                });
        int pages = 0;
        bool changed = false;
        connect(&model, &QAbstractItemModel::rowsInserted, this, [&] {
            if (++pages != 1 || changed)
                return;
            changed = true;
            // Between the first and the second page: an edit of a row not read yet and one read
            // already, a deletion of each, and a new record.
            Opportunity later = deals.at(5000);
            later.name = QStringLiteral("Edited before its page");
            QVERIFY(m_store->editOpportunity(later.id, later, OpportunityField::Name));
            Opportunity earlier = deals.at(10);
            earlier.name = QStringLiteral("Edited after its page");
            QVERIFY(m_store->editOpportunity(earlier.id, earlier, OpportunityField::Name));
            QVERIFY(m_store->deleteOpportunity(deals.at(5500).id));
            QVERIFY(m_store->deleteOpportunity(deals.at(20).id));
            QVERIFY(m_store->createOpportunity(deal(9999, 9999)));
        });
        feeder.pageIn(2500);
        QVERIFY(feeder.isPaging());
        QTRY_COMPARE(loaded.size(), 1);
        QVERIFY(!feeder.isPaging());
        QVERIFY(changed);

        QCOMPARE(resets.size(), 0);
        QVERIFY(selected.isValid());
        QCOMPARE(selected.data(ItemRoles::Id).toString(), selectedId);
        const auto records = m_store->opportunities();
        QVERIFY(records);
        QCOMPARE(model.rowCount(), records->size());
        QCOMPARE(model.rowCount(), 6000 - 2 + 1);
        QSet<QString> ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString id = model.rowAt(row).opportunity.id;
            QVERIFY2(!ids.contains(id), qPrintable(id));
            ids.insert(id);
            QCOMPARE(model.rowOf(id), row);
        }
        for (const CachedOpportunity &record : *records) {
            const int row = model.rowOf(record.opportunity.id);
            QVERIFY2(row >= 0, qPrintable(record.opportunity.id));
            QCOMPARE(model.rowAt(row).opportunity, record.opportunity);
            QCOMPARE(model.rowAt(row).state, record.state);
        }
        QCOMPARE(model.rowAt(model.rowOf(deals.at(5000).id)).opportunity.name,
                 QStringLiteral("Edited before its page"));
        QCOMPARE(model.rowAt(model.rowOf(deals.at(10).id)).opportunity.name,
                 QStringLiteral("Edited after its page"));
        QCOMPARE(model.rowOf(deals.at(5500).id), -1);
        QCOMPARE(model.rowOf(deals.at(20).id), -1);
        // The pages came as a few appends, not one per row.
        QVERIFY(inserts.size() <= 6);
    }

    // reload() stays a full read at once, and stops a paging in under way.
    void reloadReadsEverythingAtOnce()
    {
        QList<Opportunity> deals;
        for (int i = 0; i < 300; ++i)
            deals.append(deal(i, i));
        seed(*m_store, deals);
        OpportunityListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelFeeder feeder(*m_store, model);
        feeder.loadFirstScreen(10);
        QSignalSpy loaded(&model, &OpportunityListModel::loaded);
        feeder.pageIn(100);
        feeder.reload();
        QCOMPARE(model.rowCount(), 300);
        QCOMPARE(loaded.size(), 1);
        QTest::qWait(50); // no page still scheduled adds anything
        QCOMPARE(model.rowCount(), 300);
        QCOMPARE(loaded.size(), 1);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
};

QTEST_MAIN(TestModelFeeder)
#include "tst_modelfeeder.moc"
