#include "SqlitePageJson.h"

#include "JsonCursor.h"
#include "JsonEscape.h"
#include "OpportunityColumns.h"
#include "OpportunityPageJson.h"
#include "Stage.h"

#include <QDate>
#include <QTime>
#include <array>
#include <cstring>
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

const char *textOf(sqlite3_stmt *statement, int column, qsizetype *size)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    *size = sqlite3_column_bytes(statement, column);
    return text;
}

// `size` bytes of UTF-8 at `text` as a JSON string; false for invalid UTF-8.
bool putUtf8String(JsonCursor &json, const char *text, qsizetype size)
{
    // The longest escape (\u00XX) is 6 bytes: room for every byte escaped, then no more checks.
    json.room(6 * size + 2);
    char *out = json.at();
    char *const first = out;
    const auto *bytes = reinterpret_cast<const unsigned char *>(text);
    *out++ = '"';
    qsizetype runStart = 0;
    qsizetype i = 0;
    while (i < size) {
        const unsigned char c = bytes[i];
        if (c < 0x80) {
            if (c >= 0x20 && c != '"' && c != '\\') {
                ++i;
                continue;
            }
            std::memcpy(out, text + runStart, static_cast<size_t>(i - runStart));
            out += i - runStart;
            out += JsonEscape::write(out, c);
            runStart = ++i;
            continue;
        }
        const int length = sequenceLength(bytes + i, size - i);
        if (length == 0)
            return false;
        i += length;
    }
    std::memcpy(out, text + runStart, static_cast<size_t>(size - runStart));
    out += size - runStart;
    *out++ = '"';
    json.advance(out - first);
    return true;
}

// A TEXT value as a JSON string; false for another type or invalid UTF-8.
bool putText(JsonCursor &json, sqlite3_stmt *statement, int column)
{
    if (sqlite3_column_type(statement, column) != SQLITE_TEXT)
        return false;
    qsizetype size = 0;
    const char *text = textOf(statement, column, &size);
    return text && putUtf8String(json, text, size);
}

// As putText, and NULL as null.
bool putNullableText(JsonCursor &json, sqlite3_stmt *statement, int column)
{
    if (sqlite3_column_type(statement, column) == SQLITE_NULL) {
        json.putLiteral("null");
        return true;
    }
    return putText(json, statement, column);
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
bool putCanonical(JsonCursor &json, sqlite3_stmt *statement, int column, qsizetype size,
                  Canonical canonical)
{
    const int type = sqlite3_column_type(statement, column);
    if (type == SQLITE_NULL) {
        json.putLiteral("null");
        return true;
    }
    if (type != SQLITE_TEXT)
        return false;
    qsizetype stored = 0;
    const char *text = textOf(statement, column, &stored);
    if (!text || stored != size || !canonical(text))
        return false;
    json.room(size + 2);
    char *out = json.at();
    out[0] = '"';
    std::memcpy(out + 1, text, static_cast<size_t>(size));
    out[size + 1] = '"';
    json.advance(size + 2);
    return true;
}

// NULL as null, a canonical date as itself; false for anything else.
bool putDate(JsonCursor &json, sqlite3_stmt *statement, int column)
{
    return putCanonical(json, statement, column, 10, isCanonicalDate);
}

// NULL as null, "YYYY-MM-DDTHH:MM:SS.mmmZ" of a real time as itself; false for anything else.
bool putTimestamp(JsonCursor &json, sqlite3_stmt *statement, int column)
{
    return putCanonical(json, statement, column, 24, [](const char *text) {
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
bool putStage(JsonCursor &json, sqlite3_stmt *statement, int column)
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
            json.put('"');
            json.put(id);
            json.put('"');
            return true;
        }
    }
    return false;
}

// As OpportunityPageJson::appendNumber.
void putNumber(JsonCursor &json, double value)
{
    if (const std::optional<qint64> integer = OpportunityPageJson::exactInteger(value)) {
        json.putNumber(*integer); // the usual case, without a QByteArray
        return;
    }
    QByteArray number;
    OpportunityPageJson::appendNumber(number, value);
    json.put(number);
}

bool putRecord(JsonCursor &json, sqlite3_stmt *statement, bool withEtag,
               const AccountNameJson &accountName)
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
    json.putLiteral("{\"account_id\":");
    if (!putNullableText(json, statement, c.accountId))
        return false;
    json.putLiteral(",\"account_name\":");
    if (!accountName) {
        if (!putNullableText(json, statement, c.accountName))
            return false;
    } else if (sqlite3_column_type(statement, c.accountId) == SQLITE_NULL) {
        json.putLiteral("null"); // no account: the join finds none
    } else {
        qsizetype size = 0;
        const char *id = textOf(statement, c.accountId, &size);
        QByteArray name;
        if (!id || !accountName(&name, QByteArrayView(id, size)))
            return false;
        json.put(name);
    }
    json.putLiteral(",\"created_at\":");
    if (!putTimestamp(json, statement, c.createdAt))
        return false;
    json.putLiteral(",\"currency\":");
    if (!putText(json, statement, c.currency))
        return false;
    json.putLiteral(",\"description\":");
    if (!putNullableText(json, statement, c.description))
        return false;
    if (withEtag) {
        json.putLiteral(",\"etag\":\"\\\"");
        json.putNumber(sqlite3_column_int64(statement, c.version));
        json.putLiteral("\\\"\"");
    }
    json.putLiteral(",\"expected_close_date\":");
    if (!putDate(json, statement, c.expectedCloseDate))
        return false;
    json.putLiteral(",\"id\":");
    if (!putText(json, statement, c.id))
        return false;
    if (archived)
        json.putLiteral(",\"is_archived\":true");
    else
        json.putLiteral(",\"is_archived\":false");
    json.putLiteral(",\"lead_id\":");
    if (!putNullableText(json, statement, c.leadId))
        return false;
    json.putLiteral(",\"name\":");
    if (!putText(json, statement, c.name))
        return false;
    json.putLiteral(",\"owner_id\":");
    if (!putNullableText(json, statement, c.ownerId))
        return false;
    json.putLiteral(",\"probability\":");
    json.putNumber(probability);
    json.putLiteral(",\"stage\":");
    if (!putStage(json, statement, c.stage))
        return false;
    json.putLiteral(",\"updated_at\":");
    if (!putTimestamp(json, statement, c.updatedAt))
        return false;
    json.putLiteral(",\"value\":");
    // As QtSql's QVariant::toDouble(): an integer converts as C++ converts it.
    putNumber(json, valueType == SQLITE_FLOAT
                        ? sqlite3_column_double(statement, c.value)
                        : static_cast<double>(sqlite3_column_int64(statement, c.value)));
    json.put('}');
    return true;
}

} // namespace

bool appendUtf8String(QByteArray &json, const char *text, qsizetype size)
{
    JsonCursor cursor(json);
    return putUtf8String(cursor, text, size);
}

Outcome appendRecords(QByteArray &json, sqlite3_stmt *statement, bool withEtags,
                      const AccountNameJson &accountName, qint64 *rows, qint64 *lastSeq)
{
    const qsizetype before = json.size();
    JsonCursor cursor(json);
    bool first = true;
    *rows = 0;
    for (;;) {
        const int step = sqlite3_step(statement);
        if (step == SQLITE_DONE)
            return Outcome::Written;
        if (step != SQLITE_ROW) {
            cursor.rewind(before);
            return Outcome::Failed;
        }
        if (!first)
            cursor.put(',');
        first = false;
        if (!putRecord(cursor, statement, withEtags, accountName)) {
            cursor.rewind(before);
            return Outcome::Unusual;
        }
        ++*rows;
        *lastSeq = sqlite3_column_int64(statement, columns().version + 1);
    }
}

} // namespace SqlitePageJson
