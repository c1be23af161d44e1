#pragma once

#include "OpportunityFilter.h"
#include "Stage.h"

#include <QList>
#include <QObject>
#include <QPointer>

class OpportunityListModel;
class StageColumnProxy;

// The board's columns, one StageColumnProxy per stage over the same source model: the filter
// runs once over the records and deals each passing row to its stage's column, in expected close
// date order (the API has no manual order). A keystroke costs one pass over the rows, not a
// filter and a sort per column; source changes of a few rows move only those cards.
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
    // What every column holds together: the filter bar's count and totals while the board shows.
    PipelineTotals totals() const;

signals:
    // Every column was dealt again (a filter change, a reset): their totals are all new.
    void dealt();

private:
    // The order of cards in a column: expected close date, no date last, then cache order.
    bool before(int sourceRowA, int sourceRowB) const;
    void sortInCardOrder(QList<int> &rows) const;
    // Where `sourceRow` goes among rows[first, last), which are in card order.
    int placeOf(int sourceRow, const QList<int> &rows, qsizetype first, qsizetype last) const;
    // The order of every source row, from scratch (first load, reset).
    void rebuildOrder();
    void insertIntoOrder(int sourceRow);
    void removeFromOrder(int sourceRow);
    static qint64 keyOf(const QDate &closeDate);
    struct Dealt
    {
        QList<QList<int>> rows;       // per stage, in card order
        QList<PipelineTotals> totals; // per stage
    };
    Dealt partition() const;
    void repartition();
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
    // Every source row in card order, kept up to date as rows change: a keystroke never sorts.
    QList<int> m_order;
    // Per source row, the close date as a number: ordering reads a flat array, not the records.
    QList<qint64> m_keys;
};
