#include "ServerStore.h"

#include "SchemaMigrations.h"
#include "ServerRows.h"
#include "SqlNullText.h"
#include "SqlTransaction.h"
#include "SqliteConnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

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
            // seq is the rowid: it follows creation order (see nextTimestamp()) and the name
            // index refers to it; VACUUM keeps it.
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

using SqlNullText::nullable;
using SqlNullText::textOrNull;
using namespace ServerRows;

// The WHERE clause and its bindings for one filter; the clause names the table "o".
struct Where
{
    QString clause;
    QList<QPair<QString, QVariant>> bindings;

    void add(const QString &condition, const QString &name, const QVariant &value)
    {
        clause += QStringLiteral(" AND ") + condition;
        bindings.append({name, value});
    }
    void bind(QSqlQuery &query) const
    {
        for (const auto &binding : bindings)
            query.bindValue(binding.first, binding.second);
    }
};

} // namespace

ServerStore::ServerStore(const QString &connectionName)
    : m_connectionName(connectionName)
{}

ServerStore::~ServerStore()
{
    SqliteConnection::close(m_connectionName);
}

int ServerStore::schemaVersion()
{
    return static_cast<int>(migrations().size());
}

bool ServerStore::fail(const QString &what, const QString &error)
{
    m_lastError = what + QStringLiteral(": ") + error;
    return false;
}

bool ServerStore::open(const QString &path, QString *error)
{
    // Large transactions (demo data, many writers) stay in memory until they commit.
    if (!SqliteConnection::open(m_connectionName, path,
                                {QStringLiteral("PRAGMA cache_size=-65536")}, error)) {
        *error = QStringLiteral("cannot open %1: %2").arg(path, *error);
        return false;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    if (!migrate()) {
        *error = m_lastError;
        return false;
    }
    QSqlQuery latest(db);
    if (!latest.exec(
            QStringLiteral("SELECT MAX(created_at), MAX(updated_at) FROM opportunities")) ||
        !latest.next()) {
        *error = QStringLiteral("reading %1: %2").arg(path, latest.lastError().text());
        return false;
    }
    m_lastTimestamp = std::max(timestampFrom(latest.value(0)), timestampFrom(latest.value(1)));
    return true;
}

QDateTime ServerStore::nextTimestamp()
{
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_lastTimestamp.isValid() && now <= m_lastTimestamp)
        now = m_lastTimestamp.addMSecs(1);
    m_lastTimestamp = now;
    return now;
}

bool ServerStore::migrate()
{
    QString error;
    return SchemaMigrations::apply(m_connectionName, migrations(), &error) ||
           fail(QStringLiteral("schema"), error);
}

std::optional<qint64> ServerStore::opportunityCount()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM opportunities")) || !query.next()) {
        fail(QStringLiteral("counting"), query.lastError().text());
        return std::nullopt;
    }
    return query.value(0).toLongLong();
}

std::optional<ServerStore::Page<Opportunity>>
ServerStore::listOpportunities(const OpportunityFilter &filter, int page, int pageSize)
{
    Where where;
    where.clause = QStringLiteral("o.is_archived = :archived");
    where.bindings.append({QStringLiteral(":archived"), filter.archived ? 1 : 0});
    // Sorted, so that equal filters share one cached count below.
    QStringList stageIds;
    for (const Stage stage : filter.stages)
        stageIds.append(Stages::id(stage));
    stageIds.sort();
    QStringList stageNames;
    for (qsizetype i = 0; i < stageIds.size(); ++i) {
        stageNames.append(QStringLiteral(":stage%1").arg(i));
        where.bindings.append({stageNames.constLast(), stageIds.at(i)});
    }
    if (!stageNames.isEmpty())
        where.clause += QStringLiteral(" AND o.stage IN (") + stageNames.join(QLatin1Char(',')) +
                        QLatin1Char(')');
    if (!filter.accountId.isEmpty())
        where.add(QStringLiteral("o.account_id = :account"), QStringLiteral(":account"),
                  filter.accountId);
    if (!filter.ownerId.isEmpty())
        where.add(QStringLiteral("o.owner_id = :owner"), QStringLiteral(":owner"), filter.ownerId);
    if (filter.search.toUcs4().size() >= 3) {
        // Trigram phrases match substrings. Drive the query from the few matches: "+" keeps
        // SQLite from walking the whole archived index instead.
        where.clause.prepend(QLatin1Char('+'));
        QString phrase = filter.search;
        phrase.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        where.add(QStringLiteral("o.seq IN (SELECT rowid FROM opportunity_names"
                                 " WHERE opportunity_names MATCH :search)"),
                  QStringLiteral(":search"), QString(QLatin1Char('"') + phrase + QLatin1Char('"')));
    } else if (!filter.search.isEmpty()) {
        // Too short for trigrams: a scan, which still stops at the page's end.
        where.add(QStringLiteral("instr(o.name_folded, :search) > 0"), QStringLiteral(":search"),
                  filter.search);
    }

    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    Page<Opportunity> result;
    // Length-prefixed parts: no two filters share a key.
    QString countKey;
    for (const QString &part :
         {filter.archived ? QStringLiteral("1") : QStringLiteral("0"),
          stageIds.join(QLatin1Char(',')), filter.accountId, filter.ownerId, filter.search})
        countKey += QString::number(part.size()) + QLatin1Char(':') + part;
    if (const auto cached = m_countCache.constFind(countKey); cached != m_countCache.constEnd()) {
        result.totalCount = *cached;
    } else {
        QSqlQuery count(db);
        count.setForwardOnly(true);
        count.prepare(QStringLiteral("SELECT COUNT(*) FROM opportunities o WHERE ") + where.clause);
        where.bind(count);
        if (!count.exec() || !count.next()) {
            fail(QStringLiteral("counting opportunities"), count.lastError().text());
            return std::nullopt;
        }
        result.totalCount = count.value(0).toLongLong();
        if (m_countCache.size() >= 256) // many distinct searches: start over, memory stays flat
            m_countCache.clear();
        m_countCache.insert(countKey, result.totalCount);
    }

    const qint64 offset = qint64(page - 1) * pageSize;
    if (offset >= result.totalCount)
        return result;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // Newest first: seq order is created_at order (nextTimestamp() keeps it so), and ties cannot
    // happen. The page's rows are picked from an index alone, then joined: deep pages stay cheap.
    query.prepare(QStringLiteral("SELECT ") + opportunityColumns +
                  QStringLiteral(" FROM (SELECT o.seq FROM opportunities o WHERE ") + where.clause +
                  QStringLiteral(" ORDER BY o.seq DESC LIMIT :limit OFFSET :offset)"
                                 " p JOIN opportunities o ON o.seq = p.seq"
                                 " LEFT JOIN accounts a ON a.id = o.account_id"
                                 " ORDER BY o.seq DESC"));
    where.bind(query);
    query.bindValue(QStringLiteral(":limit"), pageSize);
    query.bindValue(QStringLiteral(":offset"), offset);
    if (!query.exec()) {
        fail(QStringLiteral("listing opportunities"), query.lastError().text());
        return std::nullopt;
    }
    while (query.next())
        result.items.append(opportunityFromRow(query));
    return result;
}

std::optional<ServerStore::StoredOpportunity> ServerStore::findOpportunity(const QString &id)
{
    m_lastError.clear();
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + opportunityColumns +
                  QStringLiteral(" FROM opportunities o LEFT JOIN accounts a ON a.id = "
                                 "o.account_id WHERE o.id = :id"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec()) {
        fail(QStringLiteral("reading an opportunity"), query.lastError().text());
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return StoredOpportunity{opportunityFromRow(query), query.value(15).toLongLong()};
}

bool ServerStore::insertOpportunity(const Opportunity &opportunity)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(insertOpportunitySql);
    bindOpportunity(query, opportunity);
    if (!query.exec())
        return fail(QStringLiteral("creating an opportunity"), query.lastError().text());
    invalidateCounts();
    return true;
}

bool ServerStore::updateOpportunity(const Opportunity &opportunity, qint64 version)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral(
        "UPDATE opportunities SET name = :name, name_folded = :name_folded,"
        " account_id = :account_id, lead_id = :lead_id, value = :value, currency = :currency,"
        " stage = :stage, probability = :probability,"
        " expected_close_date = :expected_close_date, description = :description,"
        " owner_id = :owner_id, is_archived = :is_archived, created_at = :created_at,"
        " updated_at = :updated_at, version = :version WHERE id = :id"));
    bindOpportunity(query, opportunity);
    query.bindValue(QStringLiteral(":version"), version);
    if (!query.exec())
        return fail(QStringLiteral("updating an opportunity"), query.lastError().text());
    invalidateCounts();
    return true;
}

bool ServerStore::deleteOpportunity(const QString &id)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("DELETE FROM opportunities WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec())
        return fail(QStringLiteral("deleting an opportunity"), query.lastError().text());
    invalidateCounts();
    return true;
}

std::optional<QList<OpportunityUpdate>> ServerStore::updates(const QString &opportunityId)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT id, created_at, owner_id, changes FROM opportunity_updates"
                       " WHERE opportunity_id = :id ORDER BY created_at DESC, rowid DESC"));
    query.bindValue(QStringLiteral(":id"), opportunityId);
    if (!query.exec()) {
        fail(QStringLiteral("reading updates"), query.lastError().text());
        return std::nullopt;
    }
    QList<OpportunityUpdate> updates;
    while (query.next()) {
        OpportunityUpdate update;
        update.id = query.value(0).toString();
        update.createdAt = timestampFrom(query.value(1));
        update.ownerId = textOrNull(query.value(2));
        const QJsonObject changes =
            QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object();
        for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
            const QJsonObject change = it.value().toObject();
            update.changes.append({it.key(), change.value(QStringLiteral("from")),
                                   change.value(QStringLiteral("to"))});
        }
        updates.append(update);
    }
    return updates;
}

bool ServerStore::insertUpdate(const QString &opportunityId, const OpportunityUpdate &update)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(insertUpdateSql);
    bindUpdate(query, opportunityId, update);
    if (!query.exec())
        return fail(QStringLiteral("recording an update"), query.lastError().text());
    return true;
}

std::optional<ServerStore::Page<Account>> ServerStore::listAccounts(const AccountFilter &filter,
                                                                    int page, int pageSize)
{
    Where where;
    where.clause = QStringLiteral("is_archived = :archived");
    where.bindings.append({QStringLiteral(":archived"), filter.archived ? 1 : 0});
    if (!filter.search.isEmpty())
        where.add(QStringLiteral("instr(name_folded, :search) > 0"), QStringLiteral(":search"),
                  filter.search);
    if (!filter.status.isEmpty())
        where.add(QStringLiteral("status = :status"), QStringLiteral(":status"), filter.status);
    if (!filter.type.isEmpty())
        where.add(QStringLiteral("type = :type"), QStringLiteral(":type"), filter.type);
    if (!filter.ownerId.isEmpty())
        where.add(QStringLiteral("owner_id = :owner"), QStringLiteral(":owner"), filter.ownerId);

    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    Page<Account> result;
    QSqlQuery count(db);
    count.setForwardOnly(true);
    count.prepare(QStringLiteral("SELECT COUNT(*) FROM accounts WHERE ") + where.clause);
    where.bind(count);
    if (!count.exec() || !count.next()) {
        fail(QStringLiteral("counting accounts"), count.lastError().text());
        return std::nullopt;
    }
    result.totalCount = count.value(0).toLongLong();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + accountColumns +
                  QStringLiteral(" FROM accounts WHERE ") + where.clause +
                  QStringLiteral(" ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset"));
    where.bind(query);
    query.bindValue(QStringLiteral(":limit"), pageSize);
    query.bindValue(QStringLiteral(":offset"), qint64(page - 1) * pageSize);
    if (!query.exec()) {
        fail(QStringLiteral("listing accounts"), query.lastError().text());
        return std::nullopt;
    }
    while (query.next())
        result.items.append(accountFromRow(query));
    return result;
}

std::optional<Account> ServerStore::findAccount(const QString &id)
{
    m_lastError.clear();
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + accountColumns +
                  QStringLiteral(" FROM accounts WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec()) {
        fail(QStringLiteral("reading an account"), query.lastError().text());
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return accountFromRow(query);
}

bool ServerStore::insertAccount(const Account &account)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(insertAccountSql);
    bindAccount(query, account);
    if (!query.exec())
        return fail(QStringLiteral("creating an account"), query.lastError().text());
    return true;
}

std::optional<ServerStore::RememberedResponse>
ServerStore::rememberedResponse(const QString &principal, const QString &key)
{
    m_lastError.clear();
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT status, body FROM idempotent_responses"
                                 " WHERE principal = :principal AND key = :key"
                                 " AND created_at > :since"));
    query.bindValue(QStringLiteral(":principal"), principal);
    query.bindValue(QStringLiteral(":key"), key);
    query.bindValue(QStringLiteral(":since"), QDateTime::currentSecsSinceEpoch() - 24 * 60 * 60);
    if (!query.exec()) {
        fail(QStringLiteral("reading an idempotency key"), query.lastError().text());
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return RememberedResponse{query.value(0).toInt(), query.value(1).toByteArray()};
}

bool ServerStore::rememberResponse(const QString &principal, const QString &key,
                                   const RememberedResponse &response)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    query.prepare(QStringLiteral("DELETE FROM idempotent_responses WHERE created_at <= :since"));
    query.bindValue(QStringLiteral(":since"), now - 24 * 60 * 60);
    if (!query.exec())
        return fail(QStringLiteral("expiring idempotency keys"), query.lastError().text());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO idempotent_responses"
                                 " (principal, key, created_at, status, body)"
                                 " VALUES (:principal, :key, :created_at, :status, :body)"));
    query.bindValue(QStringLiteral(":principal"), principal);
    query.bindValue(QStringLiteral(":key"), key);
    query.bindValue(QStringLiteral(":created_at"), now);
    query.bindValue(QStringLiteral(":status"), response.status);
    query.bindValue(QStringLiteral(":body"), response.body);
    if (!query.exec())
        return fail(QStringLiteral("remembering an idempotency key"), query.lastError().text());
    return true;
}
