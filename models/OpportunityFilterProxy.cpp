#include "OpportunityFilterProxy.h"

#include "ItemRoles.h"
#include "OpportunityListModel.h"

#include <QVarLengthArray>

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

void OpportunityFilterProxy::setSearch(const QString &text)
{
    const QString folded = text.trimmed().toCaseFolded();
    if (folded == m_search)
        return;
    m_search = folded;
    refilter();
}

void OpportunityFilterProxy::setStages(const QSet<Stage> &stages)
{
    if (stages == m_stages)
        return;
    m_stages = stages;
    refilter();
}

void OpportunityFilterProxy::setAccountId(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    refilter();
}

void OpportunityFilterProxy::setOwnerId(const QString &ownerId)
{
    if (ownerId == m_ownerId)
        return;
    m_ownerId = ownerId;
    refilter();
}

void OpportunityFilterProxy::setArchived(bool archived)
{
    if (archived == m_archived)
        return;
    m_archived = archived;
    refilter();
}

void OpportunityFilterProxy::refilter()
{
    // A filter change can add or drop tens of thousands of rows, which QSortFilterProxyModel
    // applies one range at a time (seconds for 100,000 rows); rebuilding the mapping and sorting
    // it again takes milliseconds.
    invalidate();
}

void OpportunityFilterProxy::setFixedStage(std::optional<Stage> stage)
{
    m_fixedStage = stage;
    refilter();
}

Qt::ItemFlags OpportunityFilterProxy::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QSortFilterProxyModel::flags(index);
    if (m_fixedStage && !index.isValid())
        flags |= Qt::ItemIsDropEnabled; // the column itself takes drops, not the cards in it
    return flags;
}

bool OpportunityFilterProxy::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                             const QModelIndex &) const
{
    return m_fixedStage && action == Qt::MoveAction &&
           !OpportunityListModel::idsFrom(data).isEmpty();
}

bool OpportunityFilterProxy::dropMimeData(const QMimeData *data, Qt::DropAction action, int row,
                                          int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    // The drop asks; the data's owner moves (the cards leave their column when the move lands).
    m_source->requestMove(OpportunityListModel::idsFrom(data), *m_fixedStage);
    return false; // nothing for the view to remove: the model updates itself
}

bool OpportunityFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const Opportunity &o = m_source->rowAt(sourceRow).opportunity;
    return o.isArchived == m_archived && (!m_fixedStage || o.stage == *m_fixedStage) &&
           (m_stages.isEmpty() || m_stages.contains(o.stage)) &&
           (m_accountId.isEmpty() || o.accountId == m_accountId) &&
           (m_ownerId.isEmpty() || o.ownerId == m_ownerId) &&
           (m_search.isEmpty() || m_source->foldedNameAt(sourceRow).contains(m_search));
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
    // Straight over the source rows with the filter itself: no index mapping per row, and the
    // few currencies summed in a flat list before they go into the maps.
    struct Sum
    {
        const QString *currency;
        double value;
        double weighted;
    };
    QVarLengthArray<Sum, 8> sums;
    int count = 0;
    for (int row = 0; m_source && row < m_source->rowCount(); ++row) {
        if (!filterAcceptsRow(row, {}))
            continue;
        const Opportunity &o = m_source->rowAt(row).opportunity;
        ++count;
        auto sum = std::find_if(sums.begin(), sums.end(),
                                [&](const Sum &s) { return *s.currency == o.currency; });
        if (sum == sums.end()) {
            sums.append({&o.currency, 0, 0});
            sum = sums.end() - 1;
        }
        sum->value += o.value;
        sum->weighted += o.weightedValue();
    }
    PipelineTotals totals;
    totals.count = count;
    for (const Sum &sum : sums) {
        totals.value.insert(*sum.currency, sum.value);
        totals.weighted.insert(*sum.currency, sum.weighted);
    }
    return totals;
}
