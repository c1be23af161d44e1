#pragma once

#include <QStyledItemDelegate>

struct CardText;

// Draws an opportunity as a board card: name, account, value with currency, probability,
// expected close date (overdue in a warning colour) and owner (avatar and name); long text
// elided; a marker for edits not yet on the server, with the reason on hover; an amber clock
// with the days for a deal gone stale, beside the account.
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

    // Where the card of `index` paints its owner's avatar; empty when the deal has no owner.
    static QRect ownerAvatarRect(const QStyleOptionViewItem &option, const QModelIndex &index);
    // Where the card of `index` paints its stale mark (clock and days); empty while it is not
    // stale.
    static QRect staleMarkRect(const QStyleOptionViewItem &option, const QModelIndex &index);
    // What the card's tooltip says, as plain text.
    static QString toolTipText(const QModelIndex &index);

private:
    // The card's last line: the close date at the left, the owner's avatar and name at the right.
    struct BottomLine;
    static BottomLine bottomLine(const QStyleOptionViewItem &option, const CardText &words);
    static QRect staleMark(const QStyleOptionViewItem &option, const CardText &words);
};
