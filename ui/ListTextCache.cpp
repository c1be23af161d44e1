#include "ListTextCache.h"

#include <QFontMetrics>

namespace {

// About ten keystrokes' worth of new rows in a full-screen list; a few hundred bytes each.
constexpr qsizetype mostLines = 3000;

} // namespace

const QStaticText &ListTextCache::line(const QFont &font, const QString &text, int width)
{
    bool restarted = false;
    const int slot = m_fonts.slotOf(font, &restarted);
    if (restarted)
        m_lines.clear();
    const FontTextKey key{slot, width, text};
    if (const auto known = m_lines.constFind(key); known != m_lines.cend())
        return *known;
    // Too many (a long scroll through 100,000 rows): all of them go.
    if (m_lines.size() >= mostLines)
        m_lines.clear();
    // Laid out once; most text fits, so that one layout is also its measure.
    QStaticText laidOut(text);
    laidOut.setTextFormat(Qt::PlainText); // server text: shown as it is, never as markup
    laidOut.prepare(QTransform(), font);
    if (laidOut.size().width() > width) {
        laidOut.setText(QFontMetrics(font).elidedText(text, Qt::ElideRight, width));
        laidOut.prepare(QTransform(), font);
    }
    return *m_lines.insert(key, laidOut);
}
