#pragma once

#include <QListView>

// One board column's list of cards. It says when a card is about to be selected in place of what
// is selected (a plain click, an arrow key, a rubber band, setCurrentIndex) rather than added to
// it (Ctrl or Shift), so that the board keeps one selection across all its columns.
class BoardColumnView final : public QListView
{
    Q_OBJECT

public:
    using QListView::QListView;

signals:
    // About to select `index` in place of the whole board's selection.
    void selectingExclusively(const QModelIndex &index) const;

protected:
    QItemSelectionModel::SelectionFlags selectionCommand(const QModelIndex &index,
                                                         const QEvent *event) const override;
};
