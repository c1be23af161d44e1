#pragma once

#include "FontSlots.h"
#include "FontTextKey.h"

#include <QFont>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStaticText>
#include <QString>
#include <Qt>

class QPainter;
class QRect;

// The board's cards say the same words again and again (owners, accounts, dates, stages) and a
// keystroke repaints every column: text measured, elided and laid out once per font, then drawn
// from here. A plain cache of bounded size, for the GUI thread.
class CardTextCache final
{
public:
    // The one the card delegate draws with.
    static CardTextCache &shared();

    // As QFontMetrics(font).elidedText(text, Qt::ElideRight, width).
    QString elided(const QFont &font, const QString &text, int width);
    // As QFontMetrics(font).horizontalAdvance(text).
    int advance(const QFont &font, const QString &text);
    // Draws one line of plain text in `area` as QPainter::drawText does with `alignment` (left or
    // right, centred vertically), in the painter's font. Text seen once is drawn directly (a name
    // or an amount is shaped once, and most are never painted again); text seen again is laid
    // out once and drawn from here.
    void draw(QPainter &painter, const QRect &area, Qt::Alignment alignment, const QString &text);
    // Forgets everything (tests: a card painted from nothing).
    void clear();

private:
    using Key = FontTextKey;
    // Too many entries (a long scroll through 100,000 cards): all of them go.
    void bound();
    Key keyOf(const QFont &font, const QString &text, int width);
    // As QFontMetricsF(font).horizontalAdvance(text), remembered.
    qreal exactAdvance(const QFont &font, const QString &text);

    FontSlots m_fonts{16}; // a card has two
    QHash<Key, QString> m_elided;
    QHash<Key, qreal> m_advances;
    // Drawn once, directly: laid out for keeps when drawn again.
    QSet<Key> m_drawnOnce;
    QHash<Key, QStaticText> m_texts;
};
