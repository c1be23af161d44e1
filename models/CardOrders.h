#pragma once

#include "Stage.h"

#include <QList>
#include <array>

class OpportunityListModel;

// Every source row in the board's two card orders, kept up to date as rows change, so that the
// StagePartition deals a keystroke's rows without sorting. Open: expected close date, no date
// last, then cache order. Closed: the latest close date first, no date last, then the latest
// change, then cache order. The orders compare flat arrays of keys, not the records.
class CardOrders final
{
public:
    enum Ordering
    {
        Open,
        Closed
    };
    static Ordering orderingOf(Stage stage) { return Stages::isClosed(stage) ? Closed : Open; }

    // Every row the orders know, in `ordering`.
    const QList<int> &rows(Ordering ordering) const { return m_orders[ordering]; }
    // How many source rows the orders know.
    int count() const { return static_cast<int>(m_keys.size()); }
    bool before(int sourceRowA, int sourceRowB, Ordering ordering) const;
    // Where `sourceRow` goes among rows[first, last), which are in `ordering`.
    int placeOf(int sourceRow, const QList<int> &rows, qsizetype first, qsizetype last,
                Ordering ordering) const;

    // From scratch: every row of `model`, none without one.
    void rebuild(const OpportunityListModel *model);
    // Rows [first, last] were inserted into `model`: the rows after them renumbered and the new
    // rows' keys stored, all before any is ordered (ordering compares them with one another).
    // They are in neither order until insert() or merge().
    void rowsInserted(const OpportunityListModel &model, int first, int last);
    // The new row `sourceRow` into both orders.
    void insert(int sourceRow);
    // The new rows [first, last] into `ordering`, sorted and merged (O(n + k log k)); returns
    // them in that order.
    QList<int> merge(int first, int last, Ordering ordering);
    // Rows [first, last] left the model.
    void rowsRemoved(int first, int last);
    // `sourceRow` changed: placed again in both orders if its keys did. True when they did.
    bool rowChanged(const OpportunityListModel &model, int sourceRow);
    // Many rows changed: their keys stored, the orders sorted again if any key changed.
    void rowsChanged(const OpportunityListModel &model, int first, int last);

private:
    struct Keys
    {
        qint64 close = 0;   // keyOf(expected close date)
        qint64 updated = 0; // the last change, milliseconds since the epoch
    };
    static Keys keysOf(const OpportunityListModel &model, int sourceRow);
    // Keeps them as the row's order keys; false when they are the same.
    bool storeKeys(int sourceRow, const Keys &keys);
    void remove(int sourceRow);
    void sort(QList<int> &rows, Ordering ordering) const;
    // The closed order made again from the open one.
    void deriveClosedOrder();

    std::array<QList<int>, 2> m_orders;
    // Per source row, the close date as a number and the last change (milliseconds), as the
    // orders were made with.
    QList<qint64> m_keys;
    QList<qint64> m_updated;
};
