#pragma once

#include <QFont>
#include <QList>

// The few fonts a text or picture cache has seen, each by a small number its keys hold: fonts
// are compared, not named, since naming a font is slow.
class FontSlots final
{
public:
    explicit FontSlots(qsizetype most)
        : m_most(most)
    {}

    // `font`'s number. A new font when every slot is taken means the fonts changed (a new
    // default font): all numbers are given up first and `restarted` is set, so that the caller
    // forgets every entry keyed by an old number.
    int slotOf(const QFont &font, bool *restarted);

private:
    QList<QFont> m_fonts;
    qsizetype m_most = 8;
};
