#include "PlainLine.h"

#include <QString>
#include <algorithm>

bool isPlainLine(const QString &text)
{
    return std::none_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() < 0x20 || c.unicode() == 0x9c || c == QChar::LineSeparator ||
               c == QChar::ParagraphSeparator;
    });
}
