#pragma once

#include <QTabWidget>

class BoardView;
class FilterBar;
class OpportunityFilterProxy;
class OpportunityTableView;

// The pipeline as a list or as a board, one at a time, under one filter bar. The view showing
// counts the filter bar's totals and names the current record; behind the board the list does
// not refilter on every keystroke, it catches up when shown.
class PipelineViews final : public QTabWidget
{
    Q_OBJECT

public:
    // `list` shows `proxy`.
    PipelineViews(OpportunityTableView &list, OpportunityFilterProxy &proxy, BoardView &board,
                  FilterBar &filterBar, QWidget *parent = nullptr);

    bool showsBoard() const;
    // The record current in the view showing: the list's current row or the board's current
    // card (never a row the list keeps hidden behind the board); empty when none.
    QString currentId() const;
    // Makes `id` current in the list, and on the board when it shows.
    void select(const QString &id);

signals:
    // The current record may be another one (the detail and the record actions follow).
    void currentRecordChanged();

private:
    void followView();

    OpportunityTableView &m_list;
    OpportunityFilterProxy &m_proxy;
    BoardView &m_board;
    FilterBar &m_filterBar;
};
