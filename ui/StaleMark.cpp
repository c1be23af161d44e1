#include "StaleMark.h"

#include "OpportunityCells.h"

#include <QPainter>
#include <QRectF>
#include <algorithm>

QColor StaleMark::color(const QColor &background)
{
    return OpportunityCells::staleColourOn(background);
}

QString StaleMark::badge(int days)
{
    return tr("%n d", "days without a change, on a card", days);
}

QString StaleMark::cardToolTip(int days)
{
    return OpportunityCells::noChangeFor(days);
}

QString StaleMark::count(int staleCards)
{
    return tr("%n stale", "deals gone stale in a board column", staleCards);
}

QString StaleMark::columnToolTip(Stage stage, int days)
{
    return tr("No change for %n day(s) or more in %1", nullptr, days).arg(Stages::label(stage));
}

void StaleMark::paintClock(QPainter &painter, const QRectF &area, const QColor &color)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const double width = std::max(1.2, area.width() / 8);
    painter.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap));
    painter.setBrush(Qt::NoBrush);
    const QRectF face = area.adjusted(width / 2, width / 2, -width / 2, -width / 2);
    painter.drawEllipse(face);
    const QPointF centre = face.center();
    const double radius = face.width() / 2;
    // Hands at three o'clock: one up, one to the right.
    painter.drawLine(centre, centre - QPointF(0, radius * 0.6));
    painter.drawLine(centre, centre + QPointF(radius * 0.45, 0));
    painter.restore();
}
