#include "BoardColumnView.h"

#include "CachedScrollBar.h"

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
