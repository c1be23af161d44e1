#include "ServerSchema.h"

#include "OpportunityFilter.h"
#include "SchemaMigrations.h"
#include "SqlTransaction.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
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
        {
            // Search covers the account's name too: search_folded is the folded name, char(31)
            // (OpportunityFilter::searchSeparator, which no folded search contains, so no match
            // spans both) and the account's folded name. Triggers keep it current when the name
            // or the account changes and when an account is renamed; the trigram index follows it.
            QStringLiteral("DROP TRIGGER opportunity_names_insert"),
            QStringLiteral("DROP TRIGGER opportunity_names_delete"),
            QStringLiteral("DROP TRIGGER opportunity_names_update"),
            QStringLiteral("DROP TABLE opportunity_names"),
            QStringLiteral("ALTER TABLE opportunities ADD COLUMN search_folded TEXT NOT NULL"
                           " DEFAULT ''"),
            QStringLiteral("CREATE VIRTUAL TABLE opportunity_search USING fts5(search_folded,"
                           " content='opportunities', content_rowid='seq',"
                           " tokenize='trigram case_sensitive 1')"),
            QStringLiteral("CREATE TRIGGER opportunity_search_insert AFTER INSERT ON opportunities"
                           " BEGIN UPDATE opportunities SET search_folded = new.name_folded"
                           " || char(31) || coalesce((SELECT a.name_folded FROM accounts a"
                           " WHERE a.id = new.account_id), '') WHERE seq = new.seq; END"),
            QStringLiteral("CREATE TRIGGER opportunity_search_refer AFTER UPDATE OF name_folded,"
                           " account_id ON opportunities WHEN old.name_folded IS NOT"
                           " new.name_folded OR old.account_id IS NOT new.account_id"
                           " BEGIN UPDATE opportunities SET search_folded = new.name_folded"
                           " || char(31) || coalesce((SELECT a.name_folded FROM accounts a"
                           " WHERE a.id = new.account_id), '') WHERE seq = new.seq; END"),
            QStringLiteral("CREATE TRIGGER opportunity_search_account AFTER UPDATE OF name_folded"
                           " ON accounts WHEN old.name_folded IS NOT new.name_folded"
                           " BEGIN UPDATE opportunities SET search_folded = name_folded"
                           " || char(31) || new.name_folded WHERE account_id = new.id; END"),
            // A new row's search_folded is '' until the insert trigger sets it: never indexed,
            // so never deleted from the index.
            QStringLiteral("CREATE TRIGGER opportunity_search_update AFTER UPDATE OF"
                           " search_folded ON opportunities"
                           " WHEN old.search_folded IS NOT new.search_folded"
                           " BEGIN INSERT INTO opportunity_search (opportunity_search, rowid,"
                           " search_folded) SELECT 'delete', old.seq, old.search_folded"
                           " WHERE old.search_folded <> '';"
                           " INSERT INTO opportunity_search (rowid, search_folded)"
                           " VALUES (new.seq, new.search_folded); END"),
            QStringLiteral("CREATE TRIGGER opportunity_search_delete AFTER DELETE ON opportunities"
                           " BEGIN INSERT INTO opportunity_search (opportunity_search, rowid,"
                           " search_folded) SELECT 'delete', old.seq, old.search_folded"
                           " WHERE old.search_folded <> ''; END"),
            QStringLiteral("UPDATE opportunities SET search_folded = name_folded || char(31) ||"
                           " coalesce((SELECT a.name_folded FROM accounts a"
                           " WHERE a.id = opportunities.account_id), '')"),
            // The rule the stored folded names follow: 1, case folding alone, was step 1's.
            // migrate() refolds them in C++ (SQL cannot fold) when the rule is older than
            // foldRule.
            QStringLiteral("CREATE TABLE search_fold (rule INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO search_fold (rule) VALUES (1)"),
        },
        {
            // The change feed (ChangeLog): the clock, one row per record with its latest cursor
            // (and deletion time: a tombstone), filled with every record as it stands.
            QStringLiteral("CREATE TABLE change_clock (last INTEGER NOT NULL,"
                           " horizon INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE changes ("
                           " kind TEXT NOT NULL, record_id TEXT NOT NULL,"
                           " seq INTEGER NOT NULL UNIQUE, deleted_at INTEGER,"
                           " PRIMARY KEY (kind, record_id))"),
            QStringLiteral("CREATE INDEX changes_tombstones ON changes (deleted_at)"
                           " WHERE deleted_at IS NOT NULL"),
            QStringLiteral("INSERT INTO changes (kind, record_id, seq, deleted_at)"
                           " SELECT 'account', id, ROW_NUMBER() OVER (ORDER BY created_at, id),"
                           " NULL FROM accounts"),
            QStringLiteral("INSERT INTO changes (kind, record_id, seq, deleted_at)"
                           " SELECT 'opportunity', id, (SELECT COUNT(*) FROM accounts) +"
                           " ROW_NUMBER() OVER (ORDER BY seq), NULL FROM opportunities"),
            QStringLiteral("INSERT INTO change_clock (last, horizon)"
                           " SELECT COALESCE(MAX(seq), 0), 0 FROM changes"),
            // Rate-limit windows (RateLimiter): one row per counted request, per key.
            QStringLiteral("CREATE TABLE rate_events (principal TEXT NOT NULL,"
                           " is_write INTEGER NOT NULL, at_ms INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX rate_events_by_key ON rate_events"
                           " (principal, is_write, at_ms)"),
        },
    };
    return steps;
}

// The rule of OpportunityFilter::fold: 2 drops accents and spells ł, ß, æ... plainly. Raise it
// when the rule changes, and the stored folded names are refolded on the next start.
constexpr int foldRule = 2;

} // namespace

// Refolds every account's and opportunity's name_folded when they follow an older rule; the
// triggers carry it into search_folded and the trigram index. One transaction. Rows are named by
// id (both tables' key on SQLite and PostgreSQL alike; PostgreSQL has no rowid).
Status refold(const QString &connectionName)
{
    QSqlDatabase db = QSqlDatabase::database(connectionName);
    SqlTransaction transaction(connectionName);
    if (!transaction.isActive())
        return Failure{QStringLiteral("schema: refolding names: ") + transaction.error()};
    QSqlQuery rule(db);
    if (!rule.exec(QStringLiteral("SELECT rule FROM search_fold")) || !rule.next())
        return Failure{QStringLiteral("schema: reading the fold rule: ") + rule.lastError().text()};
    if (rule.value(0).toInt() >= foldRule)
        return {};
    rule.finish();
    for (const QString &table : {QStringLiteral("accounts"), QStringLiteral("opportunities")}) {
        QSqlQuery names(db);
        names.setForwardOnly(true);
        if (!names.exec(QStringLiteral("SELECT id, name, name_folded FROM ") + table))
            return Failure{QStringLiteral("schema: reading names: ") + names.lastError().text()};
        QList<std::pair<QString, QString>> changed;
        while (names.next()) {
            const QString folded = OpportunityFilter::fold(names.value(1).toString());
            if (folded != names.value(2).toString())
                changed.append({names.value(0).toString(), folded});
        }
        names.finish();
        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE ") + table +
                       QStringLiteral(" SET name_folded = :folded WHERE id = :id"));
        for (const auto &[id, folded] : changed) {
            update.bindValue(QStringLiteral(":folded"), folded);
            update.bindValue(QStringLiteral(":id"), id);
            if (!update.exec())
                return Failure{QStringLiteral("schema: refolding a name: ") +
                               update.lastError().text()};
        }
    }
    QSqlQuery done(db);
    done.prepare(QStringLiteral("UPDATE search_fold SET rule = :rule"));
    done.bindValue(QStringLiteral(":rule"), foldRule);
    if (!done.exec())
        return Failure{QStringLiteral("schema: recording the fold rule: ") +
                       done.lastError().text()};
    if (!transaction.commit())
        return Failure{QStringLiteral("schema: refolding names: ") + transaction.error()};
    return {};
}

int version()
{
    return static_cast<int>(migrations().size());
}

QString fillSearchText()
{
    return QStringLiteral("UPDATE opportunities SET search_folded = name_folded || char(31) ||"
                          " coalesce((SELECT a.name_folded FROM accounts a"
                          " WHERE a.id = opportunities.account_id), '')");
}

QString rebuildSearchIndex()
{
    return QStringLiteral("INSERT INTO opportunity_search (opportunity_search) VALUES ('rebuild')");
}

Status migrate(const QString &connectionName, int upTo)
{
    QString error;
    if (!SchemaMigrations::apply(connectionName, migrations().mid(0, upTo), &error))
        return Failure{QStringLiteral("schema: ") + error};
    // The fold rule is recorded from step 2 on.
    return upTo >= 2 ? refold(connectionName) : Status{};
}

} // namespace ServerSchema
