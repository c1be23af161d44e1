#include "TerminalSafeDevice.h"

namespace {

bool steersTheTerminal(char32_t c)
{
    if (c == U'\n' || c == U'\t')
        return false;
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f ||
           (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

// The text as it is written: each character that would steer the terminal escaped.
QString neutralised(QStringView text)
{
    QString result;
    result.reserve(text.size());
    for (const QChar c : text) {
        if (steersTheTerminal(c.unicode()))
            result += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            result += c;
    }
    return result;
}

} // namespace

TerminalSafeDevice::TerminalSafeDevice(FILE *stream)
    : m_stream(stream)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

qint64 TerminalSafeDevice::readData(char *, qint64)
{
    return -1;
}

qint64 TerminalSafeDevice::writeData(const char *data, qint64 size)
{
    const QString text = m_decoder.decode(QByteArrayView(data, size));
    const QByteArray safe = neutralised(text).toUtf8();
    if (std::fwrite(safe.constData(), 1, static_cast<size_t>(safe.size()), m_stream) !=
        static_cast<size_t>(safe.size()))
        return -1;
    std::fflush(m_stream);
    return size;
}
