#pragma once

#include "CardOrders.h"
#include "OpportunityFilter.h"
#include "PipelineSummary.h"
#include "PipelineTotals.h"
#include "Stage.h"
#include "StageColumnProxy.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <optional>

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
    struct Dealt
    {
        QList<QList<int>> rows;                   // per stage, in card order
        QList<StageColumnProxy::Figures> figures; // per stage
    };
    Dealt partition() const;
    void repartition();
    // Every column dealt `dealt`, as it was dealt for `m_filter`.
    void show(const Dealt &dealt);
    // Whether `filter` keeps only rows the one the columns were dealt with keeps (the same
    // filter with a longer search): the cards are then sifted, not dealt again from every row.
    bool narrows(const OpportunityFilter &filter) const;
    void sift();
    // The source changed: the last full deal no longer says what the columns would hold.
    void forgetLastDeal() { m_lastDeal.reset(); }
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
    CardOrders m_orders;
    // The last deal from every row and the filter it was for, until the source changes: a
    // search typed and cleared again shows those cards again without dealing them (the lists
    // are shared with the columns, not copied).
    struct LastDeal
    {
        OpportunityFilter filter;
        Dealt dealt;
    };
    std::optional<LastDeal> m_lastDeal;
};
