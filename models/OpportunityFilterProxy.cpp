#include "OpportunityFilterProxy.h"

#include "ItemRoles.h"
#include "OpportunityListModel.h"

OpportunityFilterProxy::OpportunityFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ItemRoles::SortRole);
    setDynamicSortFilter(true);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, signal, this, &OpportunityFilterProxy::totalsChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &OpportunityFilterProxy::totalsChanged);
    connect(this, &QAbstractItemModel::dataChanged, this, &OpportunityFilterProxy::totalsChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &OpportunityFilterProxy::totalsChanged);
}

void OpportunityFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    // Filtering reads the source's rows directly: no QVariant per row and role on every keystroke.
    m_source = qobject_cast<OpportunityListModel *>(model);
    Q_ASSERT(m_source);
    QSortFilterProxyModel::setSourceModel(model);
}

void OpportunityFilterProxy::setSearch(const QString &text)
{
    const QString folded = text.trimmed().toCaseFolded();
    if (folded == m_search)
        return;
    m_search = folded;
    invalidateRowsFilter();
}

void OpportunityFilterProxy::setStages(const QSet<Stage> &stages)
{
    if (stages == m_stages)
        return;
    m_stages = stages;
    invalidateRowsFilter();
}

void OpportunityFilterProxy::setAccountId(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    invalidateRowsFilter();
}

void OpportunityFilterProxy::setOwnerId(const QString &ownerId)
{
    if (ownerId == m_ownerId)
        return;
    m_ownerId = ownerId;
    invalidateRowsFilter();
}

void OpportunityFilterProxy::setArchived(bool archived)
{
    if (archived == m_archived)
        return;
    m_archived = archived;
    invalidateRowsFilter();
}

bool OpportunityFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const Opportunity &o = m_source->rowAt(sourceRow).opportunity;
    return o.isArchived == m_archived && (m_stages.isEmpty() || m_stages.contains(o.stage))
           && (m_accountId.isEmpty() || o.accountId == m_accountId)
           && (m_ownerId.isEmpty() || o.ownerId == m_ownerId)
           && (m_search.isEmpty() || m_source->foldedNameAt(sourceRow).contains(m_search));
}

PipelineTotals OpportunityFilterProxy::totals() const
{
    PipelineTotals totals;
    for (int row = 0; row < rowCount(); ++row) {
        const Opportunity &o = m_source->rowAt(mapToSource(index(row, 0)).row()).opportunity;
        totals.add(o.value, o.weightedValue(), o.currency);
    }
    return totals;
}
