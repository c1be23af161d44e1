#pragma once

#include "Stage.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

class QPainter;
class QRectF;

// How the board says a deal has gone stale (StaleRule): an amber clock with the days on the card,
// a count in the column's header, and the same words in their tooltips. One amber, dark on a
// light background and light on a dark one, so that it reads in either palette.
class StaleMark final
{
    Q_DECLARE_TR_FUNCTIONS(StaleMark)

public:
    // The amber for text and marks on `background`: at least 4.5:1 contrast on the usual light
    // and dark bases.
    static QColor color(const QColor &background);
    // The card's short mark: "23 d".
    static QString badge(int days);
    // The card's tooltip line: "No change for 23 days".
    static QString cardToolTip(int days);
    // The column header's count: "3 stale".
    static QString count(int staleCards);
    // What stale means in a column: "No change for 14 days or more in Proposal".
    static QString columnToolTip(Stage stage, int days);
    // A clock face with its hands in `area` (a square), drawn rather than a glyph some fonts lack.
    static void paintClock(QPainter &painter, const QRectF &area, const QColor &color);
};
