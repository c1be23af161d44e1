#include "PersonAvatar.h"

#include "PeopleBook.h"

#include <QFont>
#include <QPainter>
#include <QPixmap>
#include <QRect>
#include <algorithm>
#include <cmath>
#include <iterator>

namespace {

// Twelve colours that differ from each other and from the stage chips' tints, each readable
// with white or dark initials.
const QColor palette[] = {
    QColor(0x1e, 0x88, 0xe5), QColor(0xe5, 0x39, 0x35), QColor(0x43, 0xa0, 0x47),
    QColor(0xfb, 0x8c, 0x00), QColor(0x8e, 0x24, 0xaa), QColor(0x00, 0x89, 0x7b),
    QColor(0xd8, 0x1b, 0x60), QColor(0x6d, 0x4c, 0x41), QColor(0x39, 0x49, 0xab),
    QColor(0xc0, 0xca, 0x33), QColor(0x00, 0xac, 0xc1), QColor(0x54, 0x6e, 0x7a),
};

// Relative luminance (WCAG) of an sRGB colour.
double luminance(const QColor &c)
{
    const auto linear = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

const QColor darkText(0x21, 0x21, 0x21);

} // namespace

QColor PersonAvatar::colour(const QString &id)
{
    return palette[PeopleBook::colourSeed(id) % std::size(palette)];
}

QColor PersonAvatar::textColour(const QString &id)
{
    // The higher contrast ratio of white and dark grey on the fill.
    const double fill = luminance(colour(id));
    const double onWhite = 1.05 / (fill + 0.05);
    const double onDark = (fill + 0.05) / (luminance(darkText) + 0.05);
    return onWhite >= onDark ? QColor(Qt::white) : darkText;
}

void PersonAvatar::paint(QPainter &painter, const QRect &rect, const PeopleBook &people,
                         const QString &id)
{
    paint(painter, rect, id, people.initials(id));
}

void PersonAvatar::paint(QPainter &painter, const QRect &rect, const QString &id,
                         const QString &initials)
{
    if (id.isEmpty() || rect.isEmpty())
        return;
    const int side = std::min(rect.width(), rect.height());
    QRectF circle(0, 0, side, side);
    circle.moveCenter(QRectF(rect).center());
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour(id));
    painter.drawEllipse(circle);
    QFont font = painter.font();
    font.setBold(true);
    // Two letters fill about two thirds of the circle's width, one letter a little larger.
    font.setPixelSize(std::max(7, side * (initials.size() > 1 ? 9 : 11) / 20));
    painter.setFont(font);
    painter.setPen(textColour(id));
    painter.drawText(circle, Qt::AlignCenter, initials);
    painter.restore();
}

QIcon PersonAvatar::icon(const PeopleBook &people, const QString &id, int size)
{
    if (id.isEmpty() || size <= 0)
        return {};
    QIcon result;
    // Sharp on high-density screens too.
    for (const qreal ratio : {1.0, 2.0}) {
        QPixmap pixmap(QSize(size, size) * ratio);
        pixmap.setDevicePixelRatio(ratio);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(painter, QRect(0, 0, size, size), people, id);
        painter.end();
        result.addPixmap(pixmap);
    }
    return result;
}
