#pragma once

#include "FontSlots.h"
#include "FontTextKey.h"

#include <QFont>
#include <QHash>
#include <QList>
#include <QStaticText>
#include <QString>

// The list's cell text, laid out once per text, font and width. A keystroke repaints every
// visible cell, and QStyle shapes each cell's text two or three times (to size it, to elide it,
// to draw it); the same owners, dates, accounts and probabilities come back on every keystroke.
// A plain cache of bounded size, for the GUI thread.
class ListTextCache final
{
public:
    // `text`, one line of plain text (see PlainLine.h), in `font`, elided on the right as
    // QFontMetrics::elidedText does when wider than `width`. Valid until the next call.
    const QStaticText &line(const QFont &font, const QString &text, int width);
    qsizetype size() const { return m_lines.size(); }

private:
    FontSlots m_fonts{8}; // a list has one or two
    QHash<FontTextKey, QStaticText> m_lines;
};
