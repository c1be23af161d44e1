#include "BoardColumnView.h"

#include "CachedScrollBar.h"

#include <QAccessible>
#include <QDrag>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QScrollBar>
#include <QWindow>
#include <algorithm>

BoardColumnView::BoardColumnView(QWidget *parent)
    : QListView(parent)
{
    // A keystroke changes every column's card count and so its bar's range: the bar paints from
    // a picture while it looks the same (CachedScrollBar).
    setVerticalScrollBar(new CachedScrollBar(Qt::Vertical, this));
}

QItemSelectionModel::SelectionFlags BoardColumnView::selectionCommand(const QModelIndex &index,
                                                                      const QEvent *event) const
{
    const QItemSelectionModel::SelectionFlags command = QListView::selectionCommand(index, event);
    // Told before the view applies it, so that the other columns are cleared first and the
    // board's selection is never two cards for a moment.
    if (command.testFlag(QItemSelectionModel::Clear) && index.isValid())
        emit selectingExclusively(index);
    return command;
}

int BoardColumnView::rowCount() const
{
    return model() ? model()->rowCount(rootIndex()) : 0;
}

QModelIndex BoardColumnView::card(int row) const
{
    return model()->index(row, modelColumn(), rootIndex());
}

int BoardColumnView::cardHeight() const
{
    if (m_cardHeight <= 0) {
        QStyleOptionViewItem option;
        initViewItemOption(&option);
        const QModelIndex first = rowCount() > 0 ? card(0) : QModelIndex();
        const QAbstractItemDelegate *delegate = itemDelegateForIndex(first);
        m_cardHeight = std::max(1, delegate ? delegate->sizeHint(option, first).height() : 1);
    }
    return m_cardHeight;
}

QRect BoardColumnView::rectOfRow(int row) const
{
    const int space = spacing();
    return {space, space + row * pitch() - verticalOffset(), viewport()->width() - 2 * space,
            cardHeight()};
}

std::pair<int, int> BoardColumnView::rowsBetween(int top, int bottom) const
{
    const int rows = rowCount();
    const int from = top + verticalOffset() - spacing();
    const int to = bottom + verticalOffset() - spacing();
    if (rows == 0 || to < 0)
        return {0, -1};
    return {std::max(0, from) / pitch(), std::min(rows - 1, to / pitch())};
}

QRect BoardColumnView::visualRect(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != model() || index.parent() != rootIndex())
        return {};
    return rectOfRow(index.row());
}

QModelIndex BoardColumnView::indexAt(const QPoint &point) const
{
    const int rows = rowCount();
    if (rows == 0)
        return {};
    const int y = point.y() + verticalOffset() - spacing();
    if (y < 0 || y / pitch() >= rows)
        return {};
    const int row = y / pitch();
    // Not in the spacing between two cards, nor beside the cards.
    if (!rectOfRow(row).contains(point))
        return {};
    return card(row);
}

int BoardColumnView::horizontalOffset() const
{
    return 0; // the cards take the column's width: nothing to scroll sideways
}

int BoardColumnView::verticalOffset() const
{
    return verticalScrollBar()->value(); // per pixel
}

void BoardColumnView::doItemsLayout()
{
    // QListView would place every row here. The places need nothing but the cards' height, which
    // a font or delegate change (both lay out again) may have changed.
    m_cardHeight = 0;
    QAbstractItemView::doItemsLayout(); // the scroll bar's range, and a repaint
}

void BoardColumnView::updateGeometries()
{
    QScrollBar *bar = verticalScrollBar();
    const int rows = rowCount();
    if (rows == 0 || geometry().isEmpty()) {
        bar->setRange(0, 0);
    } else {
        bar->setSingleStep(pitch());
        bar->setPageStep(viewport()->height());
        const int contents = spacing() + rows * pitch();
        bar->setRange(0, std::max(0, contents - viewport()->height()));
    }
    horizontalScrollBar()->setRange(0, 0);
    QAbstractItemView::updateGeometries(); // editors and fetchMore, as every view does
}

void BoardColumnView::resizeEvent(QResizeEvent *event)
{
    // QListView lays every card out again 100 ms after a resize (Adjust); here the cards take
    // the new width at once and only the scroll bar's range needs to follow.
    QAbstractItemView::resizeEvent(event);
}

void BoardColumnView::scrollContentsBy(int dx, int dy)
{
    viewport()->scroll(dx, dy);
}

void BoardColumnView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    if (!index.isValid() || index.parent() != rootIndex())
        return;
    executeDelayedItemsLayout(); // the bar's range must count rows added since the last layout
    const QRect rect = visualRect(index);
    const QRect area = viewport()->rect();
    if (hint == EnsureVisible && area.contains(rect)) {
        viewport()->update(rect);
        return;
    }
    // The card and the spacing around it, placed as asked; EnsureVisible moves as little as it
    // can: the card's top to the viewport's top when above, its bottom to the bottom when below
    // (unless the card is taller than the viewport).
    const int space = spacing();
    const QRect around = rect.adjusted(-space, -space, space, space);
    int value = verticalScrollBar()->value();
    if (hint == PositionAtTop || (hint == EnsureVisible && rect.top() < area.top()))
        value += around.top();
    else if (hint == PositionAtBottom || hint == EnsureVisible)
        value += std::min(around.top(), around.bottom() - area.height() + 1);
    else if (hint == PositionAtCenter)
        value += around.top() - (area.height() - around.height()) / 2;
    verticalScrollBar()->setValue(value);
}

QModelIndex BoardColumnView::moveCursor(CursorAction action, Qt::KeyboardModifiers)
{
    const int rows = rowCount();
    if (rows == 0)
        return {};
    const QModelIndex current = currentIndex();
    if (!current.isValid())
        return card(0);
    // A page is the cards that show but one, so that one card stays in sight.
    const int page = std::max(1, viewport()->height() / pitch() - 1);
    int row = current.row();
    switch (action) {
    case MoveUp:
    case MovePrevious:
        --row;
        break;
    case MoveDown:
    case MoveNext:
        ++row;
        break;
    case MovePageUp:
        row -= page;
        break;
    case MovePageDown:
        row += page;
        break;
    case MoveHome:
        row = 0;
        break;
    case MoveEnd:
        row = rows - 1;
        break;
    case MoveLeft:
    case MoveRight:
        break; // one column of cards; Ctrl+Left/Right moves cards between columns (BoardView)
    }
    return card(std::clamp(row, 0, rows - 1));
}

void BoardColumnView::setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command)
{
    if (!selectionModel() || !model())
        return;
    const QRect area = rect.normalized();
    QItemSelection cards;
    const auto enabled = [this](const QModelIndex &index) {
        return index.isValid() && model()->flags(index).testFlag(Qt::ItemIsEnabled);
    };
    if (area.width() == 1 && area.height() == 1) {
        // A press: the card under it.
        const QModelIndex pressed = indexAt(area.topLeft());
        if (enabled(pressed))
            cards.select(pressed, pressed);
    } else if (state() == DragSelectingState) {
        // A rubber band: every card it meets, those scrolled out of sight too.
        const QRect cardsSpan(spacing(), 0, viewport()->width() - 2 * spacing(), 1);
        if (area.left() <= cardsSpan.right() && area.right() >= cardsSpan.left()) {
            const auto [first, last] = rowsBetween(area.top(), area.bottom());
            if (first <= last)
                cards.select(card(first), card(last));
        }
    } else {
        // Shift with a key or a click: from the card at one corner to the card at the other.
        const QModelIndex from = indexAt(area.topLeft());
        const QModelIndex to = indexAt(area.bottomRight());
        if (enabled(from) && enabled(to))
            cards.select(from, to);
    }
    selectionModel()->select(cards, command);
}

QRegion BoardColumnView::visualRegionForSelection(const QItemSelection &selection) const
{
    QRegion region;
    const QRect area = viewport()->rect();
    for (const QItemSelectionRange &range : selection) {
        if (!range.isValid() || range.parent() != rootIndex() || range.left() > modelColumn() ||
            range.right() < modelColumn())
            continue;
        const QRect shown =
            rectOfRow(range.top()).united(rectOfRow(range.bottom())).intersected(area);
        if (!shown.isEmpty())
            region += shown;
    }
    return region;
}

void BoardColumnView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                  const QList<int> &roles)
{
    if (topLeft == bottomRight || !topLeft.isValid() || !bottomRight.isValid()) {
        QListView::dataChanged(topLeft, bottomRight, roles); // one card: Qt repaints that card
        return;
    }
    // A range: Qt repaints the whole viewport; here only the changed cards that show. The board
    // opens no editors on its cards, so there is no editor data to refresh.
    if (isVisible() && topLeft.parent() == rootIndex()) {
        const QRect changed = rectOfRow(topLeft.row())
                                  .united(rectOfRow(bottomRight.row()))
                                  .intersected(viewport()->rect());
        if (!changed.isEmpty())
            viewport()->update(changed);
    }
    if (QAccessible::isActive()) {
        QAccessibleTableModelChangeEvent event(this, QAccessibleTableModelChangeEvent::DataChanged);
        event.setFirstRow(topLeft.row());
        event.setFirstColumn(topLeft.column());
        event.setLastRow(bottomRight.row());
        event.setLastColumn(bottomRight.column());
        QAccessible::updateAccessibility(&event);
    }
}

void BoardColumnView::paintEvent(QPaintEvent *event)
{
    if (!model())
        return;
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    QPainter painter(viewport());
    const QItemSelectionModel *selection = selectionModel();
    const QModelIndex current = currentIndex();
    const bool focus = (hasFocus() || viewport()->hasFocus()) && current.isValid();
    const QStyle::State base = option.state;
    const bool enabled = base.testFlag(QStyle::State_Enabled);
    const auto [first, last] = rowsBetween(event->rect().top(), event->rect().bottom());
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = card(row);
        option.rect = rectOfRow(row);
        option.state = base;
        if (selection && selection->isSelected(index))
            option.state |= QStyle::State_Selected;
        if (enabled) {
            const bool on = model()->flags(index).testFlag(Qt::ItemIsEnabled);
            if (!on)
                option.state &= ~QStyle::State_Enabled;
            option.palette.setCurrentColorGroup(on ? QPalette::Normal : QPalette::Disabled);
        }
        if (focus && index == current) {
            option.state |= QStyle::State_HasFocus;
            if (state() == EditingState)
                option.state |= QStyle::State_Editing;
        }
        if (QAbstractItemDelegate *delegate = itemDelegateForIndex(index))
            delegate->paint(&painter, option, index);
    }
    if (state() == DraggingState && showDropIndicator() && !m_dropIndicator.isNull() &&
        viewport()->cursor().shape() != Qt::ForbiddenCursor) {
        QStyleOption indicator;
        indicator.initFrom(this);
        indicator.rect = m_dropIndicator;
        style()->drawPrimitive(QStyle::PE_IndicatorItemViewItemDrop, &indicator, &painter, this);
    }
}

void BoardColumnView::mousePressEvent(QMouseEvent *event)
{
    m_pressed = event->position().toPoint() + QPoint(horizontalOffset(), verticalOffset());
    QListView::mousePressEvent(event);
}

void BoardColumnView::dragMoveEvent(QDragMoveEvent *event)
{
    // Qt decides where the drop goes (above or below the card under the pointer, from indexAt
    // and visualRect); its indicator is painted by QListView's layout, so drawn here instead.
    QListView::dragMoveEvent(event);
    m_dropIndicator = QRect();
    if (!event->isAccepted() || !showDropIndicator())
        return;
    const QRect rect = visualRect(indexAt(event->position().toPoint()));
    switch (dropIndicatorPosition()) {
    case AboveItem:
        m_dropIndicator = QRect(rect.left(), rect.top(), rect.width(), 0);
        break;
    case BelowItem:
        m_dropIndicator = QRect(rect.left(), rect.bottom(), rect.width(), 0);
        break;
    case OnItem:
        m_dropIndicator = rect;
        break;
    case OnViewport:
        break;
    }
}

void BoardColumnView::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_dropIndicator = QRect();
    QListView::dragLeaveEvent(event);
}

void BoardColumnView::dropEvent(QDropEvent *event)
{
    m_dropIndicator = QRect();
    QListView::dropEvent(event);
}

void BoardColumnView::startDrag(Qt::DropActions supportedActions)
{
    // As QAbstractItemView starts a drag, with a picture of the dragged cards that show (Qt's
    // picture asks QListView's layout which cards show, and would be empty).
    QModelIndexList dragged;
    for (const QModelIndex &index : selectedIndexes()) {
        if (model()->flags(index).testFlag(Qt::ItemIsDragEnabled))
            dragged.append(index);
    }
    if (dragged.isEmpty())
        return;
    QMimeData *data = model()->mimeData(dragged);
    if (!data)
        return;
    QRect shown;
    QList<QPair<QRect, QModelIndex>> cards;
    for (const QModelIndex &index : std::as_const(dragged)) {
        const QRect rect = visualRect(index);
        if (rect.intersects(viewport()->rect())) {
            cards.append({rect, index});
            shown |= rect;
        }
    }
    shown &= viewport()->rect();
    auto *drag = new QDrag(this);
    drag->setMimeData(data);
    if (!cards.isEmpty()) {
        const qreal ratio = window()->windowHandle() ? window()->windowHandle()->devicePixelRatio()
                                                     : devicePixelRatioF();
        QPixmap picture(shown.size() * ratio);
        picture.setDevicePixelRatio(ratio);
        picture.fill(Qt::transparent);
        QPainter painter(&picture);
        QStyleOptionViewItem option;
        initViewItemOption(&option);
        option.state |= QStyle::State_Selected;
        for (const auto &[rect, index] : std::as_const(cards)) {
            option.rect = rect.translated(-shown.topLeft());
            itemDelegateForIndex(index)->paint(&painter, option, index);
        }
        painter.end();
        drag->setPixmap(picture);
        drag->setHotSpot(m_pressed - QPoint(horizontalOffset(), verticalOffset()) -
                         shown.topLeft());
    }
    Qt::DropAction preferred = Qt::IgnoreAction;
    if (dragDropMode() == InternalMove)
        supportedActions &= ~Qt::CopyAction;
    if (defaultDropAction() != Qt::IgnoreAction && (supportedActions & defaultDropAction()))
        preferred = defaultDropAction();
    else if ((supportedActions & Qt::CopyAction) && dragDropMode() != InternalMove)
        preferred = Qt::CopyAction;
    // The drop moves the deals (the model's dropMimeData): the column removes no rows after a
    // move, as the column proxy would refuse to anyway.
    drag->exec(supportedActions, preferred);
    m_dropIndicator = QRect();
}
