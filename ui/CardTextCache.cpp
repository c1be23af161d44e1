#include "CardTextCache.h"

#include "PlainLine.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QRect>
#include <algorithm>

namespace {

// About ten keystrokes' worth of new cards in six columns.
constexpr qsizetype mostEntries = 8192;
// The letters surelyFits() knows: space to U+017F (Latin-1 and Latin Extended-A, without the
// control characters), then the dashes, quotes and dots of U+2010 to U+203A.
constexpr char16_t firstLatin = 0x20;
constexpr char16_t lastLatin = 0x17f;
constexpr char16_t firstPunctuation = 0x2010;
constexpr char16_t lastPunctuation = 0x203a;
constexpr int latinCount = lastLatin - firstLatin + 1;

// Where surelyFits() keeps the advance of `c`; -1 for a character it does not know.
int slotOfLetter(char16_t c)
{
    if (c >= firstLatin && c <= lastLatin && (c < 0x7f || c >= 0xa0))
        return c - firstLatin;
    if (c >= firstPunctuation && c <= lastPunctuation)
        return latinCount + (c - firstPunctuation);
    return -1;
}

} // namespace

CardTextCache &CardTextCache::shared()
{
    static CardTextCache cache;
    return cache;
}

CardTextCache::Key CardTextCache::keyOf(const QFont &font, const QString &text, int width)
{
    return {slotOf(font), width, text};
}

void CardTextCache::bound()
{
    if (m_elided.size() + m_advances.size() + m_drawnOnce.size() + m_texts.size() + m_dates.size() >
        mostEntries)
        forgetTexts();
}

void CardTextCache::forgetTexts()
{
    m_elided.clear();
    m_advances.clear();
    m_drawnOnce.clear();
    m_texts.clear();
    m_dates.clear();
}

void CardTextCache::clear()
{
    forgetTexts(); // the letters' advances stay: the same fonts measure them the same
}

int CardTextCache::slotOf(const QFont &font)
{
    bool restarted = false;
    const int slot = m_fonts.slotOf(font, &restarted);
    if (restarted) { // other fonts: every number means another font now
        forgetTexts();
        m_latinAdvances.clear();
    }
    return slot;
}

QString CardTextCache::shortDate(const QDate &date)
{
    const QLocale locale;
    if (!(locale == m_dateLocale)) {
        m_dates.clear();
        m_dateLocale = locale;
    }
    if (const auto known = m_dates.constFind(date); known != m_dates.cend())
        return *known;
    bound();
    return *m_dates.insert(date, locale.toString(date, QLocale::ShortFormat));
}

qreal CardTextCache::exactAdvance(const QFont &font, const QString &text)
{
    const Key key = keyOf(font, text, -1);
    if (const auto known = m_advances.constFind(key); known != m_advances.cend())
        return *known;
    bound();
    const qreal result = QFontMetricsF(font).horizontalAdvance(text);
    m_advances.insert(key, result);
    return result;
}

bool CardTextCache::surelyFits(const QFont &font, const QString &text, int width)
{
    // Shaped text is never more than half a pixel wider than its letters one by one (kerning
    // and ligatures mostly narrow it); two pixels and 3% spare cover any font.
    const qreal room = (width - 2) / 1.03;
    if (text.size() * 2 > width || room <= 0)
        return false; // not worth a look: long text is measured anyway
    const int slot = slotOf(font);
    auto advances = m_latinAdvances.find(slot);
    if (advances == m_latinAdvances.end()) {
        const QFontMetricsF metrics(font);
        QList<qreal> each(latinCount + (lastPunctuation - firstPunctuation + 1), 0);
        for (char16_t c = firstLatin; c <= lastLatin; ++c)
            each[c - firstLatin] = metrics.horizontalAdvance(QChar(c));
        for (char16_t c = firstPunctuation; c <= lastPunctuation; ++c)
            each[latinCount + (c - firstPunctuation)] = metrics.horizontalAdvance(QChar(c));
        advances = m_latinAdvances.insert(slot, each);
    }
    qreal sum = 0;
    for (QChar c : text) {
        const int at = slotOfLetter(c.unicode());
        if (at < 0)
            return false;
        sum += advances->at(at);
        if (sum > room)
            return false;
    }
    return true;
}

QString CardTextCache::elided(const QFont &font, const QString &text, int width)
{
    // Most text fits: its measure (wanted anyway) says so without working out an elision.
    if (isPlainLine(text) && (surelyFits(font, text, width) || exactAdvance(font, text) <= width))
        return text;
    const Key key = keyOf(font, text, width);
    if (const auto known = m_elided.constFind(key); known != m_elided.cend())
        return *known;
    bound();
    const QString result = QFontMetrics(font).elidedText(text, Qt::ElideRight, width);
    m_elided.insert(key, result);
    return result;
}

int CardTextCache::advance(const QFont &font, const QString &text)
{
    // QFontMetrics rounds the same measure.
    return qRound(exactAdvance(font, text));
}

void CardTextCache::draw(QPainter &painter, const QRect &area, Qt::Alignment alignment,
                         const QString &text)
{
    if (text.isEmpty())
        return;
    const QFont &font = painter.font();
    const Key key = keyOf(font, text, -2);
    auto it = m_texts.find(key);
    if (it == m_texts.end() && isPlainLine(text) && !m_drawnOnce.contains(key)) {
        bound();
        m_drawnOnce.insert(key);
        // Where QStaticText puts it: its line as high as the font's, the baseline an ascent
        // below the top.
        const QFontMetricsF metrics(font);
        const qreal x = alignment.testFlag(Qt::AlignRight)
                            ? area.right() + 1 - exactAdvance(font, text)
                            : area.left();
        const qreal y = area.top() + (area.height() - metrics.height()) / 2 + metrics.ascent();
        painter.drawText(QPointF(x, y), text);
        return;
    }
    if (it == m_texts.end()) {
        bound();
        QStaticText laidOut(text);
        // Server text: shown as it is, never as markup.
        laidOut.setTextFormat(Qt::PlainText);
        laidOut.setPerformanceHint(QStaticText::AggressiveCaching);
        laidOut.prepare(QTransform(), font);
        it = m_texts.insert(key, laidOut);
    }
    const QSizeF size = it->size();
    const qreal x =
        alignment.testFlag(Qt::AlignRight) ? area.right() + 1 - size.width() : area.left();
    const qreal y = area.top() + (area.height() - size.height()) / 2;
    painter.drawStaticText(QPointF(x, y), *it);
}
