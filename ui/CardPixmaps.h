#pragma once

#include "FontSlots.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QList>
#include <QPixmap>
#include <QString>

class QPainter;
class QRect;
class QRectF;

// What every card paints alike, drawn once into a pixmap and copied from then on: the rounded
// frame, the stale clock, an owner's avatar. Antialiased shapes cost more to fill than all of a
// card's text, and a keystroke paints every card in view anew. The same pixels as painting
// directly; a painter that scales or rotates paints directly. For the GUI thread.
class CardPixmaps final
{
public:
    // The one the card delegate paints with.
    static CardPixmaps &shared();

    // The card's rounded rectangle filling `card`: `fill` inside a `penWidth` border of `border`.
    void drawFrame(QPainter &painter, const QRect &card, const QColor &fill, const QColor &border,
                   int penWidth);
    // As StaleMark::paintClock.
    void drawClock(QPainter &painter, const QRectF &area, const QColor &color);
    // As PersonAvatar::paint, in the painter's font.
    void drawAvatar(QPainter &painter, const QRect &rect, const QString &id,
                    const QString &initials);

    // Pixmaps kept (tests: what is drawn comes from here once seen).
    qsizetype size() const { return m_pixmaps.size(); }
    void clear() { m_pixmaps.clear(); }

private:
    // A copy at an integer offset is exact only under a plain translation.
    static bool copiesExactly(const QPainter &painter);
    // The pixmap of `key` (made by `paint` at `size` logical pixels when missing) at `topLeft`.
    template <typename Paint>
    void blit(QPainter &painter, const QString &key, const QPoint &topLeft, const QSize &size,
              Paint paint);
    int fontIndex(const QFont &font);

    QHash<QString, QPixmap> m_pixmaps;
    FontSlots m_fonts{16}; // the fonts avatars were drawn in
};
