#pragma once

#include <QListView>

// One board column's list of cards. It says when a card is about to be selected in place of what
// is selected (a plain click, an arrow key, a rubber band, setCurrentIndex) rather than added to
// it (Ctrl or Shift), so that the board keeps one selection across all its columns.
//
// Every card has one height (CardDelegate's), so a card's place is arithmetic: row r lies at
// y = spacing + r * (height + spacing) - scroll, as wide as the viewport. QListView places every
// row of the column on each layout (O(cards) per keystroke, with uniformItemSizes too); this view
// never runs that layout and answers every question of geometry from the row alone, so a change
// costs O(visible cards). It stays a QListView for what needs no layout: its drop handling, its
// accessibility (a list of the cards' text), its properties. It assumes no hidden rows and one
// column of cards, top to bottom, as the board uses it.
class BoardColumnView final : public QListView
{
    Q_OBJECT

public:
    explicit BoardColumnView(QWidget *parent = nullptr);
    // Lays the cards out now if the model changed them since the last layout: a column whose
    // cards a keystroke left as they were is not laid out again.
    void layOutIfChanged() { executeDelayedItemsLayout(); }

    QRect visualRect(const QModelIndex &index) const override;
    QModelIndex indexAt(const QPoint &point) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    void doItemsLayout() override;

signals:
    // About to select `index` in place of the whole board's selection.
    void selectingExclusively(const QModelIndex &index) const;

protected:
    QItemSelectionModel::SelectionFlags selectionCommand(const QModelIndex &index,
                                                         const QEvent *event) const override;
    void updateGeometries() override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    QModelIndex moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) override;
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;
    void mousePressEvent(QMouseEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void startDrag(Qt::DropActions supportedActions) override;

private:
    int rowCount() const;
    QModelIndex card(int row) const;
    // A card's height (the delegate's, one for all) and the distance from one card to the next.
    int cardHeight() const;
    int pitch() const { return cardHeight() + spacing(); }
    // Row `row`'s card in viewport coordinates, whether it shows or not.
    QRect rectOfRow(int row) const;
    // The first and last rows whose cards meet the viewport's lines `top` to `bottom`
    // (first > last when none do).
    std::pair<int, int> rowsBetween(int top, int bottom) const;

    // Measured at the first need after each layout (a font or delegate change lays out again).
    mutable int m_cardHeight = 0;
    // Where the drop would go while something is dragged over the column (viewport coordinates).
    QRect m_dropIndicator;
    // Where the last press was, in contents coordinates: the dragged picture hangs from it.
    QPoint m_pressed;
};
