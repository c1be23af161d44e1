#include "ListSortOrder.h"

#include "OpportunityListModel.h"

#include <algorithm>
#include <numeric>

namespace {

template <typename T> int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : b < a ? 1 : 0;
}

} // namespace

void ListSortOrder::setModel(const OpportunityListModel *model)
{
    m_model = model;
    m_currencyOrder = {};
    rebuild();
}

void ListSortOrder::sortBy(int column, Qt::SortOrder order)
{
    m_column = column;
    m_order = order;
    rebuild();
}

void ListSortOrder::rebuild()
{
    m_rows.resize(m_model ? m_model->rowCount() : 0);
    std::iota(m_rows.begin(), m_rows.end(), 0);
    if (m_column >= 0)
        sort(m_rows);
}

bool ListSortOrder::sortsByAmount() const
{
    return m_column == OpportunityListModel::Value || m_column == OpportunityListModel::Weighted;
}

bool ListSortOrder::before(int a, int b) const
{
    if (m_column < 0 || a == b)
        return a < b;
    if (sortsByAmount())
        return amountBefore(a, b, m_column == OpportunityListModel::Weighted);
    const int order = compareKeys(a, b);
    if (order != 0)
        return m_order == Qt::AscendingOrder ? order < 0 : order > 0;
    return a < b;
}

bool ListSortOrder::amountBefore(int a, int b, bool weighted) const
{
    if (m_currencyOrder.size() != m_model->currencies().size())
        m_currencyOrder = CurrencyOrder(m_model->currencies(), m_model->rates());
    const OpportunityListModel::Facts &x = m_model->factsAt(a);
    const OpportunityListModel::Facts &y = m_model->factsAt(b);
    const auto less = [&](const OpportunityListModel::Facts &p,
                          const OpportunityListModel::Facts &q) {
        return weighted
                   ? m_currencyOrder.lessThan(p.weighted, p.currency, q.weighted, q.currency,
                                              m_order)
                   : m_currencyOrder.lessThan(p.value, p.currency, q.value, q.currency, m_order);
    };
    // As QSortFilterProxyModel asked CurrencyOrder: descending compares with the arguments
    // swapped, and CurrencyOrder keeps the groups ascending all the same.
    const bool ascending = m_order == Qt::AscendingOrder;
    if (ascending ? less(x, y) : less(y, x))
        return true;
    if (ascending ? less(y, x) : less(x, y))
        return false;
    return a < b;
}

int ListSortOrder::compareKeys(int a, int b) const
{
    switch (m_column) {
    case OpportunityListModel::Name:
        return m_model->foldedNameAt(a).compare(m_model->foldedNameAt(b));
    case OpportunityListModel::Account:
        return m_model->rowAt(a).opportunity.accountName.compare(
            m_model->rowAt(b).opportunity.accountName, Qt::CaseInsensitive);
    case OpportunityListModel::StageColumn:
        return threeWay(static_cast<int>(m_model->factsAt(a).stage),
                        static_cast<int>(m_model->factsAt(b).stage));
    case OpportunityListModel::Probability:
        return threeWay(m_model->rowAt(a).opportunity.probability,
                        m_model->rowAt(b).opportunity.probability);
    case OpportunityListModel::CloseDate: {
        // No date sorts after every date (ascending).
        const QDate &x = m_model->rowAt(a).opportunity.expectedCloseDate;
        const QDate &y = m_model->rowAt(b).opportunity.expectedCloseDate;
        if (x.isValid() != y.isValid())
            return x.isValid() ? -1 : 1;
        return threeWay(x, y);
    }
    case OpportunityListModel::Owner:
        return m_model->ownerName(m_model->rowAt(a).opportunity.ownerId)
            .compare(m_model->ownerName(m_model->rowAt(b).opportunity.ownerId),
                     Qt::CaseInsensitive);
    case OpportunityListModel::Updated:
        return threeWay(m_model->updatedMsAt(a), m_model->updatedMsAt(b));
    case OpportunityListModel::StaleColumn: {
        // The fresh first, then the stale by days without a change: a later change means fewer
        // days, and comparing instants saves working out two local dates per comparison.
        const bool staleA = m_model->isStaleAt(a);
        const bool staleB = m_model->isStaleAt(b);
        if (staleA != staleB)
            return staleA ? 1 : -1;
        return staleA ? threeWay(m_model->updatedMsAt(b), m_model->updatedMsAt(a)) : 0;
    }
    }
    return 0;
}

qsizetype ListSortOrder::placeIn(const QList<int> &rows, int sourceRow, qsizetype first,
                                 qsizetype last) const
{
    const auto end = rows.cbegin() + (last < 0 ? rows.size() : last);
    return std::lower_bound(rows.cbegin() + first, end, sourceRow,
                            [this](int a, int b) { return before(a, b); }) -
           rows.cbegin();
}

void ListSortOrder::sort(QList<int> &rows) const
{
    if (m_column < 0) {
        std::sort(rows.begin(), rows.end());
        return;
    }
    std::sort(rows.begin(), rows.end(), [this](int a, int b) { return before(a, b); });
}

QList<int> ListSortOrder::merged(const QList<int> &rows, const QList<int> &added) const
{
    // Each new row's place by binary search in what is left of `rows`, the runs between copied
    // whole: k log n comparisons and one copy of n, whether k is 1 or 10,000.
    QList<int> out(rows.size() + added.size());
    int *to = out.data();
    auto from = rows.cbegin();
    const auto less = [this](int a, int b) {
        return before(a, b);
    };
    for (int row : added) {
        const auto at = std::lower_bound(from, rows.cend(), row, less);
        to = std::copy(from, at, to);
        *to++ = row;
        from = at;
    }
    std::copy(from, rows.cend(), to);
    return out;
}

void ListSortOrder::insertRows(int first, int last)
{
    const int count = last - first + 1;
    for (int &row : m_rows) {
        if (row >= first)
            row += count;
    }
    QList<int> added(count);
    std::iota(added.begin(), added.end(), first);
    if (m_column >= 0)
        sort(added);
    m_rows = merged(m_rows, added);
}

void ListSortOrder::removeRows(int first, int last)
{
    const int count = last - first + 1;
    m_rows.removeIf([&](int row) { return row >= first && row <= last; });
    for (int &row : m_rows) {
        if (row > last)
            row -= count;
    }
}

bool ListSortOrder::updateRows(int first, int last)
{
    if (m_column < 0)
        return false;
    const auto changed = [&](int row) {
        return row >= first && row <= last;
    };
    // Still in order when every changed row is in order with its neighbours: the pairs of
    // unchanged rows were in order and still are.
    bool inOrder = true;
    for (qsizetype i = 1; i < m_rows.size() && inOrder; ++i) {
        const int a = m_rows.at(i - 1);
        const int b = m_rows.at(i);
        if ((changed(a) || changed(b)) && !before(a, b))
            inOrder = false;
    }
    if (inOrder)
        return false;
    m_rows.removeIf(changed);
    QList<int> moved(last - first + 1);
    std::iota(moved.begin(), moved.end(), first);
    sort(moved);
    m_rows = merged(m_rows, moved);
    return true;
}

bool ListSortOrder::updateRates()
{
    m_currencyOrder = {};
    if (!sortsByAmount())
        return false;
    const QList<int> before = m_rows;
    sort(m_rows);
    return m_rows != before;
}
