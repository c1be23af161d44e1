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

} // namespace

QString toText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
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
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
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
