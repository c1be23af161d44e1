#pragma once

#include <QByteArrayView>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <optional>

// The one text form of times and dates kashew stores and sends: UTC ISO 8601 with milliseconds
// ("2026-07-15T09:30:00.000Z"), dates as "2026-07-15". A null or invalid value is an empty
// string and reads back as null, on every side (cache, server, wire).
namespace Timestamp {

QString toText(const QDateTime &time);
// Null for empty or unreadable text; always in UTC.
QDateTime fromText(const QString &text);
QString dateToText(const QDate &date);
// Null unless exactly "YYYY-MM-DD".
QDate dateFromText(const QString &text);

// The fast paths, without QDateTime's general parser (a full cache read parses 200,000 times):
// "YYYY-MM-DDTHH:MM:SS[.mmm]Z", and "YYYY-MM-DD" at the start of `text`.
std::optional<QDateTime> fromCanonicalText(const QString &text);
std::optional<QDate> fromCanonicalDate(const QString &text);
// The same from UTF-8 (as SQLite hands text over), without making a QString first.
std::optional<QDateTime> fromCanonicalUtf8(QByteArrayView text);
std::optional<QDate> dateFromCanonicalUtf8(QByteArrayView text);

} // namespace Timestamp
