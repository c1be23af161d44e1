#pragma once

#include "FontSlots.h"
#include "FontTextKey.h"

#include <QDate>
#include <QFont>
#include <QHash>
#include <QList>
#include <QLocale>
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
    // As QLocale().toString(date, QLocale::ShortFormat): the deals share a few hundred close
    // dates, and the system locale formats each one slowly.
    QString shortDate(const QDate &date);
    // Forgets every text (tests: a card painted from nothing).
    void clear();

private:
    using Key = FontTextKey;
    // Too many entries (a long scroll through 100,000 cards): all of them go.
    void bound();
    // Every text and date, not the letters' advances.
    void forgetTexts();
    Key keyOf(const QFont &font, const QString &text, int width);
    // The font's FontSlots number; new fonts forget everything kept under the old numbers.
    int slotOf(const QFont &font);
    // As QFontMetricsF(font).horizontalAdvance(text), remembered.
    qreal exactAdvance(const QFont &font, const QString &text);
    // Whether `text` certainly fits in `width`: its letters' own advances added up, with room to
    // spare for kerning, when every letter is Latin or common punctuation. A name or an amount
    // seen for the first time is then shaped once, to draw it, not a second time to measure it.
    bool surelyFits(const QFont &font, const QString &text, int width);

    FontSlots m_fonts{16}; // a card has two
    QHash<Key, QString> m_elided;
    QHash<Key, qreal> m_advances;
    // Drawn once, directly: laid out for keeps when drawn again.
    QSet<Key> m_drawnOnce;
    QHash<Key, QStaticText> m_texts;
    // Per font slot, the advance of each letter surelyFits() knows, on its own.
    QHash<int, QList<qreal>> m_latinAdvances;
    // In m_dateLocale, which is the default locale while they are kept.
    QLocale m_dateLocale;
    QHash<QDate, QString> m_dates;
};
