#include "SqlitePageJson.h"

#include "JsonEscape.h"
#include "OpportunityColumns.h"
#include "OpportunityPageJson.h"
#include "Stage.h"

#include <QDate>
#include <QTime>
#include <array>
#include <sqlite3.h>

namespace SqlitePageJson {

namespace {

// Where each field is in the select list (OpportunityColumns' order, then the version).
struct Columns
{
    int id = -1, name = -1, accountId = -1, accountName = -1, leadId = -1, value = -1,
        currency = -1, stage = -1, probability = -1, expectedCloseDate = -1, description = -1,
        ownerId = -1, isArchived = -1, createdAt = -1, updatedAt = -1, version = -1;
};

const Columns &columns()
{
    static const Columns positions = [] {
        Columns c;
        const QList<OpportunityColumns::Column> &all = OpportunityColumns::all();
        for (int i = 0; i < all.size(); ++i) {
            switch (all.at(i).field) {
            case OpportunityField::Id:
                c.id = i;
                break;
            case OpportunityField::Name:
                c.name = i;
                break;
            case OpportunityField::AccountId:
                c.accountId = i;
                break;
            case OpportunityField::AccountName:
                c.accountName = i;
                break;
            case OpportunityField::LeadId:
                c.leadId = i;
                break;
            case OpportunityField::Value:
                c.value = i;
                break;
            case OpportunityField::Currency:
                c.currency = i;
                break;
            case OpportunityField::Stage:
                c.stage = i;
                break;
            case OpportunityField::Probability:
                c.probability = i;
                break;
            case OpportunityField::ExpectedCloseDate:
                c.expectedCloseDate = i;
                break;
            case OpportunityField::Description:
                c.description = i;
                break;
            case OpportunityField::OwnerId:
                c.ownerId = i;
                break;
            case OpportunityField::IsArchived:
                c.isArchived = i;
                break;
            case OpportunityField::CreatedAt:
                c.createdAt = i;
                break;
            case OpportunityField::UpdatedAt:
                c.updatedAt = i;
                break;
            default:
                break;
            }
        }
        c.version = static_cast<int>(all.size());
        return c;
    }();
    return positions;
}

// The length of the valid UTF-8 sequence at `text` (RFC 3629: no overlong forms, surrogates or
// code points past U+10FFFF), 0 if it is not one or is U+FFFE or U+FFFF.
int sequenceLength(const unsigned char *text, qsizetype available)
{
    const unsigned char lead = text[0];
    const auto continuation = [&](qsizetype i, unsigned char low = 0x80,
                                  unsigned char high = 0xbf) {
        return i < available && text[i] >= low && text[i] <= high;
    };
    if (lead >= 0xc2 && lead <= 0xdf)
        return continuation(1) ? 2 : 0;
    if (lead >= 0xe0 && lead <= 0xef) {
        const unsigned char low = lead == 0xe0 ? 0xa0 : 0x80;
        const unsigned char high = lead == 0xed ? 0x9f : 0xbf;
        if (!continuation(1, low, high) || !continuation(2))
            return 0;
        // SQLite reads U+FFFE and U+FFFF as U+FFFD for QtSql (its UTF-16): the general way
        // writes that, not these.
        return lead == 0xef && text[1] == 0xbf && text[2] >= 0xbe ? 0 : 3;
    }
    if (lead >= 0xf0 && lead <= 0xf4) {
        const unsigned char low = lead == 0xf0 ? 0x90 : 0x80;
        const unsigned char high = lead == 0xf4 ? 0x8f : 0xbf;
        return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
    }
    return 0;
}

void appendEscape(QByteArray &json, unsigned char c)
{
    char escape[6];
    json.append(escape, JsonEscape::write(escape, c));
}

const char *textOf(sqlite3_stmt *statement, int column, qsizetype *size)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    *size = sqlite3_column_bytes(statement, column);
    return text;
}

// A TEXT value as a JSON string; false for another type or invalid UTF-8.
bool appendText(QByteArray &json, sqlite3_stmt *statement, int column)
{
    if (sqlite3_column_type(statement, column) != SQLITE_TEXT)
        return false;
    qsizetype size = 0;
    const char *text = textOf(statement, column, &size);
    return text && appendUtf8String(json, text, size);
}

// As appendText, and NULL as null.
bool appendNullableText(QByteArray &json, sqlite3_stmt *statement, int column)
{
    if (sqlite3_column_type(statement, column) == SQLITE_NULL) {
        json += "null";
        return true;
    }
    return appendText(json, statement, column);
}

// The digits at [from, from + count) of `text` as a number; -1 if any is not a digit.
int digits(const char *text, int from, int count)
{
    int number = 0;
    for (int i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return -1;
        number = number * 10 + (text[i] - '0');
    }
    return number;
}

// "YYYY-MM-DD" of a real date in years 1 to 9999: what Timestamp reads and
// OpportunityPageJson writes back unchanged.
bool isCanonicalDate(const char *text)
{
    if (text[4] != '-' || text[7] != '-')
        return false;
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    return year >= 1 && month >= 0 && day >= 0 && QDate::isValid(year, month, day);
}

// NULL as null, a text of `size` bytes that `canonical` accepts as itself; false for anything
// else (the page then takes the general way).
template <typename Canonical>
bool appendCanonical(QByteArray &json, sqlite3_stmt *statement, int column, qsizetype size,
                     Canonical canonical)
{
    const int type = sqlite3_column_type(statement, column);
    if (type == SQLITE_NULL) {
        json += "null";
        return true;
    }
    if (type != SQLITE_TEXT)
        return false;
    qsizetype stored = 0;
    const char *text = textOf(statement, column, &stored);
    if (!text || stored != size || !canonical(text))
        return false;
    json += '"';
    json.append(text, size);
    json += '"';
    return true;
}

// NULL as null, a canonical date as itself; false for anything else.
bool appendDate(QByteArray &json, sqlite3_stmt *statement, int column)
{
    return appendCanonical(json, statement, column, 10, isCanonicalDate);
}

// NULL as null, "YYYY-MM-DDTHH:MM:SS.mmmZ" of a real time as itself; false for anything else.
bool appendTimestamp(QByteArray &json, sqlite3_stmt *statement, int column)
{
    return appendCanonical(json, statement, column, 24, [](const char *text) {
        if (!isCanonicalDate(text) || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
            text[19] != '.' || text[23] != 'Z')
            return false;
        const int hour = digits(text, 11, 2);
        const int minute = digits(text, 14, 2);
        const int second = digits(text, 17, 2);
        const int ms = digits(text, 20, 3);
        return hour >= 0 && minute >= 0 && second >= 0 && ms >= 0 &&
               QTime::isValid(hour, minute, second, ms);
    });
}

// A stage's exact wire name as itself; false for anything Stages::fromId would have to read.
bool appendStage(QByteArray &json, sqlite3_stmt *statement, int column)
{
    static const QList<QByteArray> ids = [] {
        QList<QByteArray> names;
        for (const Stage stage : Stages::all())
            names.append(Stages::id(stage).toUtf8());
        return names;
    }();
    if (sqlite3_column_type(statement, column) != SQLITE_TEXT)
        return false;
    qsizetype size = 0;
    const char *text = textOf(statement, column, &size);
    if (!text)
        return false;
    const QByteArrayView stored(text, size);
    for (const QByteArray &id : ids) {
        if (stored == id) {
            json += '"';
            json += id;
            json += '"';
            return true;
        }
    }
    return false;
}

bool appendRecord(QByteArray &json, sqlite3_stmt *statement, bool withEtag,
                  const AccountNameWriter &accountName)
{
    const Columns &c = columns();
    if (sqlite3_column_type(statement, c.probability) != SQLITE_INTEGER ||
        sqlite3_column_type(statement, c.isArchived) != SQLITE_INTEGER ||
        sqlite3_column_type(statement, c.version) != SQLITE_INTEGER)
        return false;
    const qint64 probability = sqlite3_column_int64(statement, c.probability);
    const qint64 archived = sqlite3_column_int64(statement, c.isArchived);
    if (probability < std::numeric_limits<int>::min() ||
        probability > std::numeric_limits<int>::max() || (archived != 0 && archived != 1))
        return false;
    const int valueType = sqlite3_column_type(statement, c.value);
    if (valueType != SQLITE_FLOAT && valueType != SQLITE_INTEGER)
        return false;
    // The keys in OpportunityPageJson::appendRecord's order.
    json += "{\"account_id\":";
    if (!appendNullableText(json, statement, c.accountId))
        return false;
    json += ",\"account_name\":";
    if (!accountName) {
        if (!appendNullableText(json, statement, c.accountName))
            return false;
    } else if (sqlite3_column_type(statement, c.accountId) == SQLITE_NULL) {
        json += "null"; // no account: the join finds none
    } else {
        qsizetype size = 0;
        const char *id = textOf(statement, c.accountId, &size);
        if (!id || !accountName(json, QByteArrayView(id, size)))
            return false;
    }
    json += ",\"created_at\":";
    if (!appendTimestamp(json, statement, c.createdAt))
        return false;
    json += ",\"currency\":";
    if (!appendText(json, statement, c.currency))
        return false;
    json += ",\"description\":";
    if (!appendNullableText(json, statement, c.description))
        return false;
    if (withEtag) {
        json += ",\"etag\":\"\\\"";
        json += QByteArray::number(sqlite3_column_int64(statement, c.version));
        json += "\\\"\"";
    }
    json += ",\"expected_close_date\":";
    if (!appendDate(json, statement, c.expectedCloseDate))
        return false;
    json += ",\"id\":";
    if (!appendText(json, statement, c.id))
        return false;
    json += archived ? ",\"is_archived\":true" : ",\"is_archived\":false";
    json += ",\"lead_id\":";
    if (!appendNullableText(json, statement, c.leadId))
        return false;
    json += ",\"name\":";
    if (!appendText(json, statement, c.name))
        return false;
    json += ",\"owner_id\":";
    if (!appendNullableText(json, statement, c.ownerId))
        return false;
    json += ",\"probability\":";
    json += QByteArray::number(static_cast<int>(probability));
    json += ",\"stage\":";
    if (!appendStage(json, statement, c.stage))
        return false;
    json += ",\"updated_at\":";
    if (!appendTimestamp(json, statement, c.updatedAt))
        return false;
    json += ",\"value\":";
    // As QtSql's QVariant::toDouble(): an integer converts as C++ converts it.
    OpportunityPageJson::appendNumber(
        json, valueType == SQLITE_FLOAT
                  ? sqlite3_column_double(statement, c.value)
                  : static_cast<double>(sqlite3_column_int64(statement, c.value)));
    json += '}';
    return true;
}

} // namespace

bool appendUtf8String(QByteArray &json, const char *text, qsizetype size)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(text);
    json += '"';
    qsizetype runStart = 0;
    qsizetype i = 0;
    while (i < size) {
        const unsigned char c = bytes[i];
        if (c < 0x80) {
            if (c >= 0x20 && c != '"' && c != '\\') {
                ++i;
                continue;
            }
            json.append(text + runStart, i - runStart);
            appendEscape(json, c);
            runStart = ++i;
            continue;
        }
        const int length = sequenceLength(bytes + i, size - i);
        if (length == 0)
            return false;
        i += length;
    }
    json.append(text + runStart, size - runStart);
    json += '"';
    return true;
}

Outcome appendRecords(QByteArray &json, sqlite3_stmt *statement, bool withEtags,
                      const AccountNameWriter &accountName, qint64 *rows, qint64 *lastSeq)
{
    const qsizetype before = json.size();
    bool first = true;
    *rows = 0;
    for (;;) {
        const int step = sqlite3_step(statement);
        if (step == SQLITE_DONE)
            return Outcome::Written;
        if (step != SQLITE_ROW) {
            json.truncate(before);
            return Outcome::Failed;
        }
        if (!first)
            json += ',';
        first = false;
        if (!appendRecord(json, statement, withEtags, accountName)) {
            json.truncate(before);
            return Outcome::Unusual;
        }
        ++*rows;
        *lastSeq = sqlite3_column_int64(statement, columns().version + 1);
    }
}

} // namespace SqlitePageJson
