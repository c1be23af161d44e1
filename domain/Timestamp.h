#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

// The one text form of times and dates kashew stores and sends: UTC ISO 8601 with milliseconds
// ("2026-07-15T09:30:00.000Z"), dates as "2026-07-15". A null or invalid value is an empty
// string and reads back as null, on every side (cache, server, wire).
namespace Timestamp {

QString toText(const QDateTime &time);
// Null for empty or unreadable text; always in UTC.
QDateTime fromText(const QString &text);
QString dateToText(const QDate &date);
QDate dateFromText(const QString &text);

} // namespace Timestamp
