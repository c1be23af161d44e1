#include "BoardColumnView.h"

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
