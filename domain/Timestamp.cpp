#include "Timestamp.h"

namespace Timestamp {

namespace {

char16_t unitAt(const QString &text, qsizetype i)
{
    return text.at(i).unicode();
}

char16_t unitAt(QByteArrayView text, qsizetype i)
{
    return static_cast<uchar>(text.at(i));
}

// The digits at [from, from + count) as a number; -1 if any is not a digit.
template <typename Text> int digits(const Text &text, qsizetype from, int count)
{
    int number = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = unitAt(text, i);
        if (c < u'0' || c > u'9')
            return -1;
        number = number * 10 + (c - u'0');
    }
    return number;
}

// "YYYY-MM-DD" at the start of `text`, in UTF-16 or UTF-8 alike.
template <typename Text> std::optional<QDate> canonicalDate(const Text &text)
{
    if (text.size() < 10 || unitAt(text, 4) != u'-' || unitAt(text, 7) != u'-')
        return std::nullopt;
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    // A non-digit is -1, and QDate takes year -1 (1 BC): "abcd-07-15" is no date.
    if (year < 0 || month < 0 || day < 0)
        return std::nullopt;
    const QDate date(year, month, day);
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

// "YYYY-MM-DDTHH:MM:SS[.mmm]Z", in UTF-16 or UTF-8 alike.
template <typename Text> std::optional<QDateTime> canonicalTime(const Text &text)
{
    const bool withMs = text.size() == 24;
    if ((text.size() != 20 && !withMs) || unitAt(text, 10) != u'T' ||
        unitAt(text, text.size() - 1) != u'Z' || unitAt(text, 13) != u':' ||
        unitAt(text, 16) != u':' || (withMs && unitAt(text, 19) != u'.'))
        return std::nullopt;
    const auto date = canonicalDate(text);
    const QTime time(digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2),
                     withMs ? digits(text, 20, 3) : 0);
    if (!date || !time.isValid())
        return std::nullopt;
    return QDateTime(*date, time, Qt::UTC);
}

// Writes `number` as `count` digits at `out`.
void putDigits(char16_t *out, int number, int count)
{
    for (int i = count - 1; i >= 0; --i) {
        out[i] = static_cast<char16_t>(u'0' + number % 10);
        number /= 10;
    }
}

// "YYYY-MM-DD" at `out`, as QDate::toString(Qt::ISODate) writes a year of four digits.
void putDate(char16_t *out, const QDate &date)
{
    putDigits(out, date.year(), 4);
    out[4] = u'-';
    putDigits(out + 5, date.month(), 2);
    out[7] = u'-';
    putDigits(out + 8, date.day(), 2);
}

bool fourDigitYear(const QDate &date)
{
    return date.year() >= 0 && date.year() <= 9999;
}

} // namespace

QString toText(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    // Written by hand: Qt's formatting went through vasprintf, a sixth of storing a pulled page.
    if (!fourDigitYear(date))
        return utc.toString(Qt::ISODateWithMs);
    const QTime clock = utc.time();
    char16_t text[24];
    putDate(text, date);
    text[10] = u'T';
    putDigits(text + 11, clock.hour(), 2);
    text[13] = u':';
    putDigits(text + 14, clock.minute(), 2);
    text[16] = u':';
    putDigits(text + 17, clock.second(), 2);
    text[19] = u'.';
    putDigits(text + 20, clock.msec(), 3);
    text[23] = u'Z';
    return QString(reinterpret_cast<const QChar *>(text), 24);
}

std::optional<QDateTime> fromCanonicalText(const QString &text)
{
    return canonicalTime(text);
}

std::optional<QDateTime> fromCanonicalUtf8(QByteArrayView text)
{
    return canonicalTime(text);
}

QDateTime fromText(const QString &text)
{
    if (text.isEmpty())
        return {};
    if (const auto canonical = fromCanonicalText(text))
        return *canonical;
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString dateToText(const QDate &date)
{
    if (!date.isValid())
        return QString();
    if (!fourDigitYear(date))
        return date.toString(Qt::ISODate);
    char16_t text[10];
    putDate(text, date);
    return QString(reinterpret_cast<const QChar *>(text), 10);
}

std::optional<QDate> fromCanonicalDate(const QString &text)
{
    return canonicalDate(text);
}

std::optional<QDate> dateFromCanonicalUtf8(QByteArrayView text)
{
    return canonicalDate(text);
}

QDate dateFromText(const QString &text)
{
    return text.size() == 10 ? fromCanonicalDate(text).value_or(QDate()) : QDate();
}

} // namespace Timestamp
