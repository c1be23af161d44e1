#include "CacheSchema.h"

namespace CacheSchema {

// Released steps are never edited.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps{
        {
            QStringLiteral(
                "CREATE TABLE opportunities ("
                " id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, account_id TEXT,"
                " account_name TEXT, lead_id TEXT, value REAL NOT NULL,"
                " currency TEXT NOT NULL, stage TEXT NOT NULL, probability INTEGER NOT NULL,"
                " expected_close_date TEXT, description TEXT, owner_id TEXT,"
                " is_archived INTEGER NOT NULL, created_at TEXT, updated_at TEXT,"
                // Sync bookkeeping: the server state local edits started from (null while
                // there are none: the row is the server's state), and where it stands.
                " base TEXT, etag BLOB, sync_state INTEGER NOT NULL DEFAULT 0,"
                " sync_error TEXT, server_state TEXT, conflict_fields INTEGER NOT NULL DEFAULT 0,"
                " server_deleted INTEGER NOT NULL DEFAULT 0,"
                " local_deleted INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral(
                "CREATE TABLE accounts (id TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE opportunity_updates ("
                           " opportunity_id TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL,"
                           " fetched_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE outbox ("
                           " sequence INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " opportunity_id TEXT NOT NULL UNIQUE, operation TEXT NOT NULL,"
                           " fields INTEGER NOT NULL, idempotency_key TEXT,"
                           " attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT,"
                           " created_at TEXT NOT NULL, sent_body TEXT)"),
            QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT)"),
        },
        {
            // Whether a send may have landed is kept apart from how often it was tried: a refused
            // connection is a try that certainly created nothing.
            QStringLiteral("ALTER TABLE outbox ADD COLUMN in_doubt INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("UPDATE outbox SET in_doubt = 1 WHERE attempts > 0"),
            // The ids a record had here before the server gave it its own, so that an id once shown
            // (by `kashew new`, say) keeps naming the record.
            QStringLiteral("CREATE TABLE id_aliases (old_id TEXT PRIMARY KEY NOT NULL,"
                           " new_id TEXT NOT NULL)"),
        },
        {
            // The version of the record each history was fetched for: a history older than its
            // record is fetched again. Histories kept before (NULL) count as older.
            QStringLiteral("ALTER TABLE opportunity_updates ADD COLUMN record_version TEXT"),
        },
        {
            // A refusal's field errors as values (a JSON array of {field, message}) beside its
            // sentence, so that the fields at fault are not searched for in text. Records
            // refused before keep only the sentence (NULL here).
            QStringLiteral("ALTER TABLE opportunities ADD COLUMN sync_field_errors TEXT"),
        },
        {
            // Who owns deals: what the server's /users said (on_server: listed last time) and
            // the user's own name for an id, kept apart so that neither overwrites the other.
            QStringLiteral("CREATE TABLE people (id TEXT PRIMARY KEY NOT NULL, server_name TEXT,"
                           " server_email TEXT, on_server INTEGER NOT NULL DEFAULT 0,"
                           " local_name TEXT)"),
        },
        {
            // The ids an unfinished full pass (PullProgress) has seen: records are kept as their
            // pages arrive, and only a complete pass may take an absent record for deleted.
            QStringLiteral("CREATE TABLE pull_seen (id TEXT PRIMARY KEY NOT NULL)"),
            // Every request sent with the profile's key (RequestLedger), shared by the app and
            // `kashew`, so that together they stay within the key's budget: when, and whether
            // it was a write.
            QStringLiteral("CREATE TABLE request_log (at TEXT NOT NULL,"
                           " is_write INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX request_log_at ON request_log (at)"),
        }};
    return steps;
}

int version()
{
    return static_cast<int>(migrations().size());
}

} // namespace CacheSchema
