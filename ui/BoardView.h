#pragma once

#include "PipelineSummary.h"
#include "PipelineTotals.h"
#include "Stage.h"

#include <QHash>
#include <QPersistentModelIndex>
#include <QWidget>
#include <functional>

class BoardColumnView;
class FilterBar;
class OpportunityListModel;
class StageColumnProxy;
class StagePartition;
class StaleCountLabel;
class StageTotalsView;
class QLabel;
class QListView;
class QScrollArea;
class QTimer;
class QToolButton;

// The pipeline board: one column per stage in pipeline order, each a list of cards over a proxy
// of the same source model the list uses (dealt by one StagePartition), all following the filter
// bar. Cards move by drag and drop (handled by the model), Ctrl+Left/Right, or the context menu.
// One selection for the whole board: a plain click makes a card the one current card, Ctrl and
// Shift add to it. The columns scroll sideways when the window is too narrow for them.
class BoardView final : public QWidget
{
    Q_OBJECT

public:
    BoardView(OpportunityListModel &model, FilterBar &filterBar, QWidget *parent = nullptr);

    QListView *columnView(Stage stage) const;
    QLabel *columnTitle(Stage stage) const { return m_columns.value(stage).title; }
    StageTotalsView *columnTotals(Stage stage) const { return m_columns.value(stage).totals; }
    StaleCountLabel *columnStale(Stage stage) const { return m_columns.value(stage).stale; }
    StageColumnProxy *columnProxy(Stage stage) const { return m_columns.value(stage).proxy; }
    // The header's "+": asks for a new deal in the column (QuickAdd opens it).
    QToolButton *addButton(Stage stage) const { return m_columns.value(stage).add; }
    // Every card on the board, counted and summed: the filter bar's line while the board shows.
    PipelineSummary summary() const;
    // The header's text: name and count, then the column's figures as their tooltip says them.
    QString headerText(Stage stage) const;
    void setCollapsed(Stage stage, bool collapsed);
    bool isCollapsed(Stage stage) const;
    // The selected cards' ids, in every column.
    QStringList selectedIds() const;
    // The card the user last made current, if it is still selected; else the first selected.
    QString currentId() const;
    // Moves the selected cards one stage left (-1) or right (+1), asking first when that closes
    // any of them.
    void moveSelection(int direction);
    // Moves these cards to `stage` (the context menu), asking first when that closes them.
    void requestMove(const QStringList &ids, Stage stage);
    // Asks before a keyboard or menu move into closed_won or closed_lost (a drop onto the column
    // is its own confirmation): a dialog, unless a test decides. `names`: the deals' names.
    void setCloseConfirmation(std::function<bool(const QStringList &names, Stage stage)> confirm);

signals:
    void openRequested(const QString &id);
    void addRequested(Stage stage);
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
        BoardColumnView *view = nullptr;
        QLabel *title = nullptr;
        StaleCountLabel *stale = nullptr;
        StageTotalsView *totals = nullptr;
        QToolButton *collapse = nullptr;
        QToolButton *add = nullptr;
        QWidget *frame = nullptr;
    };
    void updateHeaders();
    QStringList selectedIdsIn(Stage stage) const;
    void showContextMenu(Stage stage, const QPoint &position);
    // A card of `stage` is about to become the board's one selection: the others let go.
    void selectOnlyIn(Stage stage, const QModelIndex &index);
    // Says currentChanged() when the board's current card is another than last said (or
    // `always`).
    void followCurrent(bool always = false);
    // Exactly these cards selected, wherever they are; `current` the current card.
    void select(const QStringList &ids, const QString &current);
    // Each move: these cards to that stage. Nothing moves unless every move into a closed stage
    // is confirmed.
    void moveConfirmed(const QList<QPair<QStringList, Stage>> &moves);
    bool confirmClose(const QStringList &ids, Stage stage);

    OpportunityListModel &m_model;
    StagePartition *m_partition = nullptr;
    // Headers recount once per event loop pass, however many changes arrive.
    QTimer *m_recount = nullptr;
    QScrollArea *m_scroll = nullptr;
    QHash<Stage, Column> m_columns;
    Stage m_currentStage = Stage::Prospecting;
    // The current card last announced by currentChanged().
    QString m_announcedId;
    // While the other columns let go of their cards for a new selection: not yet a change to say.
    bool m_selectingOnly = false;
    // The card a column is about to select alone: the board's current card once it is selected.
    QPersistentModelIndex m_selecting;
    Stage m_selectingStage = Stage::Prospecting;
    std::function<bool(const QStringList &, Stage)> m_confirmClose;
};
