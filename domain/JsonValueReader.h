#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <optional>

// Tolerant readers for single JSON values, as servers actually send them: numbers as strings,
// dates with or without a time, booleans as 0/1 or "true". Each returns nullopt and sets
// *error to a sentence on a value it cannot read.
namespace JsonValueReader {

// The value under either spelling of a key (snake_case first); Undefined when neither is there.
QJsonValue lookup(const QJsonObject &object, const QString &snakeKey, const QString &camelKey);

std::optional<QString> string(const QJsonValue &value, QString *error);
std::optional<double> number(const QJsonValue &value, QString *error);
std::optional<int> integer(const QJsonValue &value, QString *error);
std::optional<bool> boolean(const QJsonValue &value, QString *error);
// "2026-07-15", or a timestamp whose date part is taken as written.
std::optional<QDate> date(const QJsonValue &value, QString *error);
// ISO 8601 with or without milliseconds, zone or 'T'; a bare date is midnight UTC. Result in UTC.
std::optional<QDateTime> timestamp(const QJsonValue &value, QString *error);

// The same parsing for text from elsewhere (query strings, command lines).
std::optional<double> parseNumber(const QString &text);
std::optional<bool> parseBoolean(const QString &text);
std::optional<QDate> parseDate(const QString &text);
std::optional<QDateTime> parseTimestamp(const QString &text);

} // namespace JsonValueReader
