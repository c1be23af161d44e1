#include "BoardView.h"

#include "CardDelegate.h"
#include "FilterBar.h"
#include "ItemRoles.h"
#include "OpportunityListModel.h"
#include "StageChipDelegate.h"
#include "StageColumnProxy.h"
#include "StagePartition.h"
#include "StageTotalsView.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHideEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QScrollArea>
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
    auto *row = new QHBoxLayout;
    row->setContentsMargins(8, 8, 8, 8);
    row->setSpacing(8);
    for (Stage stage : Stages::all()) {
        Column column;
        column.proxy = m_partition->column(stage);

        column.frame = new QWidget(this);
        column.frame->setObjectName(QStringLiteral("boardColumn"));
        auto *layout = new QVBoxLayout(column.frame);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(4);
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
        header->addWidget(column.title, 1);
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
        column.totals = new StageTotalsView(column.frame);
        layout->addWidget(column.totals);

        column.view = new QListView(column.frame);
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
        column.view->setMinimumWidth(170);
        column.view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        column.view->setResizeMode(QListView::Adjust);
        connect(column.view, &QListView::customContextMenuRequested, this,
                [this, stage](const QPoint &position) { showContextMenu(stage, position); });
        connect(column.view, &QListView::activated, this, [this](const QModelIndex &index) {
            emit openRequested(index.data(ItemRoles::Id).toString());
        });
        connect(column.view->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this, stage](const QModelIndex &current) {
                    if (current.isValid())
                        m_currentStage = stage;
                    emit currentChanged();
                });
        layout->addWidget(column.view, 1);
        row->addWidget(column.frame, 1);

        connect(column.proxy, &StageColumnProxy::totalsChanged, m_recount,
                qOverload<>(&QTimer::start));
        connect(column.proxy, &StageColumnProxy::totalsChanged, this, &BoardView::totalsChanged);
        m_columns.insert(stage, column);
    }
    updateHeaders();
    setLayout(row);
    // Titles as tall as the collapse buttons beside some of them: every column's cards start level.
    int titleHeight = 0;
    for (const Column &column : std::as_const(m_columns))
        titleHeight = std::max({titleHeight, column.title->sizeHint().height(),
                                column.collapse ? column.collapse->sizeHint().height() : 0});
    for (const Column &column : std::as_const(m_columns))
        column.title->setFixedHeight(titleHeight);
    // After a keystroke every column and header changes at once: laid out now, so that the board
    // repaints once with all of it rather than once per deferred step.
    connect(m_partition, &StagePartition::dealt, this, [this] {
        for (const Column &column : std::as_const(m_columns))
            column.view->doItemsLayout();
        updateHeaders();
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

void BoardView::showEvent(QShowEvent *event)
{
    m_partition->setSourceModel(&m_model); // nothing to do if it follows the model already
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

PipelineTotals BoardView::totals() const
{
    return m_partition->totals();
}

QString BoardView::headerText(Stage stage) const
{
    const Column &column = m_columns.value(stage);
    return column.title->text() + QLatin1Char('\n') + column.totals->text();
}

void BoardView::updateHeaders()
{
    m_recount->stop(); // done now
    // Every column lists the currencies of the whole board, so that the headers stay level.
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
        column.title->setText(
            QStringLiteral("%1  (%2)").arg(Stages::label(stage)).arg(totals[stage].count));
        column.totals->setTotals(totals[stage], currencies);
    }
}

void BoardView::setCollapsed(Stage stage, bool collapsed)
{
    Column &column = m_columns[stage];
    column.view->setVisible(!collapsed);
    column.totals->setVisible(!collapsed);
    if (column.collapse && column.collapse->isChecked() != collapsed)
        column.collapse->setChecked(collapsed);
    // A collapsed column keeps only its title, and its place takes no more than that.
    column.frame->setMaximumWidth(collapsed ? column.title->sizeHint().width() + 40
                                            : QWIDGETSIZE_MAX);
    if (auto *layout = qobject_cast<QHBoxLayout *>(this->layout()))
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

void BoardView::moveSelection(int direction)
{
    // Each selected card moves one column over from where it is.
    for (Stage stage : Stages::all()) {
        const int target = static_cast<int>(stage) + direction;
        if (target < 0 || target >= Stages::all().size())
            continue;
        const QStringList ids = selectedIdsIn(stage);
        if (!ids.isEmpty())
            m_model.requestMove(ids, static_cast<Stage>(target));
    }
}

void BoardView::showContextMenu(Stage stage, const QPoint &position)
{
    QListView *view = m_columns.value(stage).view;
    const QModelIndex index = view->indexAt(position);
    if (!index.isValid())
        return;
    if (!view->selectionModel()->isSelected(index))
        view->setCurrentIndex(index);
    const QStringList ids = selectedIdsIn(stage);
    QMenu menu(this);
    const QString id = index.data(ItemRoles::Id).toString(); // the index may not outlive exec()
    menu.addAction(tr("&Open…"), this, [this, id] { emit openRequested(id); });
    QMenu *moveTo = menu.addMenu(tr("&Move to"));
    for (Stage target : Stages::all()) {
        QAction *action = moveTo->addAction(
            Stages::label(target), this, [this, ids, target] { m_model.requestMove(ids, target); });
        action->setEnabled(target != stage);
    }
    menu.exec(view->viewport()->mapToGlobal(position));
}
