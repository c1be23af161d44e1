#include "PostgresSchema.h"

#include "ServerSchema.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <algorithm>

namespace PostgresSchema {

namespace {

// The advisory lock key every kashew-server process takes while it migrates (any constant
// kept by no other program on the database will do).
constexpr qint64 migrationLock = 0x6b61736865770001;

// Each step takes the schema from version N to N+1; steps are never edited once released.
// Column names and text forms are SQLite's (ServerSchema): timestamps and dates as ISO text,
// is_archived 0/1, so that ServerRows and OpportunityColumns read both alike. Identifiers and
// timestamps compare byte by byte (COLLATE "C") as SQLite's do, whatever the database's locale.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps{
        {
            // Trusted since PostgreSQL 13: the database's owner may create it.
            QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm"),
            QStringLiteral("CREATE TABLE accounts ("
                           " id TEXT COLLATE \"C\" PRIMARY KEY NOT NULL,"
                           " name TEXT NOT NULL,"
                           " name_folded TEXT NOT NULL,"
                           " type TEXT, status TEXT NOT NULL, industry TEXT, website TEXT,"
                           " country TEXT, owner_id TEXT, is_archived INTEGER NOT NULL DEFAULT 0,"
                           " created_at TEXT COLLATE \"C\" NOT NULL)"),
            QStringLiteral("CREATE INDEX accounts_by_created ON accounts"
                           " (is_archived, created_at DESC, id)"),
            // seq follows creation order (see ServerStore::nextTimestamp()), as SQLite's rowid.
            QStringLiteral("CREATE TABLE opportunities ("
                           " seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                           " id TEXT COLLATE \"C\" NOT NULL UNIQUE,"
                           " name TEXT NOT NULL,"
                           " name_folded TEXT NOT NULL,"
                           " account_id TEXT COLLATE \"C\""
                           "  REFERENCES accounts(id) ON DELETE SET NULL,"
                           " lead_id TEXT,"
                           " value DOUBLE PRECISION NOT NULL,"
                           " currency TEXT NOT NULL,"
                           " stage TEXT NOT NULL,"
                           " probability INTEGER NOT NULL,"
                           " expected_close_date TEXT,"
                           " description TEXT,"
                           " owner_id TEXT,"
                           " is_archived INTEGER NOT NULL DEFAULT 0,"
                           " created_at TEXT COLLATE \"C\" NOT NULL,"
                           " updated_at TEXT COLLATE \"C\" NOT NULL,"
                           " version BIGINT NOT NULL DEFAULT 1,"
                           " search_folded TEXT NOT NULL DEFAULT '')"),
            // One index per filter, each ending in seq (SQLite's end in the rowid implicitly),
            // so that the list order is a walk of the index backwards.
            QStringLiteral("CREATE INDEX opportunities_by_archived ON opportunities"
                           " (is_archived, seq)"),
            QStringLiteral("CREATE INDEX opportunities_by_stage ON opportunities"
                           " (stage, is_archived, seq)"),
            QStringLiteral("CREATE INDEX opportunities_by_account ON opportunities"
                           " (account_id, is_archived, seq)"),
            QStringLiteral("CREATE INDEX opportunities_by_owner ON opportunities"
                           " (owner_id, is_archived, seq)"),
            // Substring search on search_folded (the folded name, chr(31), the account's folded
            // name) through trigrams, where SQLite has FTS5.
            QStringLiteral("CREATE INDEX opportunities_search ON opportunities"
                           " USING GIN (search_folded gin_trgm_ops)"),
            // search_folded as SQLite's triggers keep it: set on insert, and again when the name
            // or the account changes (before the row is written: one row version, not two).
            QStringLiteral("CREATE FUNCTION opportunity_search_text() RETURNS trigger"
                           " LANGUAGE plpgsql AS $body$ BEGIN"
                           " NEW.search_folded = NEW.name_folded || chr(31) ||"
                           " coalesce((SELECT a.name_folded FROM accounts a"
                           " WHERE a.id = NEW.account_id), '');"
                           " RETURN NEW; END $body$"),
            QStringLiteral("CREATE TRIGGER opportunity_search_insert BEFORE INSERT ON opportunities"
                           " FOR EACH ROW EXECUTE FUNCTION opportunity_search_text()"),
            QStringLiteral("CREATE TRIGGER opportunity_search_refer BEFORE UPDATE OF name_folded,"
                           " account_id ON opportunities FOR EACH ROW"
                           " WHEN (OLD.name_folded IS DISTINCT FROM NEW.name_folded"
                           " OR OLD.account_id IS DISTINCT FROM NEW.account_id)"
                           " EXECUTE FUNCTION opportunity_search_text()"),
            // An account renamed: its deals' search texts follow.
            QStringLiteral("CREATE FUNCTION account_search_text() RETURNS trigger"
                           " LANGUAGE plpgsql AS $body$ BEGIN"
                           " UPDATE opportunities SET search_folded = name_folded || chr(31) ||"
                           " NEW.name_folded WHERE account_id = NEW.id;"
                           " RETURN NULL; END $body$"),
            QStringLiteral("CREATE TRIGGER opportunity_search_account AFTER UPDATE OF name_folded"
                           " ON accounts FOR EACH ROW"
                           " WHEN (OLD.name_folded IS DISTINCT FROM NEW.name_folded)"
                           " EXECUTE FUNCTION account_search_text()"),
            // seq orders entries of one time (SQLite's rowid does it there).
            QStringLiteral("CREATE TABLE opportunity_updates ("
                           " id TEXT COLLATE \"C\" PRIMARY KEY NOT NULL,"
                           " seq BIGINT GENERATED ALWAYS AS IDENTITY,"
                           " opportunity_id TEXT COLLATE \"C\" NOT NULL"
                           "  REFERENCES opportunities(id) ON DELETE CASCADE,"
                           " created_at TEXT COLLATE \"C\" NOT NULL,"
                           " owner_id TEXT,"
                           " changes TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX opportunity_updates_by_record ON opportunity_updates"
                           " (opportunity_id, created_at DESC, seq DESC)"),
            QStringLiteral("CREATE TABLE idempotent_responses ("
                           " principal TEXT NOT NULL, key TEXT NOT NULL,"
                           " created_at BIGINT NOT NULL, status INTEGER NOT NULL,"
                           " body BYTEA NOT NULL, PRIMARY KEY (principal, key))"),
            QStringLiteral("CREATE INDEX idempotent_responses_by_age ON idempotent_responses"
                           " (created_at)"),
            // The fold rule the stored folded names follow: this step starts with no names, so
            // with the rule OpportunityFilter::fold had when it was written (2). A later rule is
            // applied by ServerSchema::refold, as on SQLite.
            QStringLiteral("CREATE TABLE search_fold (rule INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO search_fold (rule) VALUES (2)"),
            // The change feed (ChangeLog): the clock (one row) and one row per record.
            QStringLiteral("CREATE TABLE change_clock (last BIGINT NOT NULL,"
                           " horizon BIGINT NOT NULL)"),
            QStringLiteral("INSERT INTO change_clock (last, horizon) VALUES (0, 0)"),
            QStringLiteral("CREATE TABLE changes ("
                           " kind TEXT COLLATE \"C\" NOT NULL,"
                           " record_id TEXT COLLATE \"C\" NOT NULL,"
                           " seq BIGINT NOT NULL UNIQUE, deleted_at BIGINT,"
                           " PRIMARY KEY (kind, record_id))"),
            QStringLiteral("CREATE INDEX changes_tombstones ON changes (deleted_at)"
                           " WHERE deleted_at IS NOT NULL"),
            // Rate-limit windows (RateLimiter): one row per counted request, per key.
            QStringLiteral("CREATE TABLE rate_events (principal TEXT NOT NULL,"
                           " is_write INTEGER NOT NULL, at_ms BIGINT NOT NULL)"),
            QStringLiteral("CREATE INDEX rate_events_by_key ON rate_events"
                           " (principal, is_write, at_ms)"),
        },
    };
    return steps;
}

Failure failed(const QString &what, const QSqlQuery &query)
{
    return Failure{QStringLiteral("schema: ") + what + QStringLiteral(": ") +
                   query.lastError().text()};
}

// The version recorded in the database, creating its table (at 0) in a new database.
Result<int> recordedVersion(QSqlQuery &query)
{
    // Under the migration lock, so no other process creates it meanwhile.
    if (!query.exec(QStringLiteral("SELECT to_regclass('schema_version') IS NULL")) ||
        !query.next())
        return failed(QStringLiteral("looking for the version table"), query);
    const bool newDatabase = query.value(0).toBool();
    query.finish();
    if (newDatabase) {
        for (const QString &statement :
             {QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)"),
              QStringLiteral("INSERT INTO schema_version (version) VALUES (0)")}) {
            if (!query.exec(statement))
                return failed(QStringLiteral("creating the version table"), query);
        }
    }
    if (!query.exec(QStringLiteral("SELECT version FROM schema_version")) || !query.next())
        return failed(QStringLiteral("reading the schema version"), query);
    const int version = query.value(0).toInt();
    query.finish();
    return version;
}

// Under the migration lock: the steps after the recorded version, each in one transaction.
Status applySteps(const QSqlDatabase &db, int upTo)
{
    QSqlQuery query(db);
    const Result<int> current = recordedVersion(query);
    if (!current)
        return Failure{current.error()};
    if (*current > version())
        return Failure{QStringLiteral("schema: the database has schema version %1, newer than "
                                      "this program knows (%2)")
                           .arg(*current)
                           .arg(version())};
    for (int step = *current; step < upTo; ++step) {
        const QString what = QStringLiteral("migrating to schema %1").arg(step + 1);
        if (!query.exec(QStringLiteral("BEGIN")))
            return failed(what, query);
        const QStringList statements =
            migrations().at(step) +
            QStringList{QStringLiteral("UPDATE schema_version SET version = %1").arg(step + 1)};
        for (const QString &statement : statements) {
            if (!query.exec(statement)) {
                const Failure failure = failed(what, query);
                query.exec(QStringLiteral("ROLLBACK"));
                return failure;
            }
        }
        if (!query.exec(QStringLiteral("COMMIT")))
            return failed(what, query);
    }
    return {};
}

} // namespace

int version()
{
    return static_cast<int>(migrations().size());
}

Status migrate(const QString &connectionName, int upTo)
{
    const QSqlDatabase db = QSqlDatabase::database(connectionName);
    QSqlQuery lock(db);
    // A session lock: held across the steps' transactions, so that a second process starting
    // at once waits here and then finds the schema as the first left it.
    if (!lock.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(migrationLock)))
        return failed(QStringLiteral("waiting for another process's migration"), lock);
    Status applied = applySteps(db, std::min(upTo, version()));
    if (applied)
        applied = ServerSchema::refold(connectionName);
    if (!lock.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(migrationLock)) && applied)
        return failed(QStringLiteral("ending the migration"), lock);
    return applied;
}

} // namespace PostgresSchema
