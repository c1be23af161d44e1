#pragma once

#include "CurrencyOrder.h"

#include <QList>
#include <Qt>

class OpportunityListModel;

// The list's sort, kept for EVERY source row whether the filter passes it or not: a keystroke
// only picks the passing rows out of this order (no sort per keystroke), and a change of a few
// rows re-places only those rows. The order is the one the old QSortFilterProxyModel gave:
// names case-insensitive, amounts converted by the model's rates (CurrencyOrder: those without a
// rate after the converted ones in both directions), no close date last, the stale column by
// days without a change; ties in source order, in both directions. No column: source order.
class ListSortOrder final
{
public:
    ListSortOrder() = default;

    // Sorts the model's rows from scratch (none: empty).
    void setModel(const OpportunityListModel *model);
    int column() const { return m_column; }
    Qt::SortOrder order() const { return m_order; }
    // Sorts every row anew by `column` (-1: source order).
    void sortBy(int column, Qt::SortOrder order);
    // Every source row, in order.
    const QList<int> &rows() const { return m_rows; }
    // Sorts every row from scratch (after a reset).
    void rebuild();

    // Whether source row `a` comes before `b`: a strict total order (ties by source row).
    bool before(int a, int b) const;
    // Where `sourceRow` goes among `rows`, which are in this order and do not hold it.
    qsizetype placeIn(const QList<int> &rows, int sourceRow, qsizetype first = 0,
                      qsizetype last = -1) const;
    // Puts `rows` in this order.
    void sort(QList<int> &rows) const;
    // `added` (in this order) merged into `rows` (in this order): O(n + k log n).
    QList<int> merged(const QList<int> &rows, const QList<int> &added) const;

    // The source inserted rows [first, last] (it holds them already): indexes after them shift,
    // the new rows are sorted among themselves and merged in.
    void insertRows(int first, int last);
    // The source removed rows [first, last].
    void removeRows(int first, int last);
    // Rows [first, last] changed what they sort by: only they are placed again. Whether the
    // order changed.
    bool updateRows(int first, int last);
    // The model's rates or base currency changed: amounts sort anew. Whether the order changed.
    bool updateRates();

private:
    bool sortsByAmount() const;
    // The column's comparison of two rows as sorted ascending: negative, zero or positive.
    int compareKeys(int a, int b) const;
    bool amountBefore(int a, int b, bool weighted) const;

    const OpportunityListModel *m_model = nullptr;
    int m_column = -1;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    QList<int> m_rows;
    // The model's currencies and rates as a sort order, made again when either changes (the model
    // only ever appends currencies: a longer list means one is new).
    mutable CurrencyOrder m_currencyOrder;
};
