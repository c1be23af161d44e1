#include "CardOrders.h"

#include "OpportunityListModel.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace {
constexpr qint64 noDate = std::numeric_limits<qint64>::max();

qint64 keyOf(const QDate &closeDate)
{
    return closeDate.isValid() ? closeDate.toJulianDay() : noDate;
}
} // namespace

bool CardOrders::before(int a, int b, Ordering ordering) const
{
    qint64 keyA = m_keys.at(a);
    qint64 keyB = m_keys.at(b);
    if (ordering == Open)
        return keyA != keyB ? keyA < keyB : a < b;
    if (keyA != keyB) {
        // The latest first, those without a date still last.
        keyA = keyA == noDate ? noDate : -keyA;
        keyB = keyB == noDate ? noDate : -keyB;
        return keyA < keyB;
    }
    const qint64 updatedA = m_updated.at(a);
    const qint64 updatedB = m_updated.at(b);
    return updatedA != updatedB ? updatedA > updatedB : a < b;
}

int CardOrders::placeOf(int sourceRow, const QList<int> &rows, qsizetype first, qsizetype last,
                        Ordering ordering) const
{
    return static_cast<int>(
        std::lower_bound(rows.cbegin() + first, rows.cbegin() + last, sourceRow,
                         [this, ordering](int a, int b) { return before(a, b, ordering); }) -
        rows.cbegin());
}

CardOrders::Keys CardOrders::keysOf(const OpportunityListModel &model, int sourceRow)
{
    return {keyOf(model.rowAt(sourceRow).opportunity.expectedCloseDate),
            model.updatedMsAt(sourceRow)};
}

bool CardOrders::storeKeys(int sourceRow, const Keys &keys)
{
    if (keys.close == m_keys.at(sourceRow) && keys.updated == m_updated.at(sourceRow))
        return false;
    m_keys[sourceRow] = keys.close;
    m_updated[sourceRow] = keys.updated;
    return true;
}

void CardOrders::sort(QList<int> &rows, Ordering ordering) const
{
    std::sort(rows.begin(), rows.end(),
              [this, ordering](int a, int b) { return before(a, b, ordering); });
}

void CardOrders::rebuild(const OpportunityListModel *model)
{
    const int count = model ? model->rowCount() : 0;
    m_keys.resize(count);
    m_updated.resize(count);
    for (int row = 0; row < count; ++row)
        storeKeys(row, keysOf(*model, row));
    QList<int> &open = m_orders[Open];
    open.resize(count);
    std::iota(open.begin(), open.end(), 0);
    sort(open, Open);
    deriveClosedOrder();
}

void CardOrders::deriveClosedOrder()
{
    // The open order's runs of equal close dates, latest first (those without a date still
    // last), each run sorted on its own by the last change: short sorts, not another long one.
    const QList<int> &open = m_orders[Open];
    QList<int> &closed = m_orders[Closed];
    closed.resize(open.size());
    qsizetype undated = open.size();
    while (undated > 0 && m_keys.at(open.at(undated - 1)) == noDate)
        --undated;
    const auto less = [this](int a, int b) {
        return before(a, b, Closed);
    };
    qsizetype out = 0;
    const auto takeRun = [&](qsizetype begin, qsizetype end) {
        std::copy(open.cbegin() + begin, open.cbegin() + end, closed.begin() + out);
        std::sort(closed.begin() + out, closed.begin() + out + (end - begin), less);
        out += end - begin;
    };
    for (qsizetype end = undated; end > 0;) {
        qsizetype begin = end - 1;
        const qint64 key = m_keys.at(open.at(begin));
        while (begin > 0 && m_keys.at(open.at(begin - 1)) == key)
            --begin;
        takeRun(begin, end);
        end = begin;
    }
    takeRun(undated, open.size());
}

void CardOrders::rowsInserted(const OpportunityListModel &model, int first, int last)
{
    const int count = last - first + 1;
    if (first < m_keys.size()) { // the model appends; rows before others are taken all the same
        for (QList<int> &order : m_orders) {
            for (int &sourceRow : order) {
                if (sourceRow >= first)
                    sourceRow += count;
            }
        }
    }
    m_keys.insert(first, count, 0);
    m_updated.insert(first, count, 0);
    for (int sourceRow = first; sourceRow <= last; ++sourceRow)
        storeKeys(sourceRow, keysOf(model, sourceRow));
}

void CardOrders::insert(int sourceRow)
{
    for (Ordering ordering : {Open, Closed}) {
        QList<int> &order = m_orders[ordering];
        order.insert(placeOf(sourceRow, order, 0, order.size(), ordering), sourceRow);
    }
}

QList<int> CardOrders::merge(int first, int last, Ordering ordering)
{
    QList<int> added(last - first + 1);
    std::iota(added.begin(), added.end(), first);
    sort(added, ordering);
    QList<int> &order = m_orders[ordering];
    QList<int> merged(order.size() + added.size());
    std::merge(order.cbegin(), order.cend(), added.cbegin(), added.cend(), merged.begin(),
               [this, ordering](int a, int b) { return before(a, b, ordering); });
    order = std::move(merged);
    return added;
}

void CardOrders::remove(int sourceRow)
{
    // Found by the keys it was ordered by: called before those keys change.
    for (Ordering ordering : {Open, Closed}) {
        QList<int> &order = m_orders[ordering];
        const int at = placeOf(sourceRow, order, 0, order.size(), ordering);
        Q_ASSERT(at < order.size() && order.at(at) == sourceRow);
        order.removeAt(at);
    }
}

void CardOrders::rowsRemoved(int first, int last)
{
    const int count = last - first + 1;
    for (QList<int> &order : m_orders) {
        order.removeIf([&](int sourceRow) { return sourceRow >= first && sourceRow <= last; });
        for (int &sourceRow : order) {
            if (sourceRow > last)
                sourceRow -= count;
        }
    }
    m_keys.remove(first, count);
    m_updated.remove(first, count);
}

bool CardOrders::rowChanged(const OpportunityListModel &model, int sourceRow)
{
    const Keys keys = keysOf(model, sourceRow);
    if (keys.close == m_keys.at(sourceRow) && keys.updated == m_updated.at(sourceRow))
        return false;
    remove(sourceRow); // found by the keys it was ordered by
    storeKeys(sourceRow, keys);
    insert(sourceRow);
    return true;
}

void CardOrders::rowsChanged(const OpportunityListModel &model, int first, int last)
{
    bool reordered = false;
    for (int sourceRow = first; sourceRow <= last; ++sourceRow)
        reordered = storeKeys(sourceRow, keysOf(model, sourceRow)) || reordered;
    if (reordered) {
        sort(m_orders[Open], Open);
        deriveClosedOrder();
    }
}
