#pragma once

#include <QStyledItemDelegate>

// Draws a stage as a coloured chip with its name.
class StageChipDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The colour of a stage, shared with the board.
    static QColor colorOf(int stage);
};
