#include "OpportunityListModel.h"

#include "ItemRoles.h"
#include "OpportunityCells.h"

#include <QMimeData>
#include <algorithm>

namespace {

// Above this many changed rows, one dataChanged over their span instead of one per row.
constexpr qsizetype manyChanged = 256;

qint64 updatedMsOf(const Opportunity &opportunity)
{
    return opportunity.updatedAt.isValid() ? opportunity.updatedAt.toMSecsSinceEpoch() : 0;
}

} // namespace

OpportunityListModel::OpportunityListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    updateFreshSince();
}

int OpportunityListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int OpportunityListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void OpportunityListModel::setToday(const QDate &today)
{
    m_today = today;
    m_todayDay = today.toJulianDay();
    updateFreshSince();
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit staleRuleChanged();
}

void OpportunityListModel::setStaleRule(const StaleRule &rule)
{
    if (rule == m_staleRule)
        return;
    m_staleRule = rule;
    updateFreshSince();
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit staleRuleChanged();
}

void OpportunityListModel::updateFreshSince()
{
    for (Stage stage : Stages::all())
        m_freshSinceMs[static_cast<int>(stage)] =
            m_staleRule.freshSinceMs(stage, m_today).value_or(std::numeric_limits<qint64>::min());
}

std::optional<int> OpportunityListModel::daysWithoutChange(int row) const
{
    return StaleRule::daysWithoutChange(m_rows.at(row).opportunity.updatedAt, m_today);
}

void OpportunityListModel::setPeople(const PeopleBook &people)
{
    if (people == m_people)
        return;
    m_people = people;
    // Names show in the owner column and on the cards; the owner sorts by them.
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Owner), index(rowCount() - 1, Owner));
    emit peopleChanged();
}

void OpportunityListModel::setRates(const CurrencyRates &rates)
{
    if (rates == m_rates)
        return;
    m_rates = rates;
    emit ratesChanged();
}

bool OpportunityListModel::isOverdue(const Opportunity &o) const
{
    return !Stages::isClosed(o.stage) && o.expectedCloseDate.isValid() &&
           o.expectedCloseDate < m_today;
}

QVariant OpportunityListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const OpportunityRow &row = m_rows.at(index.row());
    const Opportunity &o = row.opportunity;
    // How a cell looks is OpportunityCells' business; what a row holds is answered here.
    const OpportunityCells cells(*this);
    switch (role) {
    case Qt::DisplayRole:
        return cells.display(index.row(), index.column());
    case Qt::TextAlignmentRole:
        return OpportunityCells::alignment(index.column());
    case Qt::ForegroundRole:
        return cells.foreground(index.row(), index.column());
    case Qt::DecorationRole:
        return cells.decoration(index.row(), index.column());
    case Qt::ToolTipRole:
        return cells.toolTip(index.row(), index.column());
    case ItemRoles::SortRole:
        return cells.sortKey(index.row(), index.column());
    case ItemRoles::Id:
        return o.id;
    case ItemRoles::OpportunityRole:
        return QVariant::fromValue(o);
    case ItemRoles::StageRole:
        return static_cast<int>(o.stage);
    case ItemRoles::ValueRole:
        return o.value;
    case ItemRoles::CurrencyRole:
        return o.currency;
    case ItemRoles::WeightedValueRole:
        return o.weightedValue();
    case ItemRoles::CloseDateRole:
        return o.expectedCloseDate;
    case ItemRoles::OverdueRole:
        return isOverdue(o);
    case ItemRoles::StaleRole:
        return isStaleAt(index.row());
    case ItemRoles::DaysWithoutChangeRole:
        if (const std::optional<int> days = daysWithoutChange(index.row()))
            return *days;
        return {};
    case ItemRoles::SyncStateRole:
        return static_cast<int>(row.state);
    case ItemRoles::SyncErrorRole:
        return row.syncError;
    case ItemRoles::ArchivedRole:
        return o.isArchived;
    case ItemRoles::AccountIdRole:
        return o.accountId;
    case ItemRoles::OwnerIdRole:
        return o.ownerId;
    case ItemRoles::FoldedNameRole:
        return foldedNameAt(index.row()).toString();
    }
    return {};
}

QVariant OpportunityListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Account:
        return tr("Account");
    case StageColumn:
        return tr("Stage");
    case Value:
        return tr("Value");
    case Probability:
        return tr("Probability");
    case Weighted:
        return tr("Weighted");
    case CloseDate:
        return tr("Expected close");
    case Owner:
        return tr("Owner");
    case Updated:
        return tr("Updated");
    case StaleColumn:
        return tr("Stale");
    }
    return {};
}

Qt::ItemFlags OpportunityListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid())
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

QStringList OpportunityListModel::mimeTypes() const
{
    return {QString::fromLatin1(mimeType)};
}

QMimeData *OpportunityListModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    for (const QModelIndex &index : indexes) {
        const QString id = index.data(ItemRoles::Id).toString();
        if (!ids.contains(id))
            ids.append(id);
    }
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(mimeType), ids.join(QLatin1Char('\n')).toUtf8());
    return data;
}

QStringList OpportunityListModel::idsFrom(const QMimeData *data)
{
    if (!data || !data->hasFormat(QString::fromLatin1(mimeType)))
        return {};
    return QString::fromUtf8(data->data(QString::fromLatin1(mimeType)))
        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

Qt::DropActions OpportunityListModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions OpportunityListModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

bool OpportunityListModel::requestMove(const QStringList &ids, Stage stage)
{
    if (m_readOnly) {
        emit moveRefused(tr("This API key may only read: deals cannot be moved."));
        return false;
    }
    QStringList moving;
    for (const QString &id : ids) {
        const int row = rowOf(id);
        if (row >= 0 && m_rows.at(row).opportunity.stage != stage)
            moving.append(id);
    }
    if (moving.isEmpty())
        return false;
    emit moveRequested(moving, stage);
    return true;
}

QHash<int, QByteArray> OpportunityListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ItemRoles::Id, "id");
    names.insert(ItemRoles::StageRole, "stage");
    names.insert(ItemRoles::ValueRole, "value");
    names.insert(ItemRoles::SyncStateRole, "syncState");
    return names;
}

void OpportunityListModel::reindex()
{
    m_rowById.rebuild();
}

OpportunityListModel::Facts OpportunityListModel::factsOf(Opportunity &opportunity)
{
    auto shared = std::find(m_currencies.cbegin(), m_currencies.cend(), opportunity.currency);
    if (shared == m_currencies.cend()) {
        m_currencies.append(opportunity.currency);
        shared = m_currencies.cend() - 1;
    }
    opportunity.currency = *shared; // one string per code, not one per row
    Facts facts;
    facts.value = opportunity.value;
    facts.weighted = opportunity.weightedValue();
    if (!opportunity.accountName.isEmpty())
        facts.account = accountOf(opportunity.accountName);
    facts.currency = static_cast<qint16>(shared - m_currencies.cbegin());
    facts.stage = opportunity.stage;
    facts.archived = opportunity.isArchived;
    facts.closeDay = CloseWindow::dayOf(opportunity.expectedCloseDate);
    return facts;
}

qint32 OpportunityListModel::accountOf(const QString &name)
{
    // Rows read from the cache share one string per account name (StringPool): known by its
    // address, without hashing and comparing its text 100,000 times.
    const bool owned = name.data_ptr().isMutable(); // not raw data someone else may reuse
    if (owned) {
        if (const auto known = m_accountByText.constFind(name.constData());
            known != m_accountByText.constEnd())
            return *known;
    }
    auto known = m_accountByName.constFind(name);
    if (known == m_accountByName.constEnd()) {
        known = m_accountByName.insert(name, static_cast<qint32>(m_foldedAccounts.size()));
        m_foldedAccounts.append(m_folder.folded(name));
    }
    if (owned) {
        // Kept, so the address stays this text's; bounded, as edits bring strings of their own.
        if (m_accountTexts.size() > 2 * m_foldedAccounts.size() + 4096) {
            m_accountByText.clear();
            m_accountTexts.clear();
        }
        m_accountByText.insert(name.constData(), *known);
        m_accountTexts.append(name);
    }
    return *known;
}

void OpportunityListModel::matchAccounts(const QString &search) const
{
    m_accountSearch = search;
    m_accountMatches.resize(m_foldedAccounts.size());
    for (qsizetype i = 0; i < m_foldedAccounts.size(); ++i)
        m_accountMatches[i] = m_foldedAccounts.at(i).contains(search);
}

void OpportunityListModel::resetRows(QList<OpportunityRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_facts.clear();
    m_facts.reserve(m_rows.size());
    m_updatedMs.clear();
    m_updatedMs.reserve(m_rows.size());
    m_names.clear(m_rows.size());
    m_foldedAccounts = {QString()};
    m_accountByName.clear();
    m_accountByText.clear();
    m_accountTexts.clear();
    m_accountMatches.clear(); // worked out again for the new accounts
    for (OpportunityRow &row : m_rows) {
        m_facts.append(factsOf(row.opportunity));
        m_updatedMs.append(updatedMsOf(row.opportunity));
        m_names.append(row.opportunity.name);
    }
    reindex();
    endResetModel();
}

void OpportunityListModel::upsertRows(QList<OpportunityRow> rows)
{
    // New rows go to the end as one insertion however many (a start-up page of 10,000, a first
    // sync): the proxies merge an append, where a reset would make them sort everything again
    // and lose the selection. Rows are moved in, not copied: a page is the caller's to give.
    QList<qsizetype> added;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rowOf(rows.at(i).opportunity.id) < 0)
            added.append(i);
    }
    // Changed rows are updated in place (selections and current rows stay): a few, each
    // announced on its own; many (a bulk change), as one range from the first to the last, which
    // the proxies take in one pass instead of one pass per row.
    const bool many = rows.size() - added.size() > manyChanged;
    int first = rowCount();
    int last = -1;
    for (OpportunityRow &row : rows) {
        const int at = rowOf(row.opportunity.id);
        if (at < 0)
            continue;
        m_updatedMs[at] = updatedMsOf(row.opportunity);
        m_rows[at] = std::move(row);
        m_facts[at] = factsOf(m_rows[at].opportunity);
        m_names.replace(at, m_rows.at(at).opportunity.name);
        first = std::min(first, at);
        last = std::max(last, at);
        if (!many)
            emit dataChanged(index(at, 0), index(at, ColumnCount - 1));
    }
    if (many)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    if (added.isEmpty())
        return;
    const int firstAdded = rowCount();
    beginInsertRows({}, firstAdded, firstAdded + static_cast<int>(added.size()) - 1);
    for (const qsizetype i : std::as_const(added)) {
        OpportunityRow &row = rows[i];
        m_updatedMs.append(updatedMsOf(row.opportunity));
        m_rows.append(std::move(row));
        m_rowById.insert(static_cast<int>(m_rows.size()) - 1);
        m_facts.append(factsOf(m_rows.last().opportunity));
        m_names.append(m_rows.last().opportunity.name);
    }
    endInsertRows();
}

void OpportunityListModel::announceLoaded()
{
    // Pages grew the lists by doubling: up to half of 100,000 rows' worth stood empty.
    m_rows.squeeze();
    m_facts.squeeze();
    m_updatedMs.squeeze();
    m_names.squeeze();
    emit loaded();
}

void OpportunityListModel::removeIds(const QStringList &ids)
{
    QList<int> rows;
    for (const QString &id : ids) {
        if (const int at = rowOf(id); at >= 0)
            rows.append(at);
    }
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int at : rows) {
        beginRemoveRows({}, at, at);
        m_rows.removeAt(at);
        m_facts.removeAt(at);
        m_updatedMs.removeAt(at);
        m_names.remove(at);
        endRemoveRows();
    }
    if (!rows.isEmpty())
        reindex();
}

void OpportunityListModel::renameId(const QString &oldId, const QString &newId)
{
    const int at = rowOf(oldId);
    if (at < 0)
        return;
    if (const int existing = rowOf(newId); existing >= 0 && existing != at) {
        // The server's record arrived already: the local copy goes.
        removeIds({oldId});
        return;
    }
    m_rowById.remove(oldId); // while the row still holds it: the index reads ids from the rows
    m_rows[at].opportunity.id = newId;
    m_rowById.insert(at);
    emit dataChanged(index(at, 0), index(at, ColumnCount - 1));
}
