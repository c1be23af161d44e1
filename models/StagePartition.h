#pragma once

#include "OpportunityFilter.h"
#include "PipelineSummary.h"
#include "PipelineTotals.h"
#include "Stage.h"
#include "StageColumnProxy.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <array>

class OpportunityListModel;

// The board's columns, one StageColumnProxy per stage over the same source model: the filter
// runs once over the records and deals each passing row to its stage's column, in card order
// (the API has no manual order): open stages by expected close date, soonest first; closed
// stages with the most recent close first, then the last changed. A keystroke costs one pass
// over the rows, not a filter and a sort per column; source changes of a few rows move only
// those cards.
class StagePartition final : public QObject
{
    Q_OBJECT

public:
    explicit StagePartition(QObject *parent = nullptr);

    StageColumnProxy *column(Stage stage) const { return m_columns.at(static_cast<int>(stage)); }
    // None: the columns empty and stop following the model (a hidden board costs nothing).
    void setSourceModel(OpportunityListModel *model);
    void setFilter(const OpportunityFilter &filter);
    const OpportunityFilter &filter() const { return m_filter; }
    // What every column holds together: the filter bar's summary while the board shows.
    PipelineSummary summary() const;

signals:
    // Every column was dealt again (a filter change, a reset): their totals are all new.
    void dealt();

private:
    // The two orders of cards. Open: expected close date, no date last, then cache order.
    // Closed: the latest close date first, no date last, then the latest change, then cache order.
    enum Ordering
    {
        Open,
        Closed
    };
    static Ordering orderingOf(Stage stage) { return Stages::isClosed(stage) ? Closed : Open; }
    bool before(int sourceRowA, int sourceRowB, Ordering ordering) const;
    void sortInCardOrder(QList<int> &rows, Ordering ordering) const;
    // Where `sourceRow` goes among rows[first, last), which are in `ordering`.
    int placeOf(int sourceRow, const QList<int> &rows, qsizetype first, qsizetype last,
                Ordering ordering) const;
    // The orders of every source row, from scratch (first load, reset).
    void rebuildOrder();
    // The closed order made again from the open one.
    void deriveClosedOrder();
    void insertIntoOrders(int sourceRow);
    void removeFromOrders(int sourceRow);
    struct Keys
    {
        qint64 close = 0;   // keyOf(expected close date)
        qint64 updated = 0; // the last change, milliseconds since the epoch
    };
    // The keys `sourceRow` is ordered by, as its record says now.
    Keys keysOf(int sourceRow) const;
    // Keeps them as the row's order keys; false when they are the same.
    bool storeKeys(int sourceRow, const Keys &keys);
    static qint64 keyOf(const QDate &closeDate);
    struct Dealt
    {
        QList<QList<int>> rows;                   // per stage, in card order
        QList<StageColumnProxy::Figures> figures; // per stage
    };
    Dealt partition() const;
    void repartition();
    // Whether `filter` keeps only rows the one the columns were dealt with keeps (the same
    // filter with a longer search): the cards are then sifted, not dealt again from every row.
    bool narrows(const OpportunityFilter &filter) const;
    void sift();
    // New rows [first, last], their keys stored: merged into the orders and the columns.
    void mergeRows(int first, int last);
    void place(int sourceRow);
    void sourceRowsInserted(int first, int last);
    void sourceRowsAboutToBeRemoved(int first, int last);
    void sourceRowsRemoved(int first, int last);
    void sourceDataChanged(int first, int last);

    void beginSourceReset();
    void endSourceReset();

    // Cleared by Qt if the model goes first.
    QPointer<OpportunityListModel> m_source;
    // Between the source's "about to reset" and "reset": its rows are not to be read.
    bool m_resetting = false;
    OpportunityFilter m_filter;
    QList<StageColumnProxy *> m_columns;
    // Every source row in each order, kept up to date as rows change: a keystroke never sorts.
    std::array<QList<int>, 2> m_orders;
    // Per source row, the close date as a number and the last change (milliseconds), as the
    // orders were made with: ordering reads flat arrays, not the records.
    QList<qint64> m_keys;
    QList<qint64> m_updated;
};
