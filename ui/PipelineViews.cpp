#include "PipelineViews.h"

#include "BoardView.h"
#include "FilterBar.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityTableView.h"
#include "RecordSelection.h"

PipelineViews::PipelineViews(OpportunityTableView &list, OpportunityFilterProxy &proxy,
                             BoardView &board, FilterBar &filterBar, QWidget *parent)
    : QTabWidget(parent)
    , m_list(list)
    , m_proxy(proxy)
    , m_board(board)
    , m_filterBar(filterBar)
{
    setDocumentMode(true);
    addTab(&list, tr("&List"));
    addTab(&board, tr("&Board"));
    connect(this, &QTabWidget::currentChanged, this, &PipelineViews::followView);
    followView();
    connect(this, &QTabWidget::currentChanged, this, &PipelineViews::currentRecordChanged);
    connect(&list, &OpportunityTableView::currentRecordChanged, this,
            &PipelineViews::currentRecordChanged);
    connect(&board, &BoardView::currentChanged, this, [this] {
        if (showsBoard())
            emit currentRecordChanged();
    });
    connect(&proxy, &OpportunityFilterProxy::totalsChanged, &filterBar, &FilterBar::recount);
    connect(&board, &BoardView::totalsChanged, &filterBar, &FilterBar::recount);
}

bool PipelineViews::showsBoard() const
{
    return currentWidget() == &m_board;
}

QString PipelineViews::currentId() const
{
    return showsBoard() ? m_board.currentId() : m_list.currentId();
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
    m_proxy.setPaused(board);
    if (board)
        m_filterBar.setTotalsSource([this] { return m_board.totals(); });
    else
        m_filterBar.setTotalsSource([this] { return m_proxy.totals(); });
}
