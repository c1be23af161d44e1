#include "BoardView.h"

#include "BoardColumnView.h"
#include "CardDelegate.h"
#include "ColumnTitle.h"
#include "FilterBar.h"
#include "ItemRoles.h"
#include "OpportunityListModel.h"
#include "ServerText.h"
#include "StageChipDelegate.h"
#include "StageColumnProxy.h"
#include "StagePartition.h"
#include "StageProbabilities.h"
#include "StageTotalsView.h"
#include "StaleCountLabel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHideEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

BoardView::BoardView(OpportunityListModel &model, FilterBar &filterBar, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_partition(new StagePartition(this))
    , m_recount(new QTimer(this))
{
    m_recount->setSingleShot(true);
    m_recount->setInterval(0);
    connect(m_recount, &QTimer::timeout, this, &BoardView::updateHeaders);
    m_partition->setFilter(filterBar.filter());
    connect(&filterBar, &FilterBar::filterChanged, m_partition, &StagePartition::setFilter);
    // The columns side by side in a strip that scrolls sideways once the window is narrower than
    // their least widths: the board never makes the window wider than the screen.
    m_scroll = new QScrollArea(this);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *strip = new QWidget(m_scroll);
    auto *row = new QHBoxLayout(strip);
    // Little above and below the columns: the room goes to the cards.
    row->setContentsMargins(8, 4, 8, 4);
    row->setSpacing(8);
    for (Stage stage : Stages::all()) {
        Column column;
        column.proxy = m_partition->column(stage);

        column.frame = new QWidget(strip);
        column.frame->setObjectName(QStringLiteral("boardColumn"));
        auto *layout = new QVBoxLayout(column.frame);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        auto *header = new QHBoxLayout;
        column.title = new QLabel(column.frame);
        column.title->setTextFormat(Qt::PlainText);
        QFont bold = column.title->font();
        bold.setBold(true);
        column.title->setFont(bold);
        column.title->setStyleSheet(
            QStringLiteral("color: %1;")
                .arg(StageChipDelegate::colorOf(int(stage)).darker(115).name()));
        column.title->setToolTip(Stages::description(stage));
        header->addWidget(column.title);
        header->addStretch(1);
        column.stale = new StaleCountLabel(column.frame);
        header->addWidget(column.stale);
        column.stale->setHidden(Stages::isClosed(stage)); // closed stages never go stale
        column.add = new QToolButton(column.frame);
        column.add->setAutoRaise(true);
        column.add->setText(QStringLiteral("+"));
        column.add->setToolTip(tr("Add a deal to %1").arg(Stages::label(stage)));
        column.add->setAccessibleName(column.add->toolTip());
        connect(column.add, &QToolButton::clicked, this,
                [this, stage] { emit addRequested(stage); });
        if (Stages::isClosed(stage)) {
            column.collapse = new QToolButton(column.frame);
            column.collapse->setCheckable(true);
            column.collapse->setAutoRaise(true);
            column.collapse->setText(QStringLiteral("⟨⟩"));
            column.collapse->setToolTip(tr("Collapse or expand this column"));
            connect(column.collapse, &QToolButton::toggled, this,
                    [this, stage](bool on) { setCollapsed(stage, on); });
            header->addWidget(column.collapse);
        }
        layout->addLayout(header);
        // The "+" sits beside the figures, which are shorter than the title line: six columns
        // still fit beside the detail at 1360 px.
        auto *figures = new QHBoxLayout;
        column.totals = new StageTotalsView(column.frame);
        figures->addWidget(column.totals, 1);
        figures->addWidget(column.add);
        layout->addLayout(figures);

        column.view = new BoardColumnView(column.frame);
        column.view->setModel(column.proxy);
        column.view->setItemDelegate(new CardDelegate(column.view));
        column.view->setUniformItemSizes(true);
        column.view->setSelectionMode(QAbstractItemView::ExtendedSelection);
        column.view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        // Drag and drop is the model's business; the view only enables it.
        column.view->setDragEnabled(true);
        column.view->setAcceptDrops(true);
        column.view->setDropIndicatorShown(true);
        column.view->setDragDropMode(QAbstractItemView::DragDrop);
        column.view->setDefaultDropAction(Qt::MoveAction);
        column.view->setContextMenuPolicy(Qt::CustomContextMenu);
        // Room for a card's lines; the title may ask for more.
        column.view->setMinimumWidth(150);
        column.view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        column.view->setResizeMode(QListView::Adjust);
        connect(column.view, &QListView::customContextMenuRequested, this,
                [this, stage](const QPoint &position) { showContextMenu(stage, position); });
        connect(column.view, &QListView::activated, this, [this](const QModelIndex &index) {
            emit openRequested(index.data(ItemRoles::Id).toString());
        });
        connect(column.view, &BoardColumnView::selectingExclusively, this,
                [this, stage](const QModelIndex &index) { selectOnlyIn(stage, index); });
        connect(column.view->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this, stage](const QModelIndex &current) {
                    if (current.isValid())
                        m_currentStage = stage;
                    followCurrent();
                });
        connect(column.view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                [this] { followCurrent(); });
        layout->addWidget(column.view, 1);
        row->addWidget(column.frame, 1);

        connect(column.proxy, &StageColumnProxy::totalsChanged, m_recount,
                qOverload<>(&QTimer::start));
        connect(column.proxy, &StageColumnProxy::totalsChanged, this, &BoardView::totalsChanged);
        m_columns.insert(stage, column);
    }
    connect(&m_model, &OpportunityListModel::ratesChanged, m_recount, qOverload<>(&QTimer::start));
    updateHeaders();
    m_scroll->setWidget(strip);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_scroll);
    // Every title as tall as the tallest, the collapse buttons beside some of them no taller:
    // every column's cards start level, and high.
    int titleHeight = 0;
    for (const Column &column : std::as_const(m_columns))
        titleHeight = std::max(titleHeight, column.title->sizeHint().height());
    for (const Column &column : std::as_const(m_columns)) {
        column.title->setFixedHeight(titleHeight);
        column.stale->setFixedHeight(titleHeight);
        column.add->setFixedSize(titleHeight, titleHeight);
        if (column.collapse)
            column.collapse->setFixedHeight(titleHeight);
    }
    // After a keystroke every column and header changes at once: laid out now, so that the board
    // repaints once with all of it rather than once per deferred step.
    connect(m_partition, &StagePartition::dealt, this, [this] {
        for (const Column &column : std::as_const(m_columns))
            column.view->layOutIfChanged();
        updateHeaders();
        followCurrent(); // a card the filter hid went from its column's selection without a word
    });

    auto *left = new QAction(tr("Move to the previous stage"), this);
    left->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Left));
    left->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(left, &QAction::triggered, this, [this] { moveSelection(-1); });
    auto *right = new QAction(tr("Move to the next stage"), this);
    right->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Right));
    right->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(right, &QAction::triggered, this, [this] { moveSelection(+1); });
    addActions({left, right});
}

QListView *BoardView::columnView(Stage stage) const
{
    return m_columns.value(stage).view;
}

void BoardView::showEvent(QShowEvent *event)
{
    m_partition->setSourceModel(&m_model); // nothing to do if it follows the model already
    for (const Column &column : std::as_const(m_columns))
        column.totals->setMinimumWidth(0); // as wide as its figures are now
    updateHeaders();
    QWidget::showEvent(event);
}

void BoardView::hideEvent(QHideEvent *event)
{
    // Hidden behind the list, not merely minimised: a minimised board keeps its cards, their
    // selection and scroll positions.
    if (!event->spontaneous())
        m_partition->setSourceModel(nullptr);
    QWidget::hideEvent(event);
}

PipelineSummary BoardView::summary() const
{
    return m_partition->summary();
}

QString BoardView::headerText(Stage stage) const
{
    const Column &column = m_columns.value(stage);
    return column.title->text() + QLatin1Char('\n') + column.totals->text();
}

void BoardView::updateHeaders()
{
    m_recount->stop(); // done now
    // Every column has a line for each currency of the whole board that cannot be converted, so
    // that the headers stay level.
    QStringList currencies;
    QHash<Stage, PipelineTotals> totals;
    for (Stage stage : Stages::all()) {
        totals.insert(stage, m_columns.value(stage).proxy->totals());
        for (auto it = totals[stage].value.cbegin(); it != totals[stage].value.cend(); ++it) {
            if (!currencies.contains(it.key()))
                currencies.append(it.key());
        }
    }
    currencies.sort();
    for (Stage stage : Stages::all()) {
        const Column &column = m_columns.value(stage);
        ColumnTitle::show(*column.title, stage, totals[stage].count, m_model.rowCount());
        column.totals->setTotals(totals[stage], m_model.rates(), currencies);
        // Never narrower while the board shows: figures that shrink as a search narrows do not
        // move the columns either (wider ones still get their room).
        if (const int width = column.totals->minimumSizeHint().width();
            width > column.totals->minimumWidth())
            column.totals->setMinimumWidth(width);
        column.stale->setCount(stage, column.proxy->staleCount(), m_model.staleRule());
        if (const int width = column.stale->sizeHint().width();
            column.stale->minimumWidth() != width)
            column.stale->setFixedWidth(width); // only ever wider (StaleCountLabel::sizeHint)
    }
    int fullWidth = 0;
    for (const Column &column : std::as_const(m_columns))
        fullWidth = std::max(fullWidth, column.totals->fullWidthNeeded());
    for (const Column &column : std::as_const(m_columns))
        column.totals->setBoardFullWidth(fullWidth);
}

void BoardView::setCollapsed(Stage stage, bool collapsed)
{
    Column &column = m_columns[stage];
    column.view->setVisible(!collapsed);
    column.totals->setVisible(!collapsed);
    if (column.collapse && column.collapse->isChecked() != collapsed)
        column.collapse->setChecked(collapsed);
    // A collapsed column keeps only its title, and its place takes no more than that (however
    // long the title grows later).
    column.frame->setSizePolicy(collapsed ? QSizePolicy::Maximum : QSizePolicy::Preferred,
                                QSizePolicy::Preferred);
    if (auto *layout = qobject_cast<QHBoxLayout *>(column.frame->parentWidget()->layout()))
        layout->setStretchFactor(column.frame, collapsed ? 0 : 1);
}

bool BoardView::isCollapsed(Stage stage) const
{
    return m_columns.value(stage).view->isHidden();
}

QStringList BoardView::selectedIds() const
{
    QStringList ids;
    for (Stage stage : Stages::all())
        ids += selectedIdsIn(stage);
    return ids;
}

QStringList BoardView::selectedIdsIn(Stage stage) const
{
    QStringList ids;
    for (const QModelIndex &index :
         m_columns.value(stage).view->selectionModel()->selectedIndexes())
        ids.append(index.data(ItemRoles::Id).toString());
    return ids;
}

QString BoardView::currentId() const
{
    const QListView *view = m_columns.value(m_currentStage).view;
    const QModelIndex current = view->currentIndex();
    if (current.isValid() && view->selectionModel()->isSelected(current))
        return current.data(ItemRoles::Id).toString();
    return selectedIds().value(0);
}

void BoardView::selectOnlyIn(Stage stage, const QModelIndex &index)
{
    m_currentStage = stage;
    m_selectingOnly = true;
    for (auto it = m_columns.cbegin(); it != m_columns.cend(); ++it) {
        if (it.key() != stage)
            it->view->selectionModel()->clearSelection();
    }
    m_selectingOnly = false;
    // The column selects the card next (a click makes it current first, then selected): nothing
    // to say before it is selected, so that no other card is announced in between. Said at the
    // latest once the event is over, selected or not.
    const QItemSelectionModel *selection = m_columns.value(stage).view->selectionModel();
    const QModelIndexList selected = selection->selectedIndexes();
    if (selection->currentIndex() == index && selected.size() == 1 && selected.first() == index) {
        followCurrent(); // the card is all its column holds already: no change to wait for
        return;
    }
    m_selecting = index;
    m_selectingStage = stage;
    QTimer::singleShot(0, this, [this] {
        if (!m_selecting.isValid())
            return;
        m_selecting = QPersistentModelIndex();
        followCurrent();
    });
}

void BoardView::followCurrent(bool always)
{
    if (m_selectingOnly)
        return;
    if (m_selecting.isValid()) {
        if (!m_columns.value(m_selectingStage).view->selectionModel()->isSelected(m_selecting))
            return;
        m_selecting = QPersistentModelIndex();
    }
    const QString id = currentId();
    if (id == m_announcedId && !always)
        return;
    m_announcedId = id;
    emit currentChanged();
}

void BoardView::select(const QStringList &ids, const QString &current)
{
    for (auto it = m_columns.cbegin(); it != m_columns.cend(); ++it) {
        QItemSelectionModel *selection = it->view->selectionModel();
        QItemSelection cards;
        for (const QString &id : ids) {
            const int row = it->proxy->rowOfSource(m_model.rowOf(id));
            if (row < 0)
                continue;
            const QModelIndex card = it->proxy->index(row, 0);
            cards.select(card, card);
            if (id == current) {
                selection->setCurrentIndex(card, QItemSelectionModel::NoUpdate);
                m_currentStage = it.key();
                it->view->scrollTo(card);
            }
        }
        selection->select(cards, QItemSelectionModel::ClearAndSelect);
    }
}

void BoardView::setCloseConfirmation(std::function<bool(const QStringList &, Stage)> confirm)
{
    m_confirmClose = std::move(confirm);
}

void BoardView::moveSelection(int direction)
{
    // Each selected card moves one column over from where it is.
    QList<QPair<QStringList, Stage>> moves;
    for (Stage stage : Stages::all()) {
        const int target = static_cast<int>(stage) + direction;
        if (target < 0 || target >= Stages::all().size())
            continue;
        const QStringList ids = selectedIdsIn(stage);
        if (!ids.isEmpty())
            moves.append({ids, static_cast<Stage>(target)});
    }
    moveConfirmed(moves);
}

void BoardView::requestMove(const QStringList &ids, Stage stage)
{
    if (!ids.isEmpty())
        moveConfirmed({{ids, stage}});
}

void BoardView::moveConfirmed(const QList<QPair<QStringList, Stage>> &moves)
{
    // A read-only key: the model refuses and says why, without a question first.
    for (Stage closed : {Stage::ClosedWon, Stage::ClosedLost}) {
        QStringList closing;
        for (const auto &[ids, target] : moves) {
            if (target == closed)
                closing += ids;
        }
        if (!m_model.isReadOnly() && !confirmClose(closing, closed))
            return;
    }
    // The moved cards stay selected where they went, so that the next Ctrl+Right takes them on;
    // the board says its current card once, when all of it is done.
    const QString current = currentId();
    QStringList moved;
    m_selectingOnly = true;
    for (const auto &[ids, target] : moves) {
        if (m_model.requestMove(ids, target))
            moved += ids;
    }
    if (!moved.isEmpty())
        select(moved, current);
    m_selectingOnly = false;
    // Always: whoever read the current card while the cards were on their way read none.
    followCurrent(!moved.isEmpty());
}

bool BoardView::confirmClose(const QStringList &ids, Stage stage)
{
    QStringList names; // of the deals that would move: not those in that stage already
    for (const QString &id : ids) {
        const int row = m_model.rowOf(id);
        if (row >= 0 && m_model.rowAt(row).opportunity.stage != stage)
            names.append(m_model.rowAt(row).opportunity.name);
    }
    if (names.isEmpty())
        return true;
    if (m_confirmClose)
        return m_confirmClose(names, stage);
    const QString question =
        names.size() == 1 ? tr("Move \"%1\" to %2?")
                                .arg(ServerText::isolated(names.first()), Stages::label(stage))
                          : tr("Move %n deals to %1?", nullptr, static_cast<int>(names.size()))
                                .arg(Stages::label(stage));
    QMessageBox box(QMessageBox::Question, tr("Move to %1").arg(Stages::label(stage)), question,
                    QMessageBox::Cancel, this);
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(
        tr("The probability becomes %1%. Edit ▸ Undo takes the move back.")
            .arg(QLocale().toString(StageProbabilities::implied(stage).value_or(0))));
    QPushButton *move =
        box.addButton(tr("Move to %1").arg(Stages::label(stage)), QMessageBox::AcceptRole);
    box.setDefaultButton(move);
    box.exec();
    return box.clickedButton() == move;
}

void BoardView::showContextMenu(Stage stage, const QPoint &position)
{
    QListView *view = m_columns.value(stage).view;
    const QModelIndex index = view->indexAt(position);
    if (!index.isValid())
        return;
    const QString id = index.data(ItemRoles::Id).toString(); // the index may not outlive exec()
    if (!view->selectionModel()->isSelected(index)) {
        // The card alone, the board's one selection, whatever keys are held.
        select({id}, id);
        followCurrent();
    }
    // What is selected on the whole board, as Ctrl+Left/Right moves it.
    const QStringList ids = selectedIds();
    QSet<Stage> from;
    for (Stage column : Stages::all()) {
        if (!selectedIdsIn(column).isEmpty())
            from.insert(column);
    }
    QMenu menu(this);
    menu.addAction(tr("&Open…"), this, [this, id] { emit openRequested(id); });
    QMenu *moveTo = menu.addMenu(tr("&Move to"));
    for (Stage target : Stages::all()) {
        QAction *action = moveTo->addAction(Stages::label(target), this,
                                            [this, ids, target] { requestMove(ids, target); });
        action->setEnabled(from != QSet<Stage>{target});
    }
    menu.exec(view->viewport()->mapToGlobal(position));
}
