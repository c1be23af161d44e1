#include "OpportunityFilterProxy.h"

#include "ItemRoles.h"
#include "OpportunityListModel.h"
#include "TotalsAccumulator.h"

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
    Q_ASSERT(m_source || !model); // none while a hidden view does not need it
    QSortFilterProxyModel::setSourceModel(model);
}

void OpportunityFilterProxy::setFilter(const OpportunityFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    if (m_paused) {
        m_stale = true;
        emit totalsChanged();
        return;
    }
    // A filter change can add or drop tens of thousands of rows, which QSortFilterProxyModel
    // applies one range at a time (seconds for 100,000 rows); rebuilding the mapping and sorting
    // it again takes milliseconds.
    invalidate();
}

void OpportunityFilterProxy::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused && m_stale) {
        m_stale = false;
        invalidate();
    }
}

bool OpportunityFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    return m_source->accepts(m_filter, sourceRow);
}

bool OpportunityFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const Opportunity &a = m_source->rowAt(left.row()).opportunity;
    const Opportunity &b = m_source->rowAt(right.row()).opportunity;
    const auto byText = [](const QString &x, const QString &y) {
        return x.compare(y, Qt::CaseInsensitive) < 0;
    };
    switch (left.column()) {
    case OpportunityListModel::Name:
        return m_source->foldedNameAt(left.row()) < m_source->foldedNameAt(right.row());
    case OpportunityListModel::Account:
        return byText(a.accountName, b.accountName);
    case OpportunityListModel::StageColumn:
        return a.stage < b.stage;
    case OpportunityListModel::Value:
        return a.value < b.value;
    case OpportunityListModel::Probability:
        return a.probability < b.probability;
    case OpportunityListModel::Weighted:
        return a.weightedValue() < b.weightedValue();
    case OpportunityListModel::CloseDate:
        // No date sorts after every date.
        if (a.expectedCloseDate.isValid() != b.expectedCloseDate.isValid())
            return a.expectedCloseDate.isValid();
        return a.expectedCloseDate < b.expectedCloseDate;
    case OpportunityListModel::Owner:
        return byText(m_source->ownerName(a.ownerId), m_source->ownerName(b.ownerId));
    case OpportunityListModel::Updated:
        return m_source->updatedMsAt(left.row()) < m_source->updatedMsAt(right.row());
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

PipelineTotals OpportunityFilterProxy::totals() const
{
    // Straight over the source rows with the filter itself: no index mapping per row, and valid
    // while paused.
    TotalsAccumulator sum;
    for (int row = 0; m_source && row < m_source->rowCount(); ++row) {
        if (m_source->accepts(m_filter, row))
            sum.add(m_source->factsAt(row));
    }
    return m_source ? sum.totals(m_source->currencies()) : PipelineTotals();
}
