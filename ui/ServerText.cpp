#include "ServerText.h"

namespace ServerText {

QString isolated(const QString &text)
{
    constexpr char16_t firstStrongIsolate = 0x2068;
    constexpr char16_t popDirectionalIsolate = 0x2069;
    return QChar(firstStrongIsolate) + text + QChar(popDirectionalIsolate);
}

} // namespace ServerText
