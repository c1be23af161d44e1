#include "ServerStore.h"

#include "OpportunityJson.h"
#include "PostgresConnection.h"
#include "PostgresSchema.h"
#include "ServerRows.h"
#include "ServerSchema.h"
#include "SqlNullText.h"
#include "SqlWhere.h"
#include "SqliteConnection.h"
#include "Timestamp.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace {

// The failure of a statement, saying what was being done.
Failure failed(const QString &what, const QSqlQuery &query)
{
    return Failure{what + QStringLiteral(": ") + query.lastError().text()};
}

} // namespace

ServerStore::ServerStore(const QString &connectionName)
    : m_connectionName(connectionName)
    , m_changes(connectionName, DatabaseLocation::Backend::Sqlite)
    , m_listing(connectionName)
{}

ServerStore::~ServerStore()
{
    // The listing's statements go first: they belong to the connection.
    m_listing.forgetStatements();
    // Closes and forgets the connection, whichever its driver.
    SqliteConnection::close(m_connectionName);
}

int ServerStore::schemaVersion()
{
    return ServerSchema::version();
}

Status ServerStore::open(const DatabaseLocation &location)
{
    m_backend = location.backend;
    m_changes = ChangeLog(m_connectionName, m_backend);
    const Status opened =
        location.isPostgres() ? openPostgres(location) : openSqlite(location.path);
    if (!opened)
        return opened;
    QSqlQuery latest(QSqlDatabase::database(m_connectionName));
    if (!latest.exec(
            QStringLiteral("SELECT MAX(created_at), MAX(updated_at) FROM opportunities")) ||
        !latest.next())
        return Failure{
            QStringLiteral("reading %1: %2").arg(location.display(), latest.lastError().text())};
    m_lastTimestamp = std::max(Timestamp::fromText(latest.value(0).toString()),
                               Timestamp::fromText(latest.value(1).toString()));
    return {};
}

Status ServerStore::openSqlite(const QString &path)
{
    QString error;
    // Large transactions (demo data, many writers) stay in memory until they commit.
    if (!SqliteConnection::open(m_connectionName, path,
                                {QStringLiteral("PRAGMA cache_size=-65536")}, &error))
        return Failure{QStringLiteral("cannot open %1: %2").arg(path, error)};
    return ServerSchema::migrate(m_connectionName);
}

Status ServerStore::openPostgres(const DatabaseLocation &location)
{
    QString error;
    const PostgresConnection::Target target{location.host,     location.port,
                                            location.user,     location.password,
                                            location.database, QStringLiteral("kashew-server")};
    if (!PostgresConnection::open(m_connectionName, target, &error))
        return Failure{QStringLiteral("cannot open %1: %2").arg(location.display(), error)};
    return PostgresSchema::migrate(m_connectionName);
}

void ServerStore::announceChanges(qint64 cursor)
{
    if (m_changeListener)
        m_changeListener(cursor);
}

void ServerStore::setChangeListener(std::function<void(qint64)> listener)
{
    m_changeListener = std::move(listener);
}

Status ServerStore::lockIdempotencyKey(const QString &principal, const QString &key)
{
    if (m_backend != DatabaseLocation::Backend::Postgres)
        return {};
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended(:text, 0))"));
    query.bindValue(QStringLiteral(":text"),
                    QString(QStringLiteral("idempotency ") + principal + QLatin1Char(' ') + key));
    if (!query.exec())
        return failed(QStringLiteral("locking an idempotency key"), query);
    return {};
}

QDateTime ServerStore::nextTimestamp()
{
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_lastTimestamp.isValid() && now <= m_lastTimestamp)
        now = m_lastTimestamp.addMSecs(1);
    m_lastTimestamp = now;
    return now;
}

void ServerStore::keepAfter(const QDateTime &time)
{
    m_lastTimestamp = std::max(m_lastTimestamp, time);
}

Result<qint64> ServerStore::opportunityCount()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM opportunities")) || !query.next())
        return failed(QStringLiteral("counting"), query);
    return query.value(0).toLongLong();
}

Result<ServerStore::Page<Opportunity>>
ServerStore::listOpportunities(const OpportunityFilter &filter, int page, int pageSize)
{
    const auto stored = m_listing.list(filter, page, pageSize);
    if (!stored)
        return Failure{stored.error()};
    Page<Opportunity> result;
    result.totalCount = stored->totalCount;
    result.items.reserve(stored->items.size());
    for (const StoredOpportunity &item : stored->items)
        result.items.append(item.opportunity);
    return result;
}

Result<ServerStore::Page<StoredOpportunity>>
ServerStore::listStoredOpportunities(const OpportunityFilter &filter, int page, int pageSize)
{
    return m_listing.list(filter, page, pageSize);
}

Result<QByteArray> ServerStore::listOpportunityPageJson(const OpportunityFilter &filter, int page,
                                                        int pageSize, bool withEtags)
{
    return m_listing.listJson(filter, page, pageSize, withEtags);
}

Result<std::optional<ServerStore::StoredOpportunity>>
ServerStore::findOpportunity(const QString &id, Lock lock)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + ServerRows::opportunitySelect +
                  QStringLiteral(" FROM opportunities o LEFT JOIN accounts a ON a.id = "
                                 "o.account_id WHERE o.id = :id") +
                  (lock == Lock::ForUpdate && m_backend == DatabaseLocation::Backend::Postgres
                       ? QStringLiteral(" FOR UPDATE OF o")
                       : QString()));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec())
        return failed(QStringLiteral("reading an opportunity"), query);
    if (!query.next())
        return std::optional<StoredOpportunity>();
    return std::optional<StoredOpportunity>(
        StoredOpportunity{ServerRows::opportunityFromRow(query),
                          query.value(ServerRows::versionColumn).toLongLong()});
}

Status ServerStore::insertOpportunity(const Opportunity &opportunity)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(ServerRows::insertOpportunitySql);
    ServerRows::bindOpportunity(query, opportunity);
    if (!query.exec())
        return failed(QStringLiteral("creating an opportunity"), query);
    invalidateCounts();
    return {};
}

Status ServerStore::updateOpportunity(const Opportunity &opportunity, qint64 version)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(ServerRows::updateOpportunitySql);
    ServerRows::bindOpportunity(query, opportunity);
    query.bindValue(QStringLiteral(":version"), version);
    if (!query.exec())
        return failed(QStringLiteral("updating an opportunity"), query);
    invalidateCounts();
    return {};
}

Status ServerStore::deleteOpportunity(const QString &id)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("DELETE FROM opportunities WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec())
        return failed(QStringLiteral("deleting an opportunity"), query);
    invalidateCounts();
    return {};
}

Result<QList<OpportunityUpdate>> ServerStore::updates(const QString &opportunityId)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    // Entries of one time in the order written: SQLite's rowid, PostgreSQL's seq.
    const QString written = m_backend == DatabaseLocation::Backend::Postgres
                                ? QStringLiteral("seq")
                                : QStringLiteral("rowid");
    query.prepare(QStringLiteral("SELECT id, created_at, owner_id, changes FROM opportunity_updates"
                                 " WHERE opportunity_id = :id ORDER BY created_at DESC, ") +
                  written + QStringLiteral(" DESC"));
    query.bindValue(QStringLiteral(":id"), opportunityId);
    if (!query.exec())
        return failed(QStringLiteral("reading updates"), query);
    QList<OpportunityUpdate> updates;
    while (query.next()) {
        OpportunityUpdate update;
        update.id = query.value(0).toString();
        update.createdAt = Timestamp::fromText(query.value(1).toString());
        update.ownerId = SqlNullText::textOrNull(query.value(2));
        update.changes = OpportunityJson::changesFromJson(
            QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object());
        updates.append(update);
    }
    return updates;
}

Status ServerStore::insertUpdate(const QString &opportunityId, const OpportunityUpdate &update)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(ServerRows::insertUpdateSql);
    ServerRows::bindUpdate(query, opportunityId, update);
    if (!query.exec())
        return failed(QStringLiteral("recording an update"), query);
    return {};
}

Result<ServerStore::Page<Account>> ServerStore::listAccounts(const AccountFilter &filter, int page,
                                                             int pageSize)
{
    SqlWhere where(QStringLiteral("is_archived = :archived"), QStringLiteral(":archived"),
                   filter.archived ? 1 : 0);
    if (!filter.search.isEmpty())
        where.add((m_backend == DatabaseLocation::Backend::Postgres
                       ? QStringLiteral("strpos(name_folded, :search) > 0")
                       : QStringLiteral("instr(name_folded, :search) > 0")),
                  QStringLiteral(":search"), filter.search);
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
    if (!count.exec() || !count.next())
        return failed(QStringLiteral("counting accounts"), count);
    result.totalCount = count.value(0).toLongLong();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + ServerRows::accountColumns +
                  QStringLiteral(" FROM accounts WHERE ") + where.clause +
                  QStringLiteral(" ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset"));
    where.bind(query);
    query.bindValue(QStringLiteral(":limit"), pageSize);
    query.bindValue(QStringLiteral(":offset"), qint64(page - 1) * pageSize);
    if (!query.exec())
        return failed(QStringLiteral("listing accounts"), query);
    while (query.next())
        result.items.append(ServerRows::accountFromRow(query));
    return result;
}

Result<std::optional<Account>> ServerStore::findAccount(const QString &id)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + ServerRows::accountColumns +
                  QStringLiteral(" FROM accounts WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec())
        return failed(QStringLiteral("reading an account"), query);
    if (!query.next())
        return std::optional<Account>();
    return std::optional<Account>(ServerRows::accountFromRow(query));
}

Status ServerStore::insertAccount(const Account &account)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(ServerRows::insertAccountSql);
    ServerRows::bindAccount(query, account);
    if (!query.exec())
        return failed(QStringLiteral("creating an account"), query);
    return {};
}

Result<std::optional<Account>> ServerStore::renameAccount(const QString &id, const QString &name)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "UPDATE accounts SET name = :name, name_folded = :name_folded WHERE id = :id"));
    query.bindValue(QStringLiteral(":name"), name);
    query.bindValue(QStringLiteral(":name_folded"), OpportunityFilter::fold(name));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec())
        return failed(QStringLiteral("renaming an account"), query);
    if (query.numRowsAffected() == 0)
        return std::optional<Account>();
    invalidateCounts();
    // The account's deals show its new name: the feed carries them again.
    QSqlQuery deals(db);
    deals.setForwardOnly(true);
    deals.prepare(
        QStringLiteral("SELECT id FROM opportunities WHERE account_id = :id ORDER BY seq"));
    deals.bindValue(QStringLiteral(":id"), id);
    if (!deals.exec())
        return failed(QStringLiteral("reading an account's deals"), deals);
    QStringList dealIds;
    while (deals.next())
        dealIds.append(deals.value(0).toString());
    if (const auto recorded = m_changes.record(ChangeLog::Kind::Account, {id}); !recorded)
        return Failure{recorded.error()};
    if (const auto recorded = m_changes.record(ChangeLog::Kind::Opportunity, dealIds); !recorded)
        return Failure{recorded.error()};
    return findAccount(id);
}

Result<std::optional<ServerStore::RememberedResponse>>
ServerStore::rememberedResponse(const QString &principal, const QString &key)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT status, body FROM idempotent_responses"
                                 " WHERE principal = :principal AND key = :key"
                                 " AND created_at > :since"));
    query.bindValue(QStringLiteral(":principal"), principal);
    query.bindValue(QStringLiteral(":key"), key);
    query.bindValue(QStringLiteral(":since"), QDateTime::currentSecsSinceEpoch() - 24 * 60 * 60);
    if (!query.exec())
        return failed(QStringLiteral("reading an idempotency key"), query);
    if (!query.next())
        return std::optional<RememberedResponse>();
    return std::optional<RememberedResponse>(
        RememberedResponse{query.value(0).toInt(), query.value(1).toByteArray()});
}

Status ServerStore::rememberResponse(const QString &principal, const QString &key,
                                     const RememberedResponse &response)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    query.prepare(QStringLiteral("DELETE FROM idempotent_responses WHERE created_at <= :since"));
    query.bindValue(QStringLiteral(":since"), now - 24 * 60 * 60);
    if (!query.exec())
        return failed(QStringLiteral("expiring idempotency keys"), query);
    query.prepare(QStringLiteral("INSERT INTO idempotent_responses"
                                 " (principal, key, created_at, status, body)"
                                 " VALUES (:principal, :key, :created_at, :status, :body)"
                                 " ON CONFLICT (principal, key) DO UPDATE SET"
                                 " created_at = excluded.created_at, status = excluded.status,"
                                 " body = excluded.body"));
    query.bindValue(QStringLiteral(":principal"), principal);
    query.bindValue(QStringLiteral(":key"), key);
    query.bindValue(QStringLiteral(":created_at"), now);
    query.bindValue(QStringLiteral(":status"), response.status);
    query.bindValue(QStringLiteral(":body"), response.body);
    if (!query.exec())
        return failed(QStringLiteral("remembering an idempotency key"), query);
    return {};
}
