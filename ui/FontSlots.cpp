#include "FontSlots.h"

int FontSlots::slotOf(const QFont &font, bool *restarted)
{
    *restarted = false;
    qsizetype index = m_fonts.indexOf(font);
    if (index < 0) {
        if (m_fonts.size() >= m_most) {
            m_fonts.clear();
            *restarted = true;
        }
        m_fonts.append(font);
        index = m_fonts.size() - 1;
    }
    return static_cast<int>(index);
}
