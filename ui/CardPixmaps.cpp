#include "CardPixmaps.h"

#include "PersonAvatar.h"
#include "StaleMark.h"

#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace {

// Frames per size and state, clocks per colour, one avatar per owner: a few dozen in use.
constexpr qsizetype mostPixmaps = 512;

QString colorKey(const QColor &color)
{
    return QString::number(color.rgba(), 16);
}

} // namespace

CardPixmaps &CardPixmaps::shared()
{
    static CardPixmaps pixmaps;
    return pixmaps;
}

bool CardPixmaps::copiesExactly(const QPainter &painter)
{
    const QTransform &transform = painter.worldTransform();
    return painter.device() && transform.type() <= QTransform::TxTranslate &&
           transform.dx() == std::floor(transform.dx()) &&
           transform.dy() == std::floor(transform.dy());
}

int CardPixmaps::fontIndex(const QFont &font)
{
    bool restarted = false;
    const int slot = m_fonts.slotOf(font, &restarted);
    if (restarted)
        m_pixmaps.clear();
    return slot;
}

template <typename Paint>
void CardPixmaps::blit(QPainter &painter, const QString &key, const QPoint &topLeft,
                       const QSize &size, Paint paint)
{
    const qreal ratio = painter.device()->devicePixelRatioF();
    const QString fullKey = key + QLatin1Char('@') + QString::number(ratio);
    auto it = m_pixmaps.constFind(fullKey);
    if (it == m_pixmaps.cend()) {
        if (m_pixmaps.size() >= mostPixmaps)
            m_pixmaps.clear();
        QPixmap pixmap(QSize(std::ceil(size.width() * ratio), std::ceil(size.height() * ratio)));
        pixmap.setDevicePixelRatio(ratio);
        pixmap.fill(Qt::transparent);
        QPainter onPixmap(&pixmap);
        onPixmap.setFont(painter.font());
        paint(onPixmap);
        onPixmap.end();
        it = m_pixmaps.insert(fullKey, pixmap);
    }
    painter.drawPixmap(topLeft, *it);
}

void CardPixmaps::drawFrame(QPainter &painter, const QRect &card, const QColor &fill,
                            const QColor &border, int penWidth)
{
    const auto paint = [&](QPainter &on, const QRect &rect) {
        on.save();
        on.setRenderHint(QPainter::Antialiasing);
        QPainterPath shape;
        shape.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
        on.fillPath(shape, fill);
        on.setPen(QPen(border, penWidth));
        on.drawPath(shape);
        on.restore();
    };
    if (!copiesExactly(painter)) {
        paint(painter, card);
        return;
    }
    // The border's pen reaches past the rectangle by up to half its width.
    const int bleed = (penWidth + 1) / 2;
    const QRect area = card.adjusted(-bleed, -bleed, bleed, bleed);
    const QString key = QStringLiteral("frame %1x%2 %3 %4 %5")
                            .arg(card.width())
                            .arg(card.height())
                            .arg(colorKey(fill), colorKey(border))
                            .arg(penWidth);
    blit(painter, key, area.topLeft(), area.size(),
         [&](QPainter &on) { paint(on, QRect(QPoint(bleed, bleed), card.size())); });
}

void CardPixmaps::drawClock(QPainter &painter, const QRectF &area, const QColor &color)
{
    if (!copiesExactly(painter)) {
        StaleMark::paintClock(painter, area, color);
        return;
    }
    // A pixel around the face for its antialiased edge; the clock keeps its fraction of a pixel.
    const QPoint origin(static_cast<int>(std::floor(area.left())) - 1,
                        static_cast<int>(std::floor(area.top())) - 1);
    const QPointF offset = area.topLeft() - QPointF(origin);
    const QSize size(static_cast<int>(std::ceil(offset.x() + area.width())) + 1,
                     static_cast<int>(std::ceil(offset.y() + area.height())) + 1);
    const QString key = QStringLiteral("clock %1 %2 %3 %4 %5")
                            .arg(offset.x())
                            .arg(offset.y())
                            .arg(area.width())
                            .arg(area.height())
                            .arg(colorKey(color));
    blit(painter, key, origin, size,
         [&](QPainter &on) { StaleMark::paintClock(on, QRectF(offset, area.size()), color); });
}

void CardPixmaps::drawAvatar(QPainter &painter, const QRect &rect, const QString &id,
                             const QString &initials)
{
    if (id.isEmpty() || rect.isEmpty())
        return;
    if (!copiesExactly(painter)) {
        PersonAvatar::paint(painter, rect, id, initials);
        return;
    }
    const QString key = QStringLiteral("avatar %1x%2 %3 %4 %5")
                            .arg(rect.width())
                            .arg(rect.height())
                            .arg(fontIndex(painter.font()))
                            .arg(id, initials);
    blit(painter, key, rect.topLeft(), rect.size(), [&](QPainter &on) {
        PersonAvatar::paint(on, QRect(QPoint(0, 0), rect.size()), id, initials);
    });
}
