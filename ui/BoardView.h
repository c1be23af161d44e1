#pragma once

#include "PipelineTotals.h"
#include "Stage.h"

#include <QHash>
#include <QWidget>

class FilterBar;
class OpportunityListModel;
class StageColumnProxy;
class StagePartition;
class StageTotalsView;
class QLabel;
class QListView;
class QTimer;
class QToolButton;

// The pipeline board: one column per stage in pipeline order, each a list of cards over a proxy
// of the same source model the list uses (dealt by one StagePartition), all following the filter
// bar. Cards move by drag and
// drop (handled by the model), Ctrl+Left/Right, or the context menu.
class BoardView final : public QWidget
{
    Q_OBJECT

public:
    BoardView(OpportunityListModel &model, FilterBar &filterBar, QWidget *parent = nullptr);

    QListView *columnView(Stage stage) const { return m_columns.value(stage).view; }
    StageColumnProxy *columnProxy(Stage stage) const { return m_columns.value(stage).proxy; }
    // Every card on the board, counted.
    PipelineTotals totals() const;
    // The header's text: name, count, totals per currency, weighted totals.
    QString headerText(Stage stage) const;
    void setCollapsed(Stage stage, bool collapsed);
    bool isCollapsed(Stage stage) const;
    // The selected cards' ids, in every column.
    QStringList selectedIds() const;
    // The card the user last made current, if it is still selected; else the first selected.
    QString currentId() const;
    // Moves the selected cards one stage left (-1) or right (+1).
    void moveSelection(int direction);

signals:
    void openRequested(const QString &id);
    void totalsChanged();
    // The current card changed (another card, or none).
    void currentChanged();

protected:
    // The columns follow the model only while the board shows: a hidden board costs nothing
    // on start-up or on a keystroke.
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct Column
    {
        StageColumnProxy *proxy = nullptr;
        QListView *view = nullptr;
        QLabel *title = nullptr;
        StageTotalsView *totals = nullptr;
        QToolButton *collapse = nullptr;
        QWidget *frame = nullptr;
    };
    void updateHeaders();
    QStringList selectedIdsIn(Stage stage) const;
    void showContextMenu(Stage stage, const QPoint &position);

    OpportunityListModel &m_model;
    StagePartition *m_partition = nullptr;
    // Headers recount once per event loop pass, however many changes arrive.
    QTimer *m_recount = nullptr;
    QHash<Stage, Column> m_columns;
    Stage m_currentStage = Stage::Prospecting;
};
