#include "OpportunityPageJson.h"

#include "EntityTag.h"
#include "JsonEscape.h"
#include "Timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <cmath>

namespace OpportunityPageJson {

namespace {

// A JSON string as Qt's writer escapes it: ", \ and control characters escaped, the rest as
// UTF-8, and a lone surrogate (no UTF-8 for it) as \uXXXX. Written through a local buffer: one
// QByteArray::append per piece of at most 256 bytes, not one per character.
void appendString(QByteArray &json, QStringView text)
{
    char buffer[256 + 8];
    qsizetype used = 0;
    buffer[used++] = '"';
    const char16_t *it = text.utf16();
    const char16_t *const end = it + text.size();
    while (it != end) {
        if (used > 256) {
            json.append(buffer, used);
            used = 0;
        }
        const char16_t u = *it++;
        if (u < 0x80) {
            if (u >= 0x20 && u != u'"' && u != u'\\') {
                buffer[used++] = static_cast<char>(u);
                continue;
            }
            used += JsonEscape::write(buffer + used, static_cast<unsigned char>(u));
        } else if (u < 0x800) {
            buffer[used++] = static_cast<char>(0xc0 | (u >> 6));
            buffer[used++] = static_cast<char>(0x80 | (u & 0x3f));
        } else if (!QChar::isSurrogate(u)) {
            buffer[used++] = static_cast<char>(0xe0 | (u >> 12));
            buffer[used++] = static_cast<char>(0x80 | ((u >> 6) & 0x3f));
            buffer[used++] = static_cast<char>(0x80 | (u & 0x3f));
        } else if (QChar::isHighSurrogate(u) && it != end && QChar::isLowSurrogate(*it)) {
            const char32_t code = QChar::surrogateToUcs4(u, *it++);
            buffer[used++] = static_cast<char>(0xf0 | (code >> 18));
            buffer[used++] = static_cast<char>(0x80 | ((code >> 12) & 0x3f));
            buffer[used++] = static_cast<char>(0x80 | ((code >> 6) & 0x3f));
            buffer[used++] = static_cast<char>(0x80 | (code & 0x3f));
        } else {
            buffer[used++] = '\\';
            buffer[used++] = 'u';
            buffer[used++] = JsonEscape::hexDigit(u >> 12 & 0xf);
            buffer[used++] = JsonEscape::hexDigit(u >> 8 & 0xf);
            buffer[used++] = JsonEscape::hexDigit(u >> 4 & 0xf);
            buffer[used++] = JsonEscape::hexDigit(u & 0xf);
        }
    }
    buffer[used++] = '"';
    json.append(buffer, used);
}

void appendNullableString(QByteArray &json, const QString &text)
{
    if (text.isNull())
        json += "null";
    else
        appendString(json, text);
}

// `value` in `width` decimal digits at `out`, zeros in front.
char *putDigits(char *out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    return out + width;
}

// "yyyy-MM-dd" at `out`, for years 1 to 9999.
char *putDate(char *out, const QDate &date)
{
    out = putDigits(out, date.year(), 4);
    *out++ = '-';
    out = putDigits(out, date.month(), 2);
    *out++ = '-';
    return putDigits(out, date.day(), 2);
}

// Timestamp::toText's form, "yyyy-MM-ddTHH:mm:ss.zzzZ", written without QString for the usual
// UTC time of years 1 to 9999; any other goes through Timestamp::toText.
void appendTimestamp(QByteArray &json, const QDateTime &time)
{
    if (!time.isValid()) {
        json += "null";
        return;
    }
    if (time.timeSpec() == Qt::UTC) {
        const QDate date = time.date();
        if (date.year() >= 1 && date.year() <= 9999) {
            const QTime clock = time.time();
            char text[32];
            char *out = text;
            *out++ = '"';
            out = putDate(out, date);
            *out++ = 'T';
            out = putDigits(out, clock.hour(), 2);
            *out++ = ':';
            out = putDigits(out, clock.minute(), 2);
            *out++ = ':';
            out = putDigits(out, clock.second(), 2);
            *out++ = '.';
            out = putDigits(out, clock.msec(), 3);
            *out++ = 'Z';
            *out++ = '"';
            json.append(text, out - text);
            return;
        }
    }
    appendString(json, Timestamp::toText(time));
}

void appendDate(QByteArray &json, const QDate &date)
{
    if (!date.isValid()) {
        json += "null";
        return;
    }
    if (date.year() >= 1 && date.year() <= 9999) {
        char text[16];
        char *out = text;
        *out++ = '"';
        out = putDate(out, date);
        *out++ = '"';
        json.append(text, out - text);
        return;
    }
    appendString(json, Timestamp::dateToText(date));
}

} // namespace

// 2^53: every whole number below it in magnitude is exact in a double.
constexpr double exactLimit = 9007199254740992.0;

std::optional<qint64> exactInteger(double value)
{
    if (std::isfinite(value) && std::fabs(value) < exactLimit && std::trunc(value) == value)
        return static_cast<qint64>(value);
    return std::nullopt;
}

// As QJsonValue(double) and Qt's writer: a whole number within a double's exact range as an
// integer, other finite numbers in their shortest form. Anything else (beyond 2^53, not finite)
// goes through Qt itself, which decides those edges.
void appendNumber(QByteArray &json, double value)
{
    if (const std::optional<qint64> integer = exactInteger(value)) {
        json += QByteArray::number(*integer);
        return;
    }
    if (std::isfinite(value) && std::fabs(value) < exactLimit) {
        json += QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
        return;
    }
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    json.append(array.constData() + 1, array.size() - 2); // without the brackets
}

void appendRecord(QByteArray &json, const StoredOpportunity &stored, bool withEtag)
{
    const Opportunity &o = stored.opportunity;
    // QJsonObject's order: keys sorted.
    json += "{\"account_id\":";
    appendNullableString(json, o.accountId);
    json += ",\"account_name\":";
    appendNullableString(json, o.accountName);
    json += ",\"created_at\":";
    appendTimestamp(json, o.createdAt);
    json += ",\"currency\":";
    appendString(json, o.currency);
    json += ",\"description\":";
    appendNullableString(json, o.description);
    if (withEtag) {
        json += ",\"etag\":";
        // A quoted number: the quotes are escaped inside the JSON string.
        json += "\"\\\"";
        json += QByteArray::number(stored.version);
        json += "\\\"\"";
    }
    json += ",\"expected_close_date\":";
    appendDate(json, o.expectedCloseDate);
    json += ",\"id\":";
    appendString(json, o.id);
    json += ",\"is_archived\":";
    json += o.isArchived ? "true" : "false";
    json += ",\"lead_id\":";
    appendNullableString(json, o.leadId);
    json += ",\"name\":";
    appendString(json, o.name);
    json += ",\"owner_id\":";
    appendNullableString(json, o.ownerId);
    json += ",\"probability\":";
    json += QByteArray::number(o.probability);
    json += ",\"stage\":";
    appendString(json, Stages::id(o.stage));
    json += ",\"updated_at\":";
    appendTimestamp(json, o.updatedAt);
    json += ",\"value\":";
    appendNumber(json, o.value);
    json += '}';
}

QByteArray write(const ListPage<StoredOpportunity> &page, int pageNumber, int pageSize,
                 bool withEtags)
{
    QByteArray json;
    // About 600 bytes a record: one allocation for most pages.
    json.reserve(64 + page.items.size() * 640);
    appendStart(json);
    bool first = true;
    for (const StoredOpportunity &stored : page.items) {
        if (!first)
            json += ',';
        first = false;
        appendRecord(json, stored, withEtags);
    }
    appendEnd(json, pageNumber, pageSize, page.totalCount);
    return json;
}

void appendStart(QByteArray &json)
{
    json += "{\"opportunities\":[";
}

void appendEnd(QByteArray &json, int pageNumber, int pageSize, qint64 totalCount)
{
    json += "],\"page\":";
    json += QByteArray::number(pageNumber);
    json += ",\"pageSize\":";
    json += QByteArray::number(pageSize);
    json += ",\"totalCount\":";
    json += QByteArray::number(totalCount);
    json += '}';
}

} // namespace OpportunityPageJson
