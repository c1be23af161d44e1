#include "OpportunityFilterProxy.h"

#include "OpportunityListModel.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace {
// Rows arriving or leaving in more separate runs than this are announced as one layout change:
// a chunk of 10,000 rows spread over the list is not 10,000 insertions.
constexpr qsizetype maxRuns = 16;

// Consecutive runs of sorted, distinct numbers: {first, length} each.
QList<std::pair<int, int>> runsOf(const QList<int> &sorted)
{
    QList<std::pair<int, int>> runs;
    for (int value : sorted) {
        if (!runs.isEmpty() && runs.last().first + runs.last().second == value)
            ++runs.last().second;
        else
            runs.append({value, 1});
    }
    return runs;
}
} // namespace

OpportunityFilterProxy::OpportunityFilterProxy(QObject *parent)
    : QAbstractProxyModel(parent)
{
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, signal, this, &OpportunityFilterProxy::totalsChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &OpportunityFilterProxy::totalsChanged);
    connect(this, &QAbstractItemModel::dataChanged, this, &OpportunityFilterProxy::totalsChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &OpportunityFilterProxy::totalsChanged);
}

void OpportunityFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    auto *source = qobject_cast<OpportunityListModel *>(model);
    Q_ASSERT(source || !model); // none while a hidden view does not need it
    if (source == m_source && model == sourceModel())
        return;
    beginResetModel();
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_source = source;
    m_resetting = false;
    QAbstractProxyModel::setSourceModel(model);
    if (source)
        connectSource(*source);
    m_order.setModel(source);
    fillRows();
    endResetModel();
}

void OpportunityFilterProxy::connectSource(OpportunityListModel &source)
{
    m_connections = {
        connect(&source, &QObject::destroyed, this, &OpportunityFilterProxy::dropSource),
        connect(&source, &OpportunityListModel::ratesChanged, this,
                &OpportunityFilterProxy::ratesChanged),
        connect(&source, &QAbstractItemModel::modelAboutToBeReset, this,
                &OpportunityFilterProxy::beginSourceReset),
        connect(&source, &QAbstractItemModel::modelReset, this,
                &OpportunityFilterProxy::endSourceReset),
        // The source never reorders its rows; a layout change is taken as a reset all the same.
        connect(&source, &QAbstractItemModel::layoutAboutToBeChanged, this,
                &OpportunityFilterProxy::beginSourceReset),
        connect(&source, &QAbstractItemModel::layoutChanged, this,
                &OpportunityFilterProxy::endSourceReset),
        connect(&source, &QAbstractItemModel::rowsInserted, this,
                &OpportunityFilterProxy::sourceRowsInserted),
        connect(&source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                &OpportunityFilterProxy::sourceRowsAboutToBeRemoved),
        connect(&source, &QAbstractItemModel::rowsRemoved, this,
                &OpportunityFilterProxy::sourceRowsRemoved),
        connect(&source, &QAbstractItemModel::dataChanged, this,
                &OpportunityFilterProxy::sourceDataChanged),
        connect(&source, &QAbstractItemModel::headerDataChanged, this,
                [this](Qt::Orientation orientation, int first, int last) {
                    if (orientation == Qt::Horizontal)
                        emit headerDataChanged(orientation, first, last);
                }),
    };
}

void OpportunityFilterProxy::dropSource()
{
    // Qt's own pointer to the model is gone already; ours follows, with the rows.
    beginResetModel();
    m_connections.clear();
    m_source = nullptr;
    m_resetting = false;
    m_order.setModel(nullptr);
    fillRows();
    endResetModel();
}

void OpportunityFilterProxy::beginSourceReset()
{
    if (m_resetting)
        return;
    m_resetting = true;
    beginResetModel();
}

void OpportunityFilterProxy::endSourceReset()
{
    if (!m_resetting)
        return;
    m_resetting = false;
    m_order.rebuild();
    fillRows();
    endResetModel();
}

void OpportunityFilterProxy::fillRows()
{
    // Within a reset: nothing to remap, the filter applied in the one pass that also sums.
    m_shownFilter = m_filter;
    m_rows.clear();
    m_rowOfSource.fill(-1, m_source ? m_source->rowCount() : 0);
    m_summary.reset();
    if (!m_source)
        return;
    m_summary = m_passes.filterAll(*m_source, m_filter);
    m_passes.pick(m_order.rows(), m_rows);
    updateReverseMap();
}

void OpportunityFilterProxy::setFilter(const OpportunityFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    m_summary.reset();
    if (m_paused || m_resetting) {
        emit totalsChanged();
        return;
    }
    refilter();
}

void OpportunityFilterProxy::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused && !m_resetting && !(m_shownFilter == m_filter))
        refilter();
}

void OpportunityFilterProxy::refilter()
{
    const bool narrows = narrowsShown();
    m_shownFilter = m_filter;
    if (!m_source)
        return;
    if (narrows) {
        // Typing on: only the rows shown can still pass, and they keep their order: those that
        // do are kept where they are, in the rows' own buffer (a second one of up to a million
        // rows would be new memory, page-faulted in on the first letter typed).
        m_summary = m_passes.filterShown(*m_source, m_filter, m_rowOfSource, m_rows.size());
        if (m_summary->count == m_rows.size())
            emit totalsChanged(); // the same rows, but the filter is new
        else
            relayout([this] { m_passes.keep(m_rows); });
        return;
    }
    // The passing rows picked out of the kept order: no sort.
    m_summary = m_passes.filterAll(*m_source, m_filter);
    m_passes.pick(m_order.rows(), m_spare);
    if (!showRows(m_spare))
        emit totalsChanged(); // the same rows, but the filter is new
}

bool OpportunityFilterProxy::narrowsShown() const
{
    // A longer search, all else the same: a name or account containing it contains the shorter.
    OpportunityFilter widened = m_filter;
    widened.search = m_shownFilter.search;
    return widened == m_shownFilter && m_filter.search.contains(m_shownFilter.search);
}

void OpportunityFilterProxy::reorder()
{
    m_passes.set(m_rows, m_rowOfSource.size());
    m_passes.pick(m_order.rows(), m_spare);
    showRows(m_spare);
}

bool OpportunityFilterProxy::showRows(QList<int> &rows)
{
    if (rows == m_rows)
        return false;
    relayout([&] { m_rows.swap(rows); }); // the old rows' buffer kept for the next keystroke
    return true;
}

template <typename Change> void OpportunityFilterProxy::relayout(Change change)
{
    // A sort of the rows, for the views: the columns stay as they are.
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<int> beforeSource;
    beforeSource.reserve(before.size());
    for (const QModelIndex &index : before)
        beforeSource.append(m_rows.value(index.row(), -1));
    change();
    updateReverseMap();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int row = beforeSource.at(i) < 0 ? -1 : m_rowOfSource.at(beforeSource.at(i));
        after.append(row < 0 ? QModelIndex() : createIndex(row, before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void OpportunityFilterProxy::updateReverseMap(qsizetype from)
{
    if (from == 0)
        m_rowOfSource.fill(-1, m_source ? m_source->rowCount() : 0);
    int *reverse = m_rowOfSource.data();
    for (qsizetype row = from; row < m_rows.size(); ++row)
        reverse[m_rows.at(row)] = static_cast<int>(row);
}

void OpportunityFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= OpportunityListModel::ColumnCount)
        column = -1;
    if (column == m_order.column() && (column < 0 || order == m_order.order()))
        return;
    m_order.sortBy(column, order);
    reorder();
}

void OpportunityFilterProxy::ratesChanged()
{
    m_summary.reset();
    emit totalsChanged();
    if (m_order.updateRates())
        reorder();
}

PipelineSummary OpportunityFilterProxy::summary() const
{
    if (!m_source)
        return {};
    if (!m_summary) // with the filter itself: valid while paused too
        m_summary = m_passes.filterAll(*m_source, m_filter);
    return *m_summary;
}

void OpportunityFilterProxy::sourceRowsInserted(const QModelIndex &, int first, int last)
{
    if (m_resetting)
        return;
    m_summary.reset();
    const int count = last - first + 1;
    m_order.insertRows(first, last);
    for (int &sourceRow : m_rows) {
        if (sourceRow >= first)
            sourceRow += count;
    }
    m_rowOfSource.insert(first, count, -1);
    QList<int> added;
    for (int sourceRow = first; sourceRow <= last; ++sourceRow) {
        if (m_source->accepts(m_shownFilter, sourceRow))
            added.append(sourceRow);
    }
    if (added.isEmpty())
        return;
    m_order.sort(added);
    QList<int> rows = m_order.merged(m_rows, added);
    QList<int> placed; // where the new rows end up
    placed.reserve(added.size());
    for (qsizetype row = 0; row < rows.size(); ++row) {
        if (rows.at(row) >= first && rows.at(row) <= last)
            placed.append(static_cast<int>(row));
    }
    const QList<std::pair<int, int>> runs = runsOf(placed);
    if (runs.size() > maxRuns) {
        showRows(rows);
        return;
    }
    // Run by run from the top: each lands where the merged rows have it, the earlier ones in.
    for (const auto &[at, length] : runs) {
        beginInsertRows({}, at, at + length - 1);
        m_rows.insert(at, length, 0);
        std::copy(rows.cbegin() + at, rows.cbegin() + at + length, m_rows.begin() + at);
        updateReverseMap(at);
        endInsertRows();
    }
}

void OpportunityFilterProxy::sourceRowsAboutToBeRemoved(const QModelIndex &, int first, int last)
{
    if (m_resetting)
        return;
    m_summary.reset();
    // The rows leave while their records still exist, so views can still read them.
    QList<int> leaving;
    for (int sourceRow = first; sourceRow <= last; ++sourceRow) {
        if (const int row = m_rowOfSource.at(sourceRow); row >= 0)
            leaving.append(row);
    }
    if (leaving.isEmpty())
        return;
    std::sort(leaving.begin(), leaving.end());
    const QList<std::pair<int, int>> runs = runsOf(leaving);
    if (runs.size() > maxRuns) {
        QList<int> rows = m_rows;
        rows.removeIf([&](int sourceRow) { return sourceRow >= first && sourceRow <= last; });
        showRows(rows);
        return;
    }
    for (auto run = runs.crbegin(); run != runs.crend(); ++run) {
        const auto [at, length] = *run;
        beginRemoveRows({}, at, at + length - 1);
        for (int row = at; row < at + length; ++row)
            m_rowOfSource[m_rows.at(row)] = -1;
        m_rows.remove(at, length);
        updateReverseMap(at);
        endRemoveRows();
    }
}

void OpportunityFilterProxy::sourceRowsRemoved(const QModelIndex &, int first, int last)
{
    if (m_resetting)
        return;
    const int count = last - first + 1;
    m_order.removeRows(first, last);
    for (int &sourceRow : m_rows) {
        if (sourceRow > last)
            sourceRow -= count;
    }
    m_rowOfSource.remove(first, count);
}

void OpportunityFilterProxy::sourceDataChanged(const QModelIndex &topLeft,
                                               const QModelIndex &bottomRight,
                                               const QList<int> &roles)
{
    if (m_resetting || !topLeft.isValid() || !bottomRight.isValid())
        return;
    m_summary.reset();
    const int first = topLeft.row();
    const int last = bottomRight.row();
    const int left = topLeft.column();
    const int right = bottomRight.column();
    // As QSortFilterProxyModel: rows sort again only when what they sort by may have changed.
    const bool reorder = m_order.column() >= left && m_order.column() <= right;
    if (first == last) {
        sourceRowChanged(first, reorder, left, right, roles);
        return;
    }
    // Many rows (a bulk change, a new stale rule): placed again together, then one pass over
    // the order with only the changed rows filtered again.
    if (reorder)
        m_order.updateRows(first, last);
    m_passes.set(m_rows, m_rowOfSource.size());
    for (int sourceRow = first; sourceRow <= last; ++sourceRow)
        m_passes.filterRow(*m_source, m_shownFilter, sourceRow);
    m_passes.pick(m_order.rows(), m_spare);
    showRows(m_spare);
    int top = std::numeric_limits<int>::max();
    int bottom = -1;
    for (int sourceRow = first; sourceRow <= last; ++sourceRow) {
        if (const int row = m_rowOfSource.at(sourceRow); row >= 0) {
            top = std::min(top, row);
            bottom = std::max(bottom, row);
        }
    }
    if (bottom >= 0)
        emit dataChanged(index(top, left), index(bottom, right), roles);
}

void OpportunityFilterProxy::sourceRowChanged(int sourceRow, bool reorder, int left, int right,
                                              const QList<int> &roles)
{
    if (reorder)
        m_order.updateRows(sourceRow, sourceRow);
    const int from = m_rowOfSource.at(sourceRow);
    const bool passes = m_source->accepts(m_shownFilter, sourceRow);
    if (from < 0 && !passes)
        return;
    if (from < 0) {
        const int to = static_cast<int>(m_order.placeIn(m_rows, sourceRow));
        beginInsertRows({}, to, to);
        m_rows.insert(to, sourceRow);
        updateReverseMap(to);
        endInsertRows();
        return;
    }
    if (!passes) {
        beginRemoveRows({}, from, from);
        m_rowOfSource[sourceRow] = -1;
        m_rows.removeAt(from);
        updateReverseMap(from);
        endRemoveRows();
        return;
    }
    int to = from;
    if (reorder) {
        // Still shown, perhaps at another place: it moves there, selected as it was.
        if (from > 0 && m_order.before(sourceRow, m_rows.at(from - 1)))
            to = static_cast<int>(m_order.placeIn(m_rows, sourceRow, 0, from));
        else if (from + 1 < m_rows.size() && m_order.before(m_rows.at(from + 1), sourceRow))
            to = static_cast<int>(m_order.placeIn(m_rows, sourceRow, from + 1)) - 1;
    }
    if (to != from) {
        // Qt's destination is the row before which it goes, counted before the move.
        beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
        m_rows.move(from, to);
        for (int row = std::min(from, to); row <= std::max(from, to); ++row)
            m_rowOfSource[m_rows.at(row)] = row;
        endMoveRows();
    }
    emit dataChanged(index(to, left), index(to, right), roles);
}

QModelIndex OpportunityFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_rows.size() || column < 0 ||
        column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex OpportunityFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex OpportunityFilterProxy::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int OpportunityFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int OpportunityFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_source ? 0 : OpportunityListModel::ColumnCount;
}

bool OpportunityFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_rows.isEmpty() && columnCount() > 0;
}

QModelIndex OpportunityFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_source || !proxyIndex.isValid() || proxyIndex.model() != this)
        return {};
    return m_source->index(m_rows.at(proxyIndex.row()), proxyIndex.column());
}

QModelIndex OpportunityFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_source || !sourceIndex.isValid() || sourceIndex.model() != m_source)
        return {};
    return index(m_rowOfSource.value(sourceIndex.row(), -1), sourceIndex.column());
}

QVariant OpportunityFilterProxy::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    // Titles straight from the source: an empty list still has its header.
    if (orientation == Qt::Horizontal && m_source)
        return m_source->headerData(section, orientation, role);
    return QAbstractItemModel::headerData(section, orientation, role);
}
