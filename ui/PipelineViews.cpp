#include "PipelineViews.h"

#include "BoardView.h"
#include "EmptyResultNotice.h"
#include "FilterBar.h"
#include "ForecastPane.h"
#include "ForecastView.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityTableView.h"
#include "RecordSelection.h"
#include "StageColumnProxy.h"

#include <QItemSelectionModel>
#include <QTimer>

PipelineViews::PipelineViews(OpportunityListModel &model, OpportunityTableView &list,
                             OpportunityFilterProxy &proxy, BoardView &board, FilterBar &filterBar,
                             QWidget *parent)
    : QTabWidget(parent)
    , m_list(list)
    , m_proxy(proxy)
    , m_board(board)
    , m_filterBar(filterBar)
{
    setDocumentMode(true);
    addTab(&list, tr("&List"));
    addTab(&board, tr("&Board"));
    m_forecastView = new ForecastView(this);
    m_forecastPane = new ForecastPane(model, filterBar, *m_forecastView, this);
    addTab(m_forecastView, tr("F&orecast"));
    connect(m_forecastPane, &ForecastPane::figuresChanged, &filterBar, &FilterBar::recount);
    // The list shows the clicked bar's deals.
    connect(m_forecastPane, &ForecastPane::listRequested, this,
            [this] { setCurrentWidget(&m_list); });
    connect(this, &QTabWidget::currentChanged, this, &PipelineViews::followView);
    followView();
    connect(this, &QTabWidget::currentChanged, this, &PipelineViews::currentRecordChanged);
    connect(&list, &OpportunityTableView::currentRecordChanged, this,
            &PipelineViews::currentRecordChanged);
    connect(&board, &BoardView::currentChanged, this, [this] {
        if (showsBoard())
            emit currentRecordChanged();
    });
    // The proxy also tells of new rates, which change the board's line as much as the list's.
    connect(&proxy, &OpportunityFilterProxy::totalsChanged, &filterBar, &FilterBar::recount);
    connect(&board, &BoardView::totalsChanged, &filterBar, &FilterBar::recount);

    // What the detail shows is the record last said to be current. A filter drops the list's
    // current row without a word: its selection goes, and no row or an unselected one is current.
    connect(this, &PipelineViews::currentRecordChanged, this,
            [this] { m_announced = currentId(); });
    connect(&proxy, &QAbstractItemModel::layoutChanged, this, &PipelineViews::followCurrent);
    connect(&proxy, &QAbstractItemModel::modelReset, this, &PipelineViews::followCurrent);
    connect(list.selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PipelineViews::followCurrent);

    m_listNotice = new EmptyResultNotice(*list.viewport());
    m_boardNotice = new EmptyResultNotice(board);
    for (EmptyResultNotice *notice : {m_listNotice, m_boardNotice})
        connect(notice, &EmptyResultNotice::clearRequested, &filterBar, &FilterBar::clearFilters);
    m_noticeTimer = new QTimer(this);
    m_noticeTimer->setSingleShot(true);
    m_noticeTimer->setInterval(0);
    connect(m_noticeTimer, &QTimer::timeout, this, &PipelineViews::updateNotices);
    const auto watch = [this](const QAbstractItemModel *model) {
        const auto later = [this] {
            m_noticeTimer->start();
        };
        connect(model, &QAbstractItemModel::rowsInserted, m_noticeTimer, later);
        connect(model, &QAbstractItemModel::rowsRemoved, m_noticeTimer, later);
        connect(model, &QAbstractItemModel::modelReset, m_noticeTimer, later);
        connect(model, &QAbstractItemModel::layoutChanged, m_noticeTimer, later);
    };
    watch(&proxy);
    if (proxy.sourceModel())
        watch(proxy.sourceModel()); // the cache's own count: empty, or not
    for (Stage stage : Stages::all())
        watch(board.columnProxy(stage));
    connect(&filterBar, &FilterBar::filterChanged, m_noticeTimer,
            [this] { m_noticeTimer->start(); });
    // At once: the view coming up never shows the other view's notice for a moment.
    connect(this, &QTabWidget::currentChanged, this, &PipelineViews::updateNotices);
    updateNotices();
}

void PipelineViews::offerNew(QAction *newAction)
{
    m_listNotice->setNewAction(newAction);
    m_boardNotice->setNewAction(newAction);
}

bool PipelineViews::showsBoard() const
{
    return currentWidget() == &m_board;
}

bool PipelineViews::showsForecast() const
{
    return currentWidget() == m_forecastView;
}

QString PipelineViews::currentId() const
{
    if (showsBoard())
        return m_board.currentId();
    if (showsForecast())
        return {}; // the list behind it no longer follows the filter

    // With no row selected the list names none: the filter hid it (Qt may make another row
    // current later, unselected) or the user unselected it. A click makes its row current just
    // before it selects it: the row is current from then.
    return m_list.selectionModel()->hasSelection() ? m_list.currentId() : QString();
}

QStringList PipelineViews::selectedIds() const
{
    if (showsBoard())
        return m_board.selectedIds();
    if (showsForecast())
        return {};
    return m_list.selectedIds();
}

void PipelineViews::select(const QString &id)
{
    RecordSelection::selectInList(m_list, id);
    if (showsBoard())
        RecordSelection::selectOnBoard(m_board, id);
}

void PipelineViews::followView()
{
    const bool board = showsBoard();
    const bool forecast = showsForecast();
    m_proxy.setPaused(currentWidget() != &m_list);
    m_forecastPane->setActive(forecast);
    if (board)
        m_filterBar.setTotalsSource([this] { return m_board.summary(); });
    else if (forecast) // the same pass as the figures: none of its own
        m_filterBar.setTotalsSource([this] { return m_forecastPane->summary(); });
    else
        m_filterBar.setTotalsSource([this] { return m_proxy.summary(); });
}

void PipelineViews::followCurrent()
{
    if (currentId() != m_announced)
        emit currentRecordChanged();
}

void PipelineViews::updateNotices()
{
    m_noticeTimer->stop(); // done now
    // Row counts only: a keystroke at 100,000 deals costs nothing more.
    const QAbstractItemModel *source = m_proxy.sourceModel();
    const int cached = source ? source->rowCount() : 0;
    const OpportunityFilter &filter = m_filterBar.filter();
    const bool board = showsBoard();
    const bool list = currentWidget() == &m_list;
    int cards = 0;
    for (Stage stage : Stages::all())
        cards += m_board.columnProxy(stage)->rowCount();
    using Reason = EmptyResultNotice::Reason;
    m_listNotice->setReason(list ? EmptyResultNotice::reasonFor(m_proxy.rowCount(), cached, filter)
                                 : Reason::None);
    m_boardNotice->setReason(board ? EmptyResultNotice::reasonFor(cards, cached, filter)
                                   : Reason::None);
}
