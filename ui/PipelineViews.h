#pragma once

#include <QTabWidget>

class BoardView;
class EmptyResultNotice;
class FilterBar;
class ForecastPane;
class ForecastView;
class OpportunityFilterProxy;
class OpportunityListModel;
class OpportunityTableView;
class QAction;
class QTimer;

// The pipeline as a list, a board or a forecast, one at a time, under one filter bar. The view
// showing counts the filter bar's totals and names the current record; behind the others the list
// does not refilter on every keystroke, nor the board or the forecast behind theirs: each catches
// up when shown. An empty view says why, in its middle. A clicked forecast bar lists its deals.
class PipelineViews final : public QTabWidget
{
    Q_OBJECT

public:
    // `list` shows `proxy`, whose source is `model`.
    PipelineViews(OpportunityListModel &model, OpportunityTableView &list,
                  OpportunityFilterProxy &proxy, BoardView &board, FilterBar &filterBar,
                  QWidget *parent = nullptr);

    bool showsBoard() const;
    bool showsForecast() const;
    ForecastView *forecastView() const { return m_forecastView; }
    ForecastPane *forecastPane() const { return m_forecastPane; }
    // The record current in the view showing: the list's current row (while a row is selected)
    // or the board's current card (never a row the list keeps hidden behind another view);
    // none while the forecast shows.
    QString currentId() const;
    // The records selected in the view showing: the list's selected rows or the board's selected
    // cards; none while the forecast shows.
    QStringList selectedIds() const;
    // Makes `id` current in the list, and on the board when it shows.
    void select(const QString &id);
    // What an empty view offers when there are no deals at all (File ▸ New).
    void offerNew(QAction *newAction);

signals:
    // The current record may be another one (the detail and the record actions follow).
    void currentRecordChanged();

private:
    void followView();
    // Says currentRecordChanged() when the current record is another than last said: a filter or
    // a sync can hide the current row without the list saying so.
    void followCurrent();
    // Shows or hides each view's notice from its row count (never scanning rows).
    void updateNotices();

    OpportunityTableView &m_list;
    OpportunityFilterProxy &m_proxy;
    BoardView &m_board;
    FilterBar &m_filterBar;
    ForecastView *m_forecastView = nullptr;
    ForecastPane *m_forecastPane = nullptr;
    EmptyResultNotice *m_listNotice = nullptr;
    EmptyResultNotice *m_boardNotice = nullptr;
    // The notices follow the rows once per event loop pass, however many changes arrive in it.
    QTimer *m_noticeTimer = nullptr;
    // The record last said to be current.
    QString m_announced;
};
