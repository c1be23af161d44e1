#include "StageColumnProxy.h"

#include "OpportunityListModel.h"
#include "TotalsAccumulator.h"

#include <algorithm>

StageColumnProxy::StageColumnProxy(Stage stage, QObject *parent)
    : QAbstractProxyModel(parent)
    , m_stage(stage)
{
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, signal, this, &StageColumnProxy::totalsChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &StageColumnProxy::totalsChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &StageColumnProxy::totalsChanged);
    connect(this, &QAbstractItemModel::dataChanged, this, &StageColumnProxy::totalsChanged);
}

void StageColumnProxy::setSourceModel(QAbstractItemModel *model)
{
    m_source = qobject_cast<OpportunityListModel *>(model);
    Q_ASSERT(m_source || !model);
    beginResetModel();
    QAbstractProxyModel::setSourceModel(model);
    m_sourceRows.clear();
    m_figures.reset();
    forgetReverseMap();
    endResetModel();
}

int StageColumnProxy::rowOfSource(int sourceRow) const
{
    if (!m_reverseValid && ++m_lookupsWithoutMap <= scansBeforeMap) {
        // A card moved after a keystroke: a scan of the cards costs less than a map of every
        // source row, made again after the next keystroke.
        const auto at = std::find(m_sourceRows.cbegin(), m_sourceRows.cend(), sourceRow);
        return at == m_sourceRows.cend() ? -1 : static_cast<int>(at - m_sourceRows.cbegin());
    }
    if (!m_reverseValid) {
        // As long as the source (the partition's rows are all below its count): no row beyond.
        qsizetype size = m_source ? m_source->rowCount() : 0;
        for (int row : m_sourceRows)
            size = std::max<qsizetype>(size, row + 1);
        m_rowOfSource.fill(-1, size);
        for (int i = 0; i < m_sourceRows.size(); ++i)
            m_rowOfSource[m_sourceRows.at(i)] = i;
        m_reverseValid = true;
    }
    return m_rowOfSource.value(sourceRow, -1);
}

const StageColumnProxy::Figures &StageColumnProxy::figures() const
{
    if (!m_figures && !m_source)
        m_figures = Figures{}; // no model, no cards
    if (!m_figures) {
        TotalsAccumulator sum;
        int stale = 0;
        for (int sourceRow : m_sourceRows) {
            sum.add(m_source->factsAt(sourceRow));
            stale += m_source->isStaleAt(sourceRow) ? 1 : 0;
        }
        m_figures = Figures{sum.totals(m_source->currencies()), stale};
    }
    return *m_figures;
}

QModelIndex StageColumnProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || column != 0 || row < 0 || row >= m_sourceRows.size())
        return {};
    return createIndex(row, 0);
}

QModelIndex StageColumnProxy::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex StageColumnProxy::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int StageColumnProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_sourceRows.size());
}

int StageColumnProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1;
}

bool StageColumnProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_sourceRows.isEmpty();
}

QModelIndex StageColumnProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_source || !proxyIndex.isValid() || proxyIndex.model() != this)
        return {};
    return m_source->index(m_sourceRows.at(proxyIndex.row()), 0);
}

QModelIndex StageColumnProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.column() != 0)
        return {};
    return index(rowOfSource(sourceIndex.row()), 0);
}

Qt::ItemFlags StageColumnProxy::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // the column itself takes drops, not the cards in it
    return QAbstractProxyModel::flags(index) & ~Qt::ItemIsDropEnabled;
}

bool StageColumnProxy::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                       const QModelIndex &) const
{
    return m_source && action == Qt::MoveAction && !OpportunityListModel::idsFrom(data).isEmpty();
}

bool StageColumnProxy::dropMimeData(const QMimeData *data, Qt::DropAction action, int row,
                                    int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    // The drop asks; the data's owner moves (the cards leave their column when the move lands).
    m_source->requestMove(OpportunityListModel::idsFrom(data), m_stage);
    return false; // nothing for the view to remove: the model updates itself
}

void StageColumnProxy::replaceRows(QList<int> sourceRows, const Figures &figures)
{
    m_figures = figures; // the same rows may hold new figures
    if (sourceRows == m_sourceRows)
        return;
    emit layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    QList<int> beforeSource;
    beforeSource.reserve(before.size());
    for (const QModelIndex &index : before)
        beforeSource.append(m_sourceRows.value(index.row(), -1));
    m_sourceRows = std::move(sourceRows);
    forgetReverseMap();
    QModelIndexList after;
    after.reserve(before.size());
    for (int sourceRow : std::as_const(beforeSource))
        after.append(sourceRow < 0 ? QModelIndex() : index(rowOfSource(sourceRow), 0));
    changePersistentIndexList(before, after);
    emit layoutChanged();
}

void StageColumnProxy::insertSourceRow(int row, int sourceRow)
{
    beginInsertRows({}, row, row);
    m_figures.reset();
    m_sourceRows.insert(row, sourceRow);
    if (m_reverseValid && sourceRow < m_rowOfSource.size()) {
        for (int i = row; i < m_sourceRows.size(); ++i)
            m_rowOfSource[m_sourceRows.at(i)] = i;
    } else {
        forgetReverseMap();
    }
    endInsertRows();
}

void StageColumnProxy::insertSourceRows(QList<int> sourceRows, const QList<int> &added,
                                        const Figures &addedFigures)
{
    if (added.isEmpty())
        return;
    Q_ASSERT(sourceRows.size() == m_sourceRows.size() + added.size());
    if (m_figures) { // the sums go on; otherwise counted when next asked for
        m_figures->totals.add(addedFigures.totals);
        m_figures->stale += addedFigures.stale;
    }
    forgetReverseMap();
    const int first = added.first();
    const int last = added.last();
    if (last - first + 1 == added.size()) { // one run of new cards: an insertion Qt knows
        beginInsertRows({}, first, last);
        m_sourceRows = std::move(sourceRows);
        endInsertRows();
        return;
    }
    // New cards in many places: one layout change, not one insertion per card. The cards that
    // were there keep their persistent indexes (selection, current card), moved down by the
    // new cards above them.
    emit layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    QList<int> newRowOf; // per card shown until now, its row from now on
    if (!before.isEmpty()) {
        newRowOf.reserve(m_sourceRows.size());
        qsizetype next = 0;
        for (int row = 0; row < sourceRows.size(); ++row) {
            if (next < added.size() && added.at(next) == row)
                ++next;
            else
                newRowOf.append(row);
        }
    }
    m_sourceRows = std::move(sourceRows);
    if (!before.isEmpty()) {
        QModelIndexList after;
        after.reserve(before.size());
        for (const QModelIndex &index : before)
            after.append(this->index(newRowOf.value(index.row(), -1), 0));
        changePersistentIndexList(before, after);
    }
    emit layoutChanged();
}

void StageColumnProxy::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_figures.reset();
    if (m_reverseValid)
        m_rowOfSource[m_sourceRows.at(row)] = -1;
    m_sourceRows.removeAt(row);
    if (m_reverseValid) {
        for (int i = row; i < m_sourceRows.size(); ++i)
            m_rowOfSource[m_sourceRows.at(i)] = i;
    }
    endRemoveRows();
}

void StageColumnProxy::moveRowTo(int from, int to)
{
    if (from == to)
        return;
    // Qt's destination is the row before which the card goes, counted before the move.
    beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    const int sourceRow = m_sourceRows.takeAt(from);
    m_sourceRows.insert(to, sourceRow);
    if (m_reverseValid) {
        for (int i = std::min(from, to); i <= std::max(from, to); ++i)
            m_rowOfSource[m_sourceRows.at(i)] = i;
    }
    endMoveRows();
}

void StageColumnProxy::announceAllChanged(const Figures &figures)
{
    m_figures = figures;
    if (!m_sourceRows.isEmpty())
        emit dataChanged(index(0, 0), index(static_cast<int>(m_sourceRows.size()) - 1, 0));
}

void StageColumnProxy::announceChanged(int row)
{
    m_figures.reset();
    const QModelIndex changed = index(row, 0);
    emit dataChanged(changed, changed);
}

void StageColumnProxy::shiftSourceRows(int from, int delta)
{
    bool shifted = false;
    for (int &sourceRow : m_sourceRows) {
        if (sourceRow >= from) {
            sourceRow += delta;
            shifted = true;
        }
    }
    // Rows appended after every card shift none: the map stays as it is.
    if (shifted || delta < 0)
        forgetReverseMap();
}

void StageColumnProxy::endReset(QList<int> sourceRows, const Figures &figures)
{
    m_sourceRows = std::move(sourceRows);
    m_figures = figures;
    forgetReverseMap();
    endResetModel();
}
