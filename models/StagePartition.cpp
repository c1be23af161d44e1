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
        column->endReset(dealt.rows.at(stage), dealt.totals.at(stage));
    }
    emit this->dealt();
}

void StagePartition::setFilter(const OpportunityFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    if (!m_resetting) // otherwise dealt when the reset ends
        repartition();
}

qint64 StagePartition::keyOf(const QDate &closeDate)
{
    return closeDate.isValid() ? closeDate.toJulianDay() : std::numeric_limits<qint64>::max();
}

bool StagePartition::before(int a, int b) const
{
    const qint64 keyA = m_keys.at(a);
    const qint64 keyB = m_keys.at(b);
    return keyA != keyB ? keyA < keyB : a < b;
}

void StagePartition::rebuildOrder()
{
    const int count = m_source && !m_resetting ? m_source->rowCount() : 0;
    m_keys.resize(count);
    for (int row = 0; row < count; ++row)
        m_keys[row] = keyOf(m_source->rowAt(row).opportunity.expectedCloseDate);
    m_order.resize(count);
    std::iota(m_order.begin(), m_order.end(), 0);
    sortInCardOrder(m_order);
}

void StagePartition::sortInCardOrder(QList<int> &rows) const
{
    std::sort(rows.begin(), rows.end(), [this](int a, int b) { return before(a, b); });
}

int StagePartition::placeOf(int sourceRow, const QList<int> &rows, qsizetype first,
                            qsizetype last) const
{
    return static_cast<int>(std::lower_bound(rows.cbegin() + first, rows.cbegin() + last, sourceRow,
                                             [this](int a, int b) { return before(a, b); }) -
                            rows.cbegin());
}

void StagePartition::insertIntoOrder(int sourceRow)
{
    m_order.insert(placeOf(sourceRow, m_order, 0, m_order.size()), sourceRow);
}

void StagePartition::removeFromOrder(int sourceRow)
{
    // Found by the key it was ordered by: call before that key changes.
    const int at = placeOf(sourceRow, m_order, 0, m_order.size());
    Q_ASSERT(at < m_order.size() && m_order.at(at) == sourceRow);
    m_order.removeAt(at);
}

StagePartition::Dealt StagePartition::partition() const
{
    // The filter and the totals run over the rows in their own order (memory read front to
    // back), then the passing rows are dealt out in card order.
    const int count = static_cast<int>(m_keys.size()); // the rows m_order knows
    std::vector<qint8> stageIfPassing(count, -1);
    std::vector<TotalsAccumulator> sums(m_columns.size());
    for (int row = 0; row < count; ++row) {
        if (!m_filter.accepts(*m_source, row))
            continue;
        const OpportunityListModel::Facts &facts = m_source->factsAt(row);
        stageIfPassing[row] = static_cast<qint8>(facts.stage);
        sums[static_cast<int>(facts.stage)].add(facts);
    }
    Dealt dealt;
    dealt.rows.resize(m_columns.size());
    for (int sourceRow : m_order) {
        if (const qint8 stage = stageIfPassing[sourceRow]; stage >= 0)
            dealt.rows[stage].append(sourceRow);
    }
    for (const TotalsAccumulator &sum : sums)
        dealt.totals.append(m_source ? sum.totals(m_source->currencies()) : PipelineTotals());
    return dealt;
}

void StagePartition::repartition()
{
    const Dealt dealt = partition();
    for (StageColumnProxy *column : std::as_const(m_columns)) {
        const int stage = static_cast<int>(column->stage());
        column->replaceRows(dealt.rows.at(stage), dealt.totals.at(stage));
    }
    emit this->dealt();
}

PipelineTotals StagePartition::totals() const
{
    PipelineTotals all;
    for (const StageColumnProxy *column : m_columns)
        all.add(column->totals());
    return all;
}

void StagePartition::place(int sourceRow)
{
    if (!m_filter.accepts(*m_source, sourceRow))
        return;
    StageColumnProxy *column = this->column(m_source->rowAt(sourceRow).opportunity.stage);
    const QList<int> &rows = column->sourceRows();
    column->insertSourceRow(placeOf(sourceRow, rows, 0, rows.size()), sourceRow);
}

void StagePartition::sourceRowsInserted(int first, int last)
{
    const int count = last - first + 1;
    for (StageColumnProxy *column : std::as_const(m_columns))
        column->shiftSourceRows(first, count, m_source->rowCount());
    if (count > incrementalLimit) {
        rebuildOrder();
        repartition();
        return;
    }
    for (int &sourceRow : m_order) {
        if (sourceRow >= first)
            sourceRow += count;
    }
    // Every new row's key before any is ordered: ordering compares with the rows after them.
    m_keys.insert(first, count, 0);
    for (int sourceRow = first; sourceRow <= last; ++sourceRow)
        m_keys[sourceRow] = keyOf(m_source->rowAt(sourceRow).opportunity.expectedCloseDate);
    for (int sourceRow = first; sourceRow <= last; ++sourceRow) {
        insertIntoOrder(sourceRow);
        place(sourceRow);
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
    m_order.removeIf([&](int sourceRow) { return sourceRow >= first && sourceRow <= last; });
    for (int &sourceRow : m_order) {
        if (sourceRow > last)
            sourceRow -= count;
    }
    m_keys.remove(first, count);
    for (StageColumnProxy *column : std::as_const(m_columns))
        column->shiftSourceRows(last + 1, -count, m_source->rowCount());
}

void StagePartition::sourceDataChanged(int first, int last)
{
    if (last - first + 1 > incrementalLimit) {
        for (int sourceRow = first; sourceRow <= last; ++sourceRow)
            m_keys[sourceRow] = keyOf(m_source->rowAt(sourceRow).opportunity.expectedCloseDate);
        sortInCardOrder(m_order);
        const Dealt dealt = partition();
        for (StageColumnProxy *column : std::as_const(m_columns)) {
            const int stage = static_cast<int>(column->stage());
            column->replaceRows(dealt.rows.at(stage), dealt.totals.at(stage));
            // Cards that stayed where they were changed too (overdue marks, names, figures).
            column->announceAllChanged(dealt.totals.at(stage));
        }
        emit this->dealt();
        return;
    }
    for (int sourceRow = first; sourceRow <= last; ++sourceRow) {
        const qint64 key = keyOf(m_source->rowAt(sourceRow).opportunity.expectedCloseDate);
        if (key != m_keys.at(sourceRow)) {
            removeFromOrder(sourceRow); // found by the key it was ordered by
            m_keys[sourceRow] = key;
            insertIntoOrder(sourceRow);
        }
        StageColumnProxy *target = m_filter.accepts(*m_source, sourceRow)
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
            int to = row;
            if (row > 0 && before(sourceRow, rows.at(row - 1)))
                to = placeOf(sourceRow, rows, 0, row);
            else if (row + 1 < rows.size() && before(rows.at(row + 1), sourceRow))
                to = placeOf(sourceRow, rows, row + 1, rows.size()) - 1;
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
