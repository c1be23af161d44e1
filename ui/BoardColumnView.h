#pragma once

#include <QListView>

// One board column's list of cards. It says when a card is about to be selected in place of what
// is selected (a plain click, an arrow key, a rubber band, setCurrentIndex) rather than added to
// it (Ctrl or Shift), so that the board keeps one selection across all its columns.
class BoardColumnView final : public QListView
{
    Q_OBJECT

public:
    explicit BoardColumnView(QWidget *parent = nullptr);
    // Lays the cards out now if the model changed them since the last layout: a column whose
    // cards a keystroke left as they were is not laid out again (that is O(cards) in QListView).
    void layOutIfChanged() { executeDelayedItemsLayout(); }

signals:
    // About to select `index` in place of the whole board's selection.
    void selectingExclusively(const QModelIndex &index) const;

protected:
    QItemSelectionModel::SelectionFlags selectionCommand(const QModelIndex &index,
                                                         const QEvent *event) const override;
};
