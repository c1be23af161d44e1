#include "StageColumnProxy.h"

#include "OpportunityListModel.h"
#include "TotalsAccumulator.h"

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
    rebuildReverseMap(m_source ? m_source->rowCount() : 0);
    endResetModel();
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
    rebuildReverseMap(static_cast<int>(m_rowOfSource.size()));
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
    for (int i = row; i < m_sourceRows.size(); ++i)
        m_rowOfSource[m_sourceRows.at(i)] = i;
    endInsertRows();
}

void StageColumnProxy::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_figures.reset();
    m_rowOfSource[m_sourceRows.at(row)] = -1;
    m_sourceRows.removeAt(row);
    for (int i = row; i < m_sourceRows.size(); ++i)
        m_rowOfSource[m_sourceRows.at(i)] = i;
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
    for (int i = std::min(from, to); i <= std::max(from, to); ++i)
        m_rowOfSource[m_sourceRows.at(i)] = i;
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

void StageColumnProxy::shiftSourceRows(int from, int delta, int sourceCount)
{
    for (int &sourceRow : m_sourceRows) {
        if (sourceRow >= from)
            sourceRow += delta;
    }
    rebuildReverseMap(sourceCount);
}

void StageColumnProxy::endReset(QList<int> sourceRows, const Figures &figures)
{
    m_sourceRows = std::move(sourceRows);
    m_figures = figures;
    rebuildReverseMap(m_source ? m_source->rowCount() : 0);
    endResetModel();
}

void StageColumnProxy::rebuildReverseMap(int sourceCount)
{
    m_rowOfSource.fill(-1, sourceCount);
    for (int i = 0; i < m_sourceRows.size(); ++i)
        m_rowOfSource[m_sourceRows.at(i)] = i;
}
