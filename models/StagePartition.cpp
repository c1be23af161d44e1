#include "StagePartition.h"

#include "OpportunityListModel.h"
#include "StageColumnProxy.h"
#include "TotalsAccumulator.h"

#include <algorithm>
#include <vector>

namespace {
// A run of changed rows longer than this is redealt in one pass rather than card by card.
constexpr int incrementalLimit = 256;
} // namespace

StagePartition::StagePartition(QObject *parent)
    : QObject(parent)
{
    for (Stage stage : Stages::all())
        m_columns.append(new StageColumnProxy(stage, this));
}

void StagePartition::setSourceModel(OpportunityListModel *model)
{
    if (model == m_source)
        return;
    if (m_resetting) // the columns are told the reset ended before they change models
        endSourceReset();
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = model;
    forgetLastDeal();
    for (StageColumnProxy *column : std::as_const(m_columns))
        column->setSourceModel(model);
    m_orders.rebuild(model);
    if (!model)
        return;
    connect(model, &QObject::destroyed, this, [this] {
        m_resetting = false;
        forgetLastDeal();
        for (StageColumnProxy *column : std::as_const(m_columns))
            column->setSourceModel(nullptr);
        m_orders.rebuild(nullptr);
    });
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
            &StagePartition::beginSourceReset);
    connect(model, &QAbstractItemModel::modelReset, this, &StagePartition::endSourceReset);
    // The source never reorders its rows; a layout change is taken as a reset all the same.
    connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this,
            &StagePartition::beginSourceReset);
    connect(model, &QAbstractItemModel::layoutChanged, this, &StagePartition::endSourceReset);
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { sourceRowsInserted(first, last); });
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) {
                sourceRowsAboutToBeRemoved(first, last);
            });
    connect(model, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &, int first, int last) { sourceRowsRemoved(first, last); });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                sourceDataChanged(topLeft.row(), bottomRight.row());
            });
    // A new stale rule or a new today comes with dataChanged over every row: that deals the
    // cards and their stale counts again, once.
    repartition();
}

void StagePartition::beginSourceReset()
{
    if (m_resetting)
        return;
    m_resetting = true;
    forgetLastDeal();
    for (StageColumnProxy *column : std::as_const(m_columns))
        column->beginReset();
}

void StagePartition::endSourceReset()
{
    if (!m_resetting)
        return;
    m_resetting = false;
    m_orders.rebuild(m_source);
    const Dealt dealt = partition();
    for (StageColumnProxy *column : std::as_const(m_columns)) {
        const int stage = static_cast<int>(column->stage());
        column->endReset(dealt.rows.at(stage), dealt.figures.at(stage));
    }
    emit this->dealt();
}

void StagePartition::setFilter(const OpportunityFilter &filter)
{
    if (filter == m_filter)
        return;
    const bool narrower = narrows(filter);
    m_filter = filter;
    if (m_resetting) // dealt when the reset ends
        return;
    if (m_lastDeal && m_lastDeal->filter == m_filter)
        show(m_lastDeal->dealt);
    else if (narrower)
        sift();
    else
        repartition();
}

bool StagePartition::narrows(const OpportunityFilter &filter) const
{
    // A longer search keeps a subset: a name or account holding it holds the shorter one.
    if (!m_source || m_resetting || !filter.search.contains(m_filter.search))
        return false;
    OpportunityFilter same = filter;
    same.search = m_filter.search;
    return same == m_filter;
}

void StagePartition::sift()
{
    // Only the cards shown are tested again, in row order (the facts read front to back, and
    // summed as partition() sums them); each column keeps those that pass. They passed the rest
    // of the filter already (narrows: only the search grew), so only the search is asked, its
    // names matched first for all rows at once.
    const OpportunityListModel &model = *m_source;
    const int count = m_orders.count();
    std::vector<qint8> stageIfPassing(static_cast<size_t>(count), -1);
    for (const StageColumnProxy *column : std::as_const(m_columns)) {
        const auto stage = static_cast<qint8>(column->stage());
        for (int sourceRow : column->sourceRows())
            stageIfPassing[static_cast<size_t>(sourceRow)] = stage;
    }
    model.matchSearch(m_filter.search);
    std::vector<TotalsAccumulator> sums(m_columns.size());
    std::vector<int> stale(m_columns.size(), 0);
    for (int row = 0; row < count; ++row) {
        qint8 &stage = stageIfPassing[static_cast<size_t>(row)];
        if (stage < 0)
            continue;
        if (!model.matchesSearch(m_filter.search, row)) {
            stage = -1;
            continue;
        }
        sums[static_cast<size_t>(stage)].add(model.factsAt(row));
        stale[static_cast<size_t>(stage)] += model.isStaleAt(row) ? 1 : 0;
    }
    for (StageColumnProxy *column : std::as_const(m_columns)) {
        const QList<int> &shown = column->sourceRows();
        QList<int> rows(shown.size());
        int *kept = rows.data();
        for (int sourceRow : shown) {
            *kept = sourceRow; // written always, kept when it passes: no branch to mispredict
            kept += stageIfPassing[static_cast<size_t>(sourceRow)] >= 0 ? 1 : 0;
        }
        rows.resize(kept - rows.constData());
        const auto stage = static_cast<size_t>(column->stage());
        column->replaceRows(std::move(rows),
                            {sums[stage].totals(model.currencies()), stale[stage]});
    }
    emit dealt();
}

StagePartition::Dealt StagePartition::partition() const
{
    // The filter and the totals run over the rows in their own order (memory read front to
    // back), the names searched in one pass; then the passing rows are dealt out in card order.
    const int count = m_orders.count(); // the rows the orders know
    std::vector<qint8> stageIfPassing(count, -1);
    std::vector<TotalsAccumulator> sums(m_columns.size());
    std::vector<int> stale(m_columns.size(), 0);
    if (m_source)
        m_source->matchSearch(m_filter.search);
    for (int row = 0; row < count; ++row) {
        if (!m_source->accepts(m_filter, row))
            continue;
        const OpportunityListModel::Facts &facts = m_source->factsAt(row);
        stageIfPassing[row] = static_cast<qint8>(facts.stage);
        sums[static_cast<int>(facts.stage)].add(facts);
        // One comparison (never true in a closed stage), in the pass the sums make anyway.
        stale[static_cast<int>(facts.stage)] += m_source->isStaleAt(row) ? 1 : 0;
    }
    Dealt dealt;
    dealt.rows.resize(m_columns.size());
    for (size_t stage = 0; stage < sums.size(); ++stage) {
        dealt.figures.append(
            {m_source ? sums[stage].totals(m_source->currencies()) : PipelineTotals(),
             stale[stage]});
        dealt.rows[stage].reserve(dealt.figures.last().totals.count); // no growing on the way
    }
    for (CardOrders::Ordering ordering : {CardOrders::Open, CardOrders::Closed}) {
        for (int sourceRow : m_orders.rows(ordering)) {
            const qint8 stage = stageIfPassing[sourceRow];
            if (stage >= 0 && CardOrders::orderingOf(static_cast<Stage>(stage)) == ordering)
                dealt.rows[stage].append(sourceRow);
        }
    }
    return dealt;
}

void StagePartition::repartition()
{
    m_lastDeal = LastDeal{m_filter, partition()};
    show(m_lastDeal->dealt);
}

void StagePartition::show(const Dealt &dealt)
{
    for (StageColumnProxy *column : std::as_const(m_columns)) {
        const int stage = static_cast<int>(column->stage());
        column->replaceRows(dealt.rows.at(stage), dealt.figures.at(stage));
    }
    emit this->dealt();
}

PipelineSummary StagePartition::summary() const
{
    // From the columns' own totals: no second pass over the rows.
    PipelineSummary summary;
    for (const StageColumnProxy *column : m_columns)
        summary.add(column->stage(), column->totals());
    if (m_source)
        summary.rates = m_source->rates();
    return summary;
}

void StagePartition::place(int sourceRow)
{
    if (!m_source->accepts(m_filter, sourceRow))
        return;
    const Stage stage = m_source->rowAt(sourceRow).opportunity.stage;
    StageColumnProxy *column = this->column(stage);
    const QList<int> &rows = column->sourceRows();
    column->insertSourceRow(
        m_orders.placeOf(sourceRow, rows, 0, rows.size(), CardOrders::orderingOf(stage)),
        sourceRow);
}

void StagePartition::sourceRowsInserted(int first, int last)
{
    forgetLastDeal();
    const int count = last - first + 1;
    for (StageColumnProxy *column : std::as_const(m_columns))
        column->shiftSourceRows(first, count);
    m_orders.rowsInserted(*m_source, first, last);
    if (count == 1) {
        m_orders.insert(first);
        place(first);
        return;
    }
    mergeRows(first, last);
}

void StagePartition::mergeRows(int first, int last)
{
    // A chunk of new rows (paging in, a sync): sorted, then merged into each order and column,
    // O(n + k log k), each column saying it in one signal.
    const int count = last - first + 1;
    std::vector<qint8> stageIfPassing(count, -1);
    std::vector<TotalsAccumulator> sums(m_columns.size());
    std::vector<int> stale(m_columns.size(), 0);
    for (int sourceRow = first; sourceRow <= last; ++sourceRow) {
        if (!m_source->accepts(m_filter, sourceRow))
            continue;
        const OpportunityListModel::Facts &facts = m_source->factsAt(sourceRow);
        const int stage = static_cast<int>(facts.stage);
        stageIfPassing[sourceRow - first] = static_cast<qint8>(stage);
        sums[stage].add(facts);
        stale[stage] += m_source->isStaleAt(sourceRow) ? 1 : 0;
    }
    for (CardOrders::Ordering ordering : {CardOrders::Open, CardOrders::Closed}) {
        const auto less = [this, ordering](int a, int b) {
            return m_orders.before(a, b, ordering);
        };
        const QList<int> added = m_orders.merge(first, last, ordering);
        // Each column of this order: its new cards, in card order, merged among its cards.
        std::vector<QList<int>> cards(m_columns.size());
        for (int sourceRow : added) {
            const qint8 stage = stageIfPassing[sourceRow - first];
            if (stage >= 0 && CardOrders::orderingOf(static_cast<Stage>(stage)) == ordering)
                cards[stage].append(sourceRow);
        }
        for (size_t stage = 0; stage < cards.size(); ++stage) {
            if (cards[stage].isEmpty())
                continue;
            StageColumnProxy *column = m_columns.at(static_cast<qsizetype>(stage));
            const QList<int> &shown = column->sourceRows();
            QList<int> rows(shown.size() + cards[stage].size());
            std::merge(shown.cbegin(), shown.cend(), cards[stage].cbegin(), cards[stage].cend(),
                       rows.begin(), less);
            QList<int> at; // where the new cards went: those of the chunk
            for (int row = 0; row < rows.size(); ++row) {
                if (rows.at(row) >= first && rows.at(row) <= last)
                    at.append(row);
            }
            column->insertSourceRows(std::move(rows), at,
                                     {sums[stage].totals(m_source->currencies()), stale[stage]});
        }
    }
}

void StagePartition::sourceRowsAboutToBeRemoved(int first, int last)
{
    // The cards leave while their rows still exist, so views can still read them.
    forgetLastDeal();
    for (StageColumnProxy *column : std::as_const(m_columns)) {
        for (int sourceRow = last; sourceRow >= first; --sourceRow) {
            if (const int row = column->rowOfSource(sourceRow); row >= 0)
                column->removeRow(row);
        }
    }
}

void StagePartition::sourceRowsRemoved(int first, int last)
{
    const int count = last - first + 1;
    m_orders.rowsRemoved(first, last);
    for (StageColumnProxy *column : std::as_const(m_columns))
        column->shiftSourceRows(last + 1, -count);
}

void StagePartition::sourceDataChanged(int first, int last)
{
    forgetLastDeal();
    if (last - first + 1 > incrementalLimit) {
        m_orders.rowsChanged(*m_source, first, last);
        const Dealt dealt = partition();
        for (StageColumnProxy *column : std::as_const(m_columns)) {
            const int stage = static_cast<int>(column->stage());
            column->replaceRows(dealt.rows.at(stage), dealt.figures.at(stage));
            // Cards that stayed where they were changed too (overdue marks, names, figures).
            column->announceAllChanged(dealt.figures.at(stage));
        }
        emit this->dealt();
        return;
    }
    for (int sourceRow = first; sourceRow <= last; ++sourceRow) {
        m_orders.rowChanged(*m_source, sourceRow);
        StageColumnProxy *target = m_source->accepts(m_filter, sourceRow)
                                       ? column(m_source->rowAt(sourceRow).opportunity.stage)
                                       : nullptr;
        StageColumnProxy *current = nullptr;
        int row = -1;
        for (StageColumnProxy *column : std::as_const(m_columns)) {
            row = column->rowOfSource(sourceRow);
            if (row >= 0) {
                current = column;
                break;
            }
        }
        if (current && current == target) {
            // Still in its column, perhaps at another place (a new close date): it moves there,
            // selected as it was.
            const QList<int> &rows = current->sourceRows();
            const CardOrders::Ordering ordering = CardOrders::orderingOf(current->stage());
            int to = row;
            if (row > 0 && m_orders.before(sourceRow, rows.at(row - 1), ordering))
                to = m_orders.placeOf(sourceRow, rows, 0, row, ordering);
            else if (row + 1 < rows.size() &&
                     m_orders.before(rows.at(row + 1), sourceRow, ordering))
                to = m_orders.placeOf(sourceRow, rows, row + 1, rows.size(), ordering) - 1;
            current->moveRowTo(row, to);
            current->announceChanged(to);
            continue;
        }
        if (current)
            current->removeRow(row);
        if (target)
            place(sourceRow);
    }
}
