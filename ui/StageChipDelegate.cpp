#include "StageChipDelegate.h"

#include "ItemRoles.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

QColor StageChipDelegate::colorOf(int stage)
{
    static const QColor colors[] = {QColor(0x64, 0x74, 0x8b), QColor(0x25, 0x63, 0xeb),
                                    QColor(0x7c, 0x3a, 0xed), QColor(0xd9, 0x77, 0x06),
                                    QColor(0x16, 0xa3, 0x4a), QColor(0xdc, 0x26, 0x26)};
    return stage >= 0 && stage < 6 ? colors[stage] : QColor(Qt::gray);
}

void StageChipDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &background, painter,
                                       option.widget);

    const QString text = index.data(Qt::DisplayRole).toString();
    const QColor color = colorOf(index.data(ItemRoles::StageRole).toInt());
    const QFontMetrics metrics(option.font);
    const int padding = metrics.height() / 2;
    // Two pixels of slack: rounding in the text measure must not elide a label that fits.
    const int wanted = metrics.horizontalAdvance(text) + 2 * padding + 2;
    QRectF chip(option.rect.left() + 4, option.rect.center().y() - metrics.height() / 2.0 - 1,
                qMin(wanted, option.rect.width() - 8), metrics.height() + 2);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(chip, chip.height() / 2, chip.height() / 2);
    QColor fill = color;
    fill.setAlpha(38);
    painter->fillPath(path, fill);
    painter->setPen(color.darker(115));
    painter->drawText(
        chip.adjusted(padding, 0, -padding, 0), Qt::AlignCenter,
        metrics.elidedText(text, Qt::ElideRight, static_cast<int>(chip.width()) - 2 * padding));
    painter->restore();
}

QSize StageChipDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    const QFontMetrics metrics(option.font);
    return {metrics.horizontalAdvance(index.data().toString()) + metrics.height() + 12,
            metrics.height() + 8};
}
