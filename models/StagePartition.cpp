#include "StagePartition.h"

#include "OpportunityListModel.h"
#include "StageColumnProxy.h"
#include "TotalsAccumulator.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <vector>

namespace {
// A run of changed rows longer than this is redealt in one pass rather than card by card.
constexpr int incrementalLimit = 256;
constexpr qint64 noDate = std::numeric_limits<qint64>::max();
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
    for (StageColumnProxy *column : std::as_const(m_columns))
        column->setSourceModel(model);
    rebuildOrder();
    if (!model)
        return;
    connect(model, &QObject::destroyed, this, [this] {
        m_resetting = false;
        for (StageColumnProxy *column : std::as_const(m_columns))
            column->setSourceModel(nullptr);
        rebuildOrder();
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
    for (StageColumnProxy *column : std::as_const(m_columns))
        column->beginReset();
}

void StagePartition::endSourceReset()
{
    if (!m_resetting)
        return;
    m_resetting = false;
    rebuildOrder();
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
    if (narrower)
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
    // Only the cards shown are tested again, in row order; each column keeps those that pass.
    const qsizetype count = m_keys.size();
    std::vector<qint8> stageIfPassing(static_cast<size_t>(count), -1);
    for (const StageColumnProxy *column : std::as_const(m_columns)) {
        const auto stage = static_cast<qint8>(column->stage());
        for (int sourceRow : column->sourceRows())
            stageIfPassing[static_cast<size_t>(sourceRow)] = stage;
    }
    std::vector<TotalsAccumulator> sums(m_columns.size());
    std::vector<int> stale(m_columns.size(), 0);
    for (int row = 0; row < count; ++row) {
        qint8 &stage = stageIfPassing[static_cast<size_t>(row)];
        if (stage < 0 || !m_source->accepts(m_filter, row)) {
            stage = -1;
            continue;
        }
        sums[static_cast<size_t>(stage)].add(m_source->factsAt(row));
        stale[static_cast<size_t>(stage)] += m_source->isStaleAt(row) ? 1 : 0;
    }
    for (StageColumnProxy *column : std::as_const(m_columns)) {
        QList<int> rows;
        rows.reserve(column->sourceRows().size());
        for (int sourceRow : column->sourceRows()) {
            if (stageIfPassing[static_cast<size_t>(sourceRow)] >= 0)
                rows.append(sourceRow);
        }
        const auto stage = static_cast<size_t>(column->stage());
        column->replaceRows(std::move(rows),
                            {sums[stage].totals(m_source->currencies()), stale[stage]});
    }
    emit dealt();
}

qint64 StagePartition::keyOf(const QDate &closeDate)
{
    return closeDate.isValid() ? closeDate.toJulianDay() : noDate;
}

bool StagePartition::before(int a, int b, Ordering ordering) const
{
    qint64 keyA = m_keys.at(a);
    qint64 keyB = m_keys.at(b);
    if (ordering == Open)
        return keyA != keyB ? keyA < keyB : a < b;
    if (keyA != keyB) {
        // The latest first, those without a date still last.
        keyA = keyA == noDate ? noDate : -keyA;
        keyB = keyB == noDate ? noDate : -keyB;
        return keyA < keyB;
    }
    const qint64 updatedA = m_updated.at(a);
    const qint64 updatedB = m_updated.at(b);
    return updatedA != updatedB ? updatedA > updatedB : a < b;
}

StagePartition::Keys StagePartition::keysOf(int sourceRow) const
{
    return {keyOf(m_source->rowAt(sourceRow).opportunity.expectedCloseDate),
            m_source->updatedMsAt(sourceRow)};
}

bool StagePartition::storeKeys(int sourceRow, const Keys &keys)
{
    if (keys.close == m_keys.at(sourceRow) && keys.updated == m_updated.at(sourceRow))
        return false;
    m_keys[sourceRow] = keys.close;
    m_updated[sourceRow] = keys.updated;
    return true;
}

void StagePartition::rebuildOrder()
{
    const int count = m_source && !m_resetting ? m_source->rowCount() : 0;
    m_keys.resize(count);
    m_updated.resize(count);
    for (int row = 0; row < count; ++row)
        storeKeys(row, keysOf(row));
    QList<int> &open = m_orders[Open];
    open.resize(count);
    std::iota(open.begin(), open.end(), 0);
    sortInCardOrder(open, Open);
    deriveClosedOrder();
}

void StagePartition::deriveClosedOrder()
{
    // The open order's runs of equal close dates, latest first (those without a date still
    // last), each run sorted on its own by the last change: short sorts, not another long one.
    const QList<int> &open = m_orders[Open];
    QList<int> &closed = m_orders[Closed];
    closed.resize(open.size());
    qsizetype undated = open.size();
    while (undated > 0 && m_keys.at(open.at(undated - 1)) == noDate)
        --undated;
    const auto less = [this](int a, int b) {
        return before(a, b, Closed);
    };
    qsizetype out = 0;
    const auto takeRun = [&](qsizetype begin, qsizetype end) {
        std::copy(open.cbegin() + begin, open.cbegin() + end, closed.begin() + out);
        std::sort(closed.begin() + out, closed.begin() + out + (end - begin), less);
        out += end - begin;
    };
    for (qsizetype end = undated; end > 0;) {
        qsizetype begin = end - 1;
        const qint64 key = m_keys.at(open.at(begin));
        while (begin > 0 && m_keys.at(open.at(begin - 1)) == key)
            --begin;
        takeRun(begin, end);
        end = begin;
    }
    takeRun(undated, open.size());
}

void StagePartition::sortInCardOrder(QList<int> &rows, Ordering ordering) const
{
    std::sort(rows.begin(), rows.end(),
              [this, ordering](int a, int b) { return before(a, b, ordering); });
}

int StagePartition::placeOf(int sourceRow, const QList<int> &rows, qsizetype first, qsizetype last,
                            Ordering ordering) const
{
    return static_cast<int>(
        std::lower_bound(rows.cbegin() + first, rows.cbegin() + last, sourceRow,
                         [this, ordering](int a, int b) { return before(a, b, ordering); }) -
        rows.cbegin());
}

void StagePartition::insertIntoOrders(int sourceRow)
{
    for (Ordering ordering : {Open, Closed}) {
        QList<int> &order = m_orders[ordering];
        order.insert(placeOf(sourceRow, order, 0, order.size(), ordering), sourceRow);
    }
}

void StagePartition::removeFromOrders(int sourceRow)
{
    // Found by the keys it was ordered by: call before those keys change.
    for (Ordering ordering : {Open, Closed}) {
        QList<int> &order = m_orders[ordering];
        const int at = placeOf(sourceRow, order, 0, order.size(), ordering);
        Q_ASSERT(at < order.size() && order.at(at) == sourceRow);
        order.removeAt(at);
    }
}

StagePartition::Dealt StagePartition::partition() const
{
    // The filter and the totals run over the rows in their own order (memory read front to
    // back), the names searched in one scan; then the passing rows are dealt out in card order.
    const int count = static_cast<int>(m_keys.size()); // the rows the orders know
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
    for (Ordering ordering : {Open, Closed}) {
        for (int sourceRow : m_orders[ordering]) {
            const qint8 stage = stageIfPassing[sourceRow];
            if (stage >= 0 && orderingOf(static_cast<Stage>(stage)) == ordering)
                dealt.rows[stage].append(sourceRow);
        }
    }
    return dealt;
}

void StagePartition::repartition()
{
    const Dealt dealt = partition();
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
    column->insertSourceRow(placeOf(sourceRow, rows, 0, rows.size(), orderingOf(stage)), sourceRow);
}

void StagePartition::sourceRowsInserted(int first, int last)
{
    const int count = last - first + 1;
    for (StageColumnProxy *column : std::as_const(m_columns))
        column->shiftSourceRows(first, count);
    if (first < m_keys.size()) { // the model appends; rows before others are taken all the same
        for (QList<int> &order : m_orders) {
            for (int &sourceRow : order) {
                if (sourceRow >= first)
                    sourceRow += count;
            }
        }
    }
    // Every new row's keys before any is ordered: ordering compares with the rows after them.
    m_keys.insert(first, count, 0);
    m_updated.insert(first, count, 0);
    for (int sourceRow = first; sourceRow <= last; ++sourceRow)
        storeKeys(sourceRow, keysOf(sourceRow));
    if (count == 1) {
        insertIntoOrders(first);
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
    QList<int> added(count);
    std::iota(added.begin(), added.end(), first);
    for (Ordering ordering : {Open, Closed}) {
        const auto less = [this, ordering](int a, int b) {
            return before(a, b, ordering);
        };
        std::sort(added.begin(), added.end(), less);
        QList<int> &order = m_orders[ordering];
        QList<int> merged(order.size() + count);
        std::merge(order.cbegin(), order.cend(), added.cbegin(), added.cend(), merged.begin(),
                   less);
        order = std::move(merged);
        // Each column of this order: its new cards, in card order, merged among its cards.
        std::vector<QList<int>> cards(m_columns.size());
        for (int sourceRow : std::as_const(added)) {
            const qint8 stage = stageIfPassing[sourceRow - first];
            if (stage >= 0 && orderingOf(static_cast<Stage>(stage)) == ordering)
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
    for (QList<int> &order : m_orders) {
        order.removeIf([&](int sourceRow) { return sourceRow >= first && sourceRow <= last; });
        for (int &sourceRow : order) {
            if (sourceRow > last)
                sourceRow -= count;
        }
    }
    m_keys.remove(first, count);
    m_updated.remove(first, count);
    for (StageColumnProxy *column : std::as_const(m_columns))
        column->shiftSourceRows(last + 1, -count);
}

void StagePartition::sourceDataChanged(int first, int last)
{
    if (last - first + 1 > incrementalLimit) {
        bool reordered = false;
        for (int sourceRow = first; sourceRow <= last; ++sourceRow)
            reordered = storeKeys(sourceRow, keysOf(sourceRow)) || reordered;
        if (reordered) {
            sortInCardOrder(m_orders[Open], Open);
            deriveClosedOrder();
        }
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
        if (const Keys keys = keysOf(sourceRow);
            keys.close != m_keys.at(sourceRow) || keys.updated != m_updated.at(sourceRow)) {
            removeFromOrders(sourceRow); // found by the keys it was ordered by
            storeKeys(sourceRow, keys);
            insertIntoOrders(sourceRow);
        }
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
            const Ordering ordering = orderingOf(current->stage());
            int to = row;
            if (row > 0 && before(sourceRow, rows.at(row - 1), ordering))
                to = placeOf(sourceRow, rows, 0, row, ordering);
            else if (row + 1 < rows.size() && before(rows.at(row + 1), sourceRow, ordering))
                to = placeOf(sourceRow, rows, row + 1, rows.size(), ordering) - 1;
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
