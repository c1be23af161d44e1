#include "StageChipDelegate.h"

#include "ItemRoles.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmapCache>
#include <QtMath>

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
    const QRectF placed(option.rect.left() + 4,
                        option.rect.center().y() - metrics.height() / 2.0 - 1,
                        qMin(wanted, option.rect.width() - 8), metrics.height() + 2);
    // A search keystroke repaints every visible chip, of six stages: each look drawn once into a
    // picture (the rounded path and the text's shaping are what cost), then copied.
    const QPoint origin(qFloor(placed.left()), qFloor(placed.top()));
    const QRectF chip = placed.translated(-origin);
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QString key = QStringLiteral("kashew-stage-chip|%1|%2|%3|%4|%5|%6")
                            .arg(text, color.name(), option.font.key())
                            .arg(chip.width())
                            .arg(chip.top())
                            .arg(ratio);
    QPixmap picture;
    if (!QPixmapCache::find(key, &picture)) {
        picture = QPixmap(QSizeF((chip.right() + 1) * ratio, (chip.bottom() + 1) * ratio).toSize());
        picture.setDevicePixelRatio(ratio);
        picture.fill(Qt::transparent);
        QPainter chipPainter(&picture);
        chipPainter.setFont(option.font);
        chipPainter.setRenderHint(QPainter::Antialiasing);
        QPainterPath path;
        path.addRoundedRect(chip, chip.height() / 2, chip.height() / 2);
        QColor fill = color;
        fill.setAlpha(38);
        chipPainter.fillPath(path, fill);
        chipPainter.setPen(color.darker(115));
        chipPainter.drawText(
            chip.adjusted(padding, 0, -padding, 0), Qt::AlignCenter,
            metrics.elidedText(text, Qt::ElideRight, static_cast<int>(chip.width()) - 2 * padding));
        chipPainter.end();
        QPixmapCache::insert(key, picture);
    }
    painter->drawPixmap(origin, picture);
}

QSize StageChipDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    const QFontMetrics metrics(option.font);
    return {metrics.horizontalAdvance(index.data().toString()) + metrics.height() + 12,
            metrics.height() + 8};
}
