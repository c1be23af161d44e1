#pragma once

#include <QStyledItemDelegate>

// Draws an opportunity as a board card: name, account, value with currency, probability,
// expected close date (overdue in a warning colour) and owner; long text elided; a marker for
// edits not yet on the server, with the reason on hover.
class CardDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
};
