#include "CardTextCache.h"

#include <QFontMetrics>
#include <QPainter>
#include <QRect>

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
    qsizetype index = m_fonts.indexOf(font);
    if (index < 0) {
        if (m_fonts.size() >= 16) { // fonts changed (a new default font): start again
            m_fonts.clear();
            m_elided.clear();
            m_advances.clear();
            m_texts.clear();
        }
        m_fonts.append(font);
        index = m_fonts.size() - 1;
    }
    return {static_cast<int>(index), width, text};
}

void CardTextCache::bound()
{
    if (m_elided.size() + m_advances.size() + m_texts.size() <= mostEntries)
        return;
    m_elided.clear();
    m_advances.clear();
    m_texts.clear();
}

QString CardTextCache::elided(const QFont &font, const QString &text, int width)
{
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
    const Key key = keyOf(font, text, -1);
    if (const auto known = m_advances.constFind(key); known != m_advances.cend())
        return *known;
    bound();
    const int result = QFontMetrics(font).horizontalAdvance(text);
    m_advances.insert(key, result);
    return result;
}

void CardTextCache::draw(QPainter &painter, const QRect &area, Qt::Alignment alignment,
                         const QString &text)
{
    if (text.isEmpty())
        return;
    const QFont &font = painter.font();
    const Key key = keyOf(font, text, -2);
    auto it = m_texts.find(key);
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
