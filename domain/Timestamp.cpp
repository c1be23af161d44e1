#include "Timestamp.h"

namespace Timestamp {

namespace {

// The digits at [from, from + count) as a number; -1 if any is not a digit.
int digits(const QString &text, int from, int count)
{
    int number = 0;
    for (int i = from; i < from + count; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < u'0' || c > u'9')
            return -1;
        number = number * 10 + (c - u'0');
    }
    return number;
}

} // namespace

QString toText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

std::optional<QDateTime> fromCanonicalText(const QString &text)
{
    const bool withMs = text.size() == 24;
    if ((text.size() != 20 && !withMs) || text.at(10) != QLatin1Char('T') ||
        !text.endsWith(QLatin1Char('Z')) || text.at(13) != QLatin1Char(':') ||
        text.at(16) != QLatin1Char(':') || (withMs && text.at(19) != QLatin1Char('.')))
        return std::nullopt;
    const auto date = fromCanonicalDate(text);
    const QTime time(digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2),
                     withMs ? digits(text, 20, 3) : 0);
    if (!date || !time.isValid())
        return std::nullopt;
    return QDateTime(*date, time, Qt::UTC);
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
    if (text.size() < 10 || text.at(4) != QLatin1Char('-') || text.at(7) != QLatin1Char('-'))
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

QDate dateFromText(const QString &text)
{
    return text.size() == 10 ? fromCanonicalDate(text).value_or(QDate()) : QDate();
}

} // namespace Timestamp
