#include "ImportDateReader.h"

#include <QRegularExpression>

namespace {

struct Parts
{
    int first = 0;
    int second = 0;
    int year = 0;
};

const QRegularExpression &slashed()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,2})/(\\d{1,2})/(\\d{4})$"));
    return pattern;
}

std::optional<Parts> slashedParts(const QString &text)
{
    const QRegularExpressionMatch match = slashed().match(text);
    if (!match.hasMatch())
        return std::nullopt;
    return Parts{match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt()};
}

} // namespace

ImportDateReader::ImportDateReader(const QLocale &locale, const QStringList &column)
    : m_localeMonthFirst(locale.dateFormat(QLocale::ShortFormat).startsWith(QLatin1Char('M')))
{
    bool dayFirst = false;
    bool monthFirst = false;
    for (const QString &cell : column) {
        const std::optional<Parts> parts = slashedParts(cell.trimmed());
        if (!parts)
            continue;
        dayFirst = dayFirst || (parts->first > 12 && parts->second <= 12);
        monthFirst = monthFirst || (parts->second > 12 && parts->first <= 12);
    }
    if (dayFirst != monthFirst)
        m_order = dayFirst ? SlashOrder::DayFirst : SlashOrder::MonthFirst;
}

Result<QDate> ImportDateReader::date(const QString &text) const
{
    const QString trimmed = text.trimmed();
    const auto notADate = [&text] {
        return Failure{tr("not a date: '%1'").arg(text)};
    };

    static const QRegularExpression iso(QStringLiteral("^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})$"));
    static const QRegularExpression dotted(QStringLiteral("^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})$"));
    QDate date;
    if (const QRegularExpressionMatch match = iso.match(trimmed); match.hasMatch()) {
        date =
            QDate(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    } else if (const QRegularExpressionMatch match = dotted.match(trimmed); match.hasMatch()) {
        date =
            QDate(match.captured(3).toInt(), match.captured(2).toInt(), match.captured(1).toInt());
    } else if (const std::optional<Parts> parts = slashedParts(trimmed)) {
        if (parts->first < 1 || parts->second < 1)
            return notADate();
        SlashOrder order = m_order;
        if (parts->first > 12 || parts->first == parts->second)
            order = SlashOrder::DayFirst;
        else if (parts->second > 12)
            order = SlashOrder::MonthFirst;
        if (order == SlashOrder::Unknown) {
            const bool monthFirst = m_localeMonthFirst;
            const QDate example(parts->year, monthFirst ? parts->first : parts->second,
                                monthFirst ? parts->second : parts->first);
            return Failure{tr("ambiguous date '%1': write it as %2 or %3")
                               .arg(text, example.toString(Qt::ISODate),
                                    example.toString(QStringLiteral("dd.MM.yyyy")))};
        }
        date = order == SlashOrder::DayFirst ? QDate(parts->year, parts->second, parts->first)
                                             : QDate(parts->year, parts->first, parts->second);
    } else {
        return notADate();
    }
    if (!date.isValid())
        return notADate();
    return date;
}
