#include "CardTextCache.h"

#include "PlainLine.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QRect>
#include <algorithm>

namespace {

// About ten keystrokes' worth of new cards in six columns.
constexpr qsizetype mostEntries = 8192;

} // namespace

CardTextCache &CardTextCache::shared()
{
    static CardTextCache cache;
    return cache;
}

CardTextCache::Key CardTextCache::keyOf(const QFont &font, const QString &text, int width)
{
    bool restarted = false;
    const int slot = m_fonts.slotOf(font, &restarted);
    if (restarted)
        clear();
    return {slot, width, text};
}

void CardTextCache::bound()
{
    if (m_elided.size() + m_advances.size() + m_drawnOnce.size() + m_texts.size() > mostEntries)
        clear();
}

void CardTextCache::clear()
{
    m_elided.clear();
    m_advances.clear();
    m_drawnOnce.clear();
    m_texts.clear();
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

QString CardTextCache::elided(const QFont &font, const QString &text, int width)
{
    // Most text fits: its measure (wanted anyway) says so without working out an elision.
    if (isPlainLine(text) && exactAdvance(font, text) <= width)
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
