#include "JsonValueReader.h"

#include "Timestamp.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <cmath>

namespace JsonValueReader {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("JsonValueReader", text);
}

} // namespace

QJsonValue lookup(const QJsonObject &object, const QString &snakeKey, const QString &camelKey)
{
    const auto snake = object.constFind(snakeKey);
    if (snake != object.constEnd())
        return *snake;
    const auto camel = object.constFind(camelKey);
    return camel != object.constEnd() ? *camel : QJsonValue(QJsonValue::Undefined);
}

std::optional<QString> string(const QJsonValue &value, QString *error)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    *error = tr("expected text");
    return std::nullopt;
}

std::optional<double> parseNumber(const QString &text)
{
    bool ok = false;
    const double number = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(number))
        return std::nullopt;
    return number;
}

std::optional<double> number(const QJsonValue &value, QString *error)
{
    if (value.isDouble()) {
        if (std::isfinite(value.toDouble()))
            return value.toDouble();
    } else if (value.isString()) {
        if (const auto parsed = parseNumber(value.toString()))
            return parsed;
    }
    *error = tr("expected a number");
    return std::nullopt;
}

std::optional<int> integer(const QJsonValue &value, QString *error)
{
    const auto parsed = number(value, error);
    if (!parsed)
        return std::nullopt;
    if (std::trunc(*parsed) != *parsed || std::abs(*parsed) > 2147483647.0) {
        *error = tr("expected a whole number");
        return std::nullopt;
    }
    return static_cast<int>(*parsed);
}

std::optional<bool> parseBoolean(const QString &text)
{
    const QString lower = text.trimmed().toLower();
    if (lower == QLatin1String("true") || lower == QLatin1String("1") ||
        lower == QLatin1String("yes"))
        return true;
    if (lower == QLatin1String("false") || lower == QLatin1String("0") ||
        lower == QLatin1String("no"))
        return false;
    return std::nullopt;
}

std::optional<bool> boolean(const QJsonValue &value, QString *error)
{
    if (value.isBool())
        return value.toBool();
    if (value.isDouble() && (value.toDouble() == 0 || value.toDouble() == 1))
        return value.toDouble() == 1;
    if (value.isString()) {
        if (const auto parsed = parseBoolean(value.toString()))
            return parsed;
    }
    *error = tr("expected true or false");
    return std::nullopt;
}

std::optional<QDate> parseDate(const QString &text)
{
    if (text.size() == 10)
        return Timestamp::fromCanonicalDate(text);
    static const QRegularExpression datePrefix(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})([T ].*)?$"));
    const QRegularExpressionMatch match = datePrefix.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const QDate date = QDate::fromString(match.captured(1), Qt::ISODate);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

std::optional<QDate> date(const QJsonValue &value, QString *error)
{
    if (value.isString()) {
        if (const auto parsed = parseDate(value.toString()))
            return parsed;
    }
    *error = tr("expected a date as YYYY-MM-DD");
    return std::nullopt;
}

std::optional<QDateTime> parseTimestamp(const QString &text)
{
    if (const auto canonical = Timestamp::fromCanonicalText(text))
        return canonical;
    QString normalized = text.trimmed();
    if (normalized.size() == 10) {
        const auto day = parseDate(normalized);
        if (!day)
            return std::nullopt;
        return QDateTime(*day, QTime(0, 0), Qt::UTC);
    }
    if (normalized.size() > 10 && normalized.at(10) == QLatin1Char(' '))
        normalized[10] = QLatin1Char('T');
    // Qt reads at most milliseconds; servers written in other languages send microseconds.
    static const QRegularExpression longFraction(QStringLiteral("(\\.\\d{3})\\d+"));
    normalized.replace(longFraction, QStringLiteral("\\1"));
    // Without a zone the server means UTC, not this machine's local time (where the time might
    // even fall into a daylight-saving gap).
    static const QRegularExpression zone(QStringLiteral("(Z|[+-]\\d{2}:?\\d{2})$"));
    if (!zone.match(normalized).hasMatch())
        normalized += QLatin1Char('Z');
    const QDateTime parsed = QDateTime::fromString(normalized, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed.toUTC();
}

std::optional<QDateTime> timestamp(const QJsonValue &value, QString *error)
{
    if (value.isString()) {
        if (const auto parsed = parseTimestamp(value.toString()))
            return parsed;
    }
    *error = tr("expected a date and time (ISO 8601)");
    return std::nullopt;
}

} // namespace JsonValueReader
