#include "BoardOracle.h"

#include "ItemRoles.h"
#include "StageColumnProxy.h"
#include "StagePartition.h"

#include <QMap>
#include <QTest>
#include <algorithm>

namespace BoardOracle {

OpportunityFilter Criteria::toFilter() const
{
    OpportunityFilter filter;
    filter.setSearch(search);
    filter.stages = stages;
    filter.accountId = accountId;
    filter.ownerId = ownerId;
    filter.archived = archived;
    return filter;
}

Criteria Criteria::of(const OpportunityFilter &filter)
{
    return {filter.search, filter.stages, filter.accountId, filter.ownerId, filter.archived};
}

bool passes(const Opportunity &o, const Criteria &criteria)
{
    if (o.isArchived != criteria.archived)
        return false;
    if (!criteria.stages.isEmpty() && !criteria.stages.contains(o.stage))
        return false;
    if (!criteria.accountId.isEmpty() && o.accountId != criteria.accountId)
        return false;
    if (!criteria.ownerId.isEmpty() && o.ownerId != criteria.ownerId)
        return false;
    const QString needle = criteria.search.trimmed().toCaseFolded();
    return needle.isEmpty() || o.name.toCaseFolded().contains(needle);
}

QStringList cards(const QList<Opportunity> &records, const Criteria &criteria, Stage stage)
{
    QList<const Opportunity *> shown;
    for (const Opportunity &o : records) {
        if (o.stage == stage && passes(o, criteria))
            shown.append(&o);
    }
    const bool closed = stage == Stage::ClosedWon || stage == Stage::ClosedLost;
    std::stable_sort(shown.begin(), shown.end(),
                     [closed](const Opportunity *a, const Opportunity *b) {
                         const QDate &x = a->expectedCloseDate;
                         const QDate &y = b->expectedCloseDate;
                         if (x.isValid() != y.isValid())
                             return x.isValid();
                         if (!closed)
                             return x.isValid() && x < y;
                         if (x != y)
                             return x > y;
                         // The same day: the latest change first, none last.
                         const QDateTime &u = a->updatedAt;
                         const QDateTime &v = b->updatedAt;
                         if (u.isValid() != v.isValid())
                             return u.isValid();
                         return u.isValid() && u > v;
                     });
    QStringList ids;
    for (const Opportunity *o : std::as_const(shown))
        ids.append(o->id);
    return ids;
}

void check(const StagePartition &partition, const QList<Opportunity> &records,
           const Criteria &criteria)
{
    int all = 0;
    PipelineTotals open;
    PipelineTotals won;
    for (Stage stage : Stages::all()) {
        const QStringList expected = cards(records, criteria, stage);
        const StageColumnProxy *column = partition.column(stage);
        QStringList shown;
        for (int row = 0; row < column->rowCount(); ++row)
            shown.append(column->index(row, 0).data(ItemRoles::Id).toString());
        QCOMPARE(shown, expected);
        QMap<QString, double> value;
        QMap<QString, double> weighted;
        for (const Opportunity &o : records) {
            if (expected.contains(o.id)) {
                value[o.currency] += o.value;
                weighted[o.currency] += o.value * o.probability / 100.0;
            }
        }
        const PipelineTotals totals = column->totals();
        QCOMPARE(totals.count, expected.size());
        QCOMPARE(totals.value.keys(), value.keys());
        QCOMPARE(totals.weighted.keys(), weighted.keys());
        for (const QString &currency : value.keys()) {
            QCOMPARE(totals.value.value(currency), value.value(currency));
            QCOMPARE(totals.weighted.value(currency), weighted.value(currency));
        }
        all += static_cast<int>(expected.size());
        if (stage == Stage::ClosedWon)
            won.add(totals);
        else if (stage != Stage::ClosedLost)
            open.add(totals);
    }
    // The board's summary: every card counted, open stages and won apart, lost in no figure.
    const PipelineSummary summary = partition.summary();
    QCOMPARE(summary.count, all);
    QCOMPARE(summary.open.count, open.count);
    QCOMPARE(summary.open.value, open.value);
    QCOMPARE(summary.open.weighted, open.weighted);
    QCOMPARE(summary.won.count, won.count);
    QCOMPARE(summary.won.value, won.value);
}

} // namespace BoardOracle
