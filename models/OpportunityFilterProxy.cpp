#include "OpportunityFilterProxy.h"

#include "ItemRoles.h"
#include "OpportunityListModel.h"
#include "SummaryAccumulator.h"

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
    if (m_source)
        disconnect(m_source, &OpportunityListModel::ratesChanged, this, nullptr);
    m_source = qobject_cast<OpportunityListModel *>(model);
    Q_ASSERT(m_source || !model); // none while a hidden view does not need it
    m_currencyOrder = {};
    if (m_source)
        connect(m_source, &OpportunityListModel::ratesChanged, this,
                &OpportunityFilterProxy::ratesChanged);
    QSortFilterProxyModel::setSourceModel(model);
}

void OpportunityFilterProxy::ratesChanged()
{
    m_currencyOrder = {};
    emit totalsChanged();
    if (sortColumn() != OpportunityListModel::Value &&
        sortColumn() != OpportunityListModel::Weighted)
        return;
    if (m_paused)
        m_stale = true;
    else
        invalidate();
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
        return amountLessThan(left.row(), right.row(), false);
    case OpportunityListModel::Probability:
        return a.probability < b.probability;
    case OpportunityListModel::Weighted:
        return amountLessThan(left.row(), right.row(), true);
    case OpportunityListModel::CloseDate:
        // No date sorts after every date.
        if (a.expectedCloseDate.isValid() != b.expectedCloseDate.isValid())
            return a.expectedCloseDate.isValid();
        return a.expectedCloseDate < b.expectedCloseDate;
    case OpportunityListModel::Owner:
        return byText(m_source->ownerName(a.ownerId), m_source->ownerName(b.ownerId));
    case OpportunityListModel::Updated:
        return m_source->updatedMsAt(left.row()) < m_source->updatedMsAt(right.row());
    case OpportunityListModel::StaleColumn:
        return staleLessThan(left.row(), right.row());
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

bool OpportunityFilterProxy::staleLessThan(int sourceRowA, int sourceRowB) const
{
    const bool staleA = m_source->isStaleAt(sourceRowA);
    const bool staleB = m_source->isStaleAt(sourceRowB);
    if (staleA != staleB)
        return staleB; // the fresh before the stale
    // Among stale deals, fewer days without a change first: a later change means fewer days
    // (the days are whole local days of that instant), and comparing instants saves working out
    // two local dates per comparison.
    return staleA && m_source->updatedMsAt(sourceRowA) > m_source->updatedMsAt(sourceRowB);
}

bool OpportunityFilterProxy::amountLessThan(int sourceRowA, int sourceRowB, bool weighted) const
{
    // The model only ever appends currencies: a longer list means one is new.
    if (m_currencyOrder.size() != m_source->currencies().size())
        m_currencyOrder = CurrencyOrder(m_source->currencies(), m_source->rates());
    const OpportunityListModel::Facts &a = m_source->factsAt(sourceRowA);
    const OpportunityListModel::Facts &b = m_source->factsAt(sourceRowB);
    return weighted
               ? m_currencyOrder.lessThan(a.weighted, a.currency, b.weighted, b.currency,
                                          sortOrder())
               : m_currencyOrder.lessThan(a.value, a.currency, b.value, b.currency, sortOrder());
}

PipelineSummary OpportunityFilterProxy::summary() const
{
    if (!m_source)
        return {};
    // Straight over the source rows with the filter itself: no index mapping per row, and valid
    // while paused.
    SummaryAccumulator sum;
    for (int row = 0; row < m_source->rowCount(); ++row) {
        if (m_source->accepts(m_filter, row))
            sum.add(m_source->factsAt(row));
    }
    return sum.summary(*m_source);
}
