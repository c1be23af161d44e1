#include "ServerSchema.h"

#include "SchemaMigrations.h"

#include <QList>
#include <QStringList>

namespace ServerSchema {

namespace {

// Each step takes the schema from version N to N+1; steps are never edited once released.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps{
        {
            QStringLiteral("CREATE TABLE accounts ("
                           " id TEXT PRIMARY KEY NOT NULL,"
                           " name TEXT NOT NULL,"
                           " name_folded TEXT NOT NULL,"
                           " type TEXT, status TEXT NOT NULL, industry TEXT, website TEXT,"
                           " country TEXT, owner_id TEXT, is_archived INTEGER NOT NULL DEFAULT 0,"
                           " created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX accounts_by_created ON accounts"
                           " (is_archived, created_at DESC, id)"),
            // seq is the rowid: it follows creation order (see ServerStore::nextTimestamp()) and
            // the name index refers to it; VACUUM keeps it.
            QStringLiteral("CREATE TABLE opportunities ("
                           " seq INTEGER PRIMARY KEY,"
                           " id TEXT NOT NULL UNIQUE,"
                           " name TEXT NOT NULL,"
                           " name_folded TEXT NOT NULL,"
                           " account_id TEXT REFERENCES accounts(id) ON DELETE SET NULL,"
                           " lead_id TEXT,"
                           " value REAL NOT NULL,"
                           " currency TEXT NOT NULL,"
                           " stage TEXT NOT NULL,"
                           " probability INTEGER NOT NULL,"
                           " expected_close_date TEXT,"
                           " description TEXT,"
                           " owner_id TEXT,"
                           " is_archived INTEGER NOT NULL DEFAULT 0,"
                           " created_at TEXT NOT NULL,"
                           " updated_at TEXT NOT NULL,"
                           " version INTEGER NOT NULL DEFAULT 1)"),
            // One index per filter. Each entry ends in the rowid (seq), and seq follows
            // creation order, so the list order is a walk of the index backwards.
            QStringLiteral("CREATE INDEX opportunities_by_archived ON opportunities (is_archived)"),
            QStringLiteral("CREATE INDEX opportunities_by_stage ON opportunities"
                           " (stage, is_archived)"),
            QStringLiteral("CREATE INDEX opportunities_by_account ON opportunities"
                           " (account_id, is_archived)"),
            QStringLiteral("CREATE INDEX opportunities_by_owner ON opportunities"
                           " (owner_id, is_archived)"),
            // Substring search on case-folded names through trigrams (three characters or more).
            QStringLiteral("CREATE VIRTUAL TABLE opportunity_names USING fts5(name_folded,"
                           " content='opportunities', content_rowid='seq',"
                           " tokenize='trigram case_sensitive 1')"),
            QStringLiteral("CREATE TRIGGER opportunity_names_insert AFTER INSERT ON opportunities"
                           " BEGIN INSERT INTO opportunity_names (rowid, name_folded)"
                           " VALUES (new.seq, new.name_folded); END"),
            QStringLiteral("CREATE TRIGGER opportunity_names_delete AFTER DELETE ON opportunities"
                           " BEGIN INSERT INTO opportunity_names (opportunity_names, rowid,"
                           " name_folded) VALUES ('delete', old.seq, old.name_folded); END"),
            QStringLiteral("CREATE TRIGGER opportunity_names_update AFTER UPDATE OF name_folded"
                           " ON opportunities WHEN old.name_folded IS NOT new.name_folded"
                           " BEGIN INSERT INTO opportunity_names (opportunity_names, rowid,"
                           " name_folded) VALUES ('delete', old.seq, old.name_folded);"
                           " INSERT INTO opportunity_names (rowid, name_folded)"
                           " VALUES (new.seq, new.name_folded); END"),
            QStringLiteral("CREATE TABLE opportunity_updates ("
                           " id TEXT PRIMARY KEY NOT NULL,"
                           " opportunity_id TEXT NOT NULL"
                           "  REFERENCES opportunities(id) ON DELETE CASCADE,"
                           " created_at TEXT NOT NULL,"
                           " owner_id TEXT,"
                           " changes TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX opportunity_updates_by_record ON opportunity_updates"
                           " (opportunity_id, created_at DESC)"),
            QStringLiteral("CREATE TABLE idempotent_responses ("
                           " principal TEXT NOT NULL, key TEXT NOT NULL,"
                           " created_at INTEGER NOT NULL, status INTEGER NOT NULL,"
                           " body BLOB NOT NULL, PRIMARY KEY (principal, key))"),
        },
    };
    return steps;
}

} // namespace

int version()
{
    return static_cast<int>(migrations().size());
}

Status migrate(const QString &connectionName)
{
    QString error;
    if (!SchemaMigrations::apply(connectionName, migrations(), &error))
        return Failure{QStringLiteral("schema: ") + error};
    return {};
}

} // namespace ServerSchema
