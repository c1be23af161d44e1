#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <functional>

struct sqlite3_stmt;

// The records of a list page written from SQLite's own UTF-8 text, for the listing on SQLite:
// no QVariant, QString, QDateTime or Opportunity per value, which cost the server more than the
// query itself. The bytes are OpportunityPageJson::appendRecord's for the same row, as long as
// every value is in the form kashew-server stores (valid UTF-8, canonical times and dates, known
// stages, numbers as numbers); a row in any other form is Unusual, and the caller writes the
// page the general way instead.
namespace SqlitePageJson {

enum class Outcome
{
    Written,
    Unusual, // a value not in the stored form; `json` is as it was
    Failed,  // SQLite failed stepping: sqlite3_errmsg() says why; `json` is as it was
};

// Sets `*json` to the account name of the account with id `accountId` (UTF-8) as a JSON value:
// its string, or null when there is no such account (as the listing's LEFT JOIN has it); false
// when it cannot (the page then takes the general way).
using AccountNameJson = std::function<bool(QByteArray *json, QByteArrayView accountId)>;

// Steps `statement` to its end, appending one record per row (rows separated by commas) after
// what `json` holds. The statement's columns are ServerRows::opportunitySelect's, then the seq;
// with `accountName`, the account name column is not read, and `accountName` writes each one
// instead. `rows` and `lastSeq` tell how many rows there were and the last one's seq.
Outcome appendRecords(QByteArray &json, sqlite3_stmt *statement, bool withEtags,
                      const AccountNameJson &accountName, qint64 *rows, qint64 *lastSeq);

// The JSON string of `size` bytes of UTF-8 at `text`, escaped as OpportunityPageJson's
// appendString escapes; false (and `json` as it was) if the bytes are not valid UTF-8, or
// hold U+FFFE or U+FFFF (which SQLite hands QtSql as U+FFFD).
bool appendUtf8String(QByteArray &json, const char *text, qsizetype size);

} // namespace SqlitePageJson
