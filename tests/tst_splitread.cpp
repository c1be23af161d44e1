// A read of the whole cache in two halves at once (ModelRowReader, two connections and threads)
// gives the model exactly what one read gives it: the same rows in the same order, every field,
// null against empty text, the sync state and error, and the facts the filters read. On a cache
// with edits, pending deletes, a failed upload, unicode and rowids out of the ordinary.
#include "CacheSeed.h"
#include "LocalStore.h"
#include "ModelFeeder.h"
#include "ModelRowReader.h"
#include "OpportunityListModel.h"

#include <QAbstractItemModelTester>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <limits>
#include <memory>

using CacheSeed::seed;
using CacheSeed::serverRecord;

namespace {

Opportunity deal(int i)
{
    Opportunity o = serverRecord(QStringLiteral("deal-%1").arg(i, 4, 10, QLatin1Char('0')),
                                 i % 5 == 0 ? QStringLiteral("Zürich Straße %1 北京").arg(i)
                                            : QStringLiteral("Deal %1").arg(i));
    o.accountId = QStringLiteral("acct-%1").arg(i % 7);
    o.accountName = QStringLiteral("Account %1").arg(i % 7);
    o.ownerId = i % 4 == 0 ? QString() : QStringLiteral("owner-%1").arg(i % 3);
    o.description = i % 3 == 0 ? QString(QLatin1String("")) : QString();
    o.value = 1000.5 * i;
    o.stage = static_cast<Stage>(i % 6);
    o.probability = i % 101;
    o.expectedCloseDate = i % 9 == 0 ? QDate() : QDate(2026, 1 + i % 12, 1 + i % 28);
    o.updatedAt = o.updatedAt.addSecs(60 * i);
    return o;
}

// The model's rows and facts after a reload, with the read split or not.
std::unique_ptr<OpportunityListModel> readInto(LocalStore &store, qint64 splitSpan)
{
    ModelRowReader::setSplitSpan(splitSpan);
    auto model = std::make_unique<OpportunityListModel>();
    QAbstractItemModelTester tester(model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    ModelFeeder feeder(store, *model);
    feeder.reload();
    return model;
}

void compareText(const QString &a, const QString &b)
{
    QCOMPARE(a, b);
    QCOMPARE(a.isNull(), b.isNull());
}

// The model read in one go (`one`) and in two halves (`two`), compared row by row.
void compareReads(const OpportunityListModel *one, const OpportunityListModel *two)
{
    QVERIFY(one->rowCount() > 350);
    QCOMPARE(two->rowCount(), one->rowCount());
    for (int row = 0; row < one->rowCount(); ++row) {
        const OpportunityRow &a = one->rowAt(row);
        const OpportunityRow &b = two->rowAt(row);
        QCOMPARE(b.opportunity.id, a.opportunity.id); // the same order
        QCOMPARE(b.opportunity, a.opportunity);
        for (const auto &[x, y] : {std::pair(b.opportunity.name, a.opportunity.name),
                                   std::pair(b.opportunity.accountId, a.opportunity.accountId),
                                   std::pair(b.opportunity.accountName, a.opportunity.accountName),
                                   std::pair(b.opportunity.leadId, a.opportunity.leadId),
                                   std::pair(b.opportunity.currency, a.opportunity.currency),
                                   std::pair(b.opportunity.description, a.opportunity.description),
                                   std::pair(b.opportunity.ownerId, a.opportunity.ownerId),
                                   std::pair(b.syncError, a.syncError)})
            compareText(x, y);
        QCOMPARE(b.state, a.state);
        QCOMPARE(two->rowOf(a.opportunity.id), row);
        QCOMPARE(two->foldedNameAt(row), one->foldedNameAt(row));
        const auto &fa = one->factsAt(row);
        const auto &fb = two->factsAt(row);
        QCOMPARE(fb.value, fa.value);
        QCOMPARE(fb.weighted, fa.weighted);
        QCOMPARE(fb.closeDay, fa.closeDay);
        QCOMPARE(fb.stage, fa.stage);
        QCOMPARE(fb.archived, fa.archived);
        QCOMPARE(two->updatedMsAt(row), one->updatedMsAt(row));
        QCOMPARE(two->isStaleAt(row), one->isStaleAt(row));
    }
}

} // namespace

class TestSplitRead final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { ModelRowReader::setSplitSpan(40000); }

    void twoHalvesGiveTheModelWhatOneReadGives()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        LocalStore store;
        QVERIFY(store.open(path).ok);
        QList<Opportunity> deals;
        for (int i = 0; i < 400; ++i)
            deals.append(deal(i));
        seed(store, deals);
        // Halves of about the same size.
        compareReads(readInto(store, std::numeric_limits<qint64>::max()).get(),
                     readInto(store, 1).get());
        if (QTest::currentTestFailed())
            return;
        // Rowids out of the ordinary, moved by another connection as another program would: far
        // beyond the rest (the middle of the span lands among none of them), and a gap.
        {
            QSqlDatabase other =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            other.setDatabaseName(path);
            QVERIFY(other.open());
            QSqlQuery query(other);
            QVERIFY(query.exec(QStringLiteral(
                "UPDATE opportunities SET rowid = rowid + 5000000 WHERE id = 'deal-0007'")));
            QVERIFY(query.exec(QStringLiteral(
                "UPDATE opportunities SET rowid = rowid + 1000 WHERE id > 'deal-0300'")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        // Edits, pending deletes, a local creation and a failed upload.
        for (int i = 0; i < 400; i += 37) {
            Opportunity edited = deals.at(i);
            edited.name = QStringLiteral("Edited %1 — Kraków").arg(i);
            QVERIFY(store.editOpportunity(edited.id, edited, OpportunityField::Name));
        }
        for (int i = 5; i < 400; i += 41)
            QVERIFY(store.deleteOpportunity(deals.at(i).id));
        const auto created =
            store.createOpportunity(serverRecord(QStringLiteral("new"), QStringLiteral("Mine")));
        QVERIFY(created);
        const auto outbox = store.outbox();
        QVERIFY(outbox && !outbox->isEmpty());
        QVERIFY(store.failEntry(outbox->last().sequence, QStringLiteral("Wert ungültig")));

        const auto one = readInto(store, std::numeric_limits<qint64>::max());
        const auto two = readInto(store, 1);
        compareReads(one.get(), two.get());
        if (QTest::currentTestFailed())
            return;
        for (int i = 5; i < 400; i += 41) // pending deletes stay hidden
            QCOMPARE(two->rowOf(deals.at(i).id), -1);
        QCOMPARE(two->rowAt(two->rowOf(*created)).syncError, QStringLiteral("Wert ungültig"));
    }
};

QTEST_GUILESS_MAIN(TestSplitRead)
#include "tst_splitread.moc"
