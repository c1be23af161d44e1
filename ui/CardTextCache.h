#pragma once

#include <QFont>
#include <QHash>
#include <QList>
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
    // right, centred vertically), in the painter's font.
    void draw(QPainter &painter, const QRect &area, Qt::Alignment alignment, const QString &text);

private:
    struct Key
    {
        int font = 0; // index into m_fonts
        int width = 0;
        QString text;
        friend bool operator==(const Key &a, const Key &b)
        {
            return a.font == b.font && a.width == b.width && a.text == b.text;
        }
        friend size_t qHash(const Key &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.font, key.width, key.text);
        }
    };
    // Too many entries (a long scroll through 100,000 cards): all of them go.
    void bound();
    Key keyOf(const QFont &font, const QString &text, int width);

    // The fonts seen (a card has two): compared, not named, since naming a font is slow.
    QList<QFont> m_fonts;
    QHash<Key, QString> m_elided;
    QHash<Key, int> m_advances;
    QHash<Key, QStaticText> m_texts;
};
