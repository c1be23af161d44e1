#include "LocalStore.h"

#include "AccountJson.h"
#include "CacheRows.h"
#include "CacheSalvage.h"
#include "JsonValueReader.h"
#include "OpportunityDiff.h"
#include "OpportunityJson.h"
#include "SchemaMigrations.h"
#include "SqlNullText.h"
#include "SqlTransaction.h"
#include "SqliteConnection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <atomic>

namespace {

using SqlNullText::nullable;
using SqlNullText::textOrNull;
using namespace CacheRows;

std::atomic<int> connectionCounter{0};

} // namespace

LocalStore::LocalStore(QObject *parent)
    : QObject(parent)
    , m_connectionName(QStringLiteral("kashew-cache-%1").arg(++connectionCounter))
{}

LocalStore::~LocalStore()
{
    m_statements.clear(); // before the connection goes
    SqliteConnection::close(m_connectionName);
}

bool LocalStore::commit(SqlTransaction &transaction)
{
    return transaction.commit() || fail(QStringLiteral("saving"), transaction.error());
}

bool LocalStore::fail(const QString &what, const QString &error)
{
    m_lastError = what + QStringLiteral(": ") + error;
    return false;
}

std::optional<CachedOpportunity> LocalStore::opportunity(const QString &id)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT ") + rowColumns +
                  QStringLiteral(" FROM opportunities WHERE id = ? AND local_deleted = 0"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return recordFromRow(query);
}

QList<CachedOpportunity> LocalStore::opportunities()
{
    QList<CachedOpportunity> records;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT ") + rowColumns +
                    QStringLiteral(" FROM opportunities WHERE local_deleted = 0"))) {
        fail(QStringLiteral("reading the cache"), query.lastError().text());
        return records;
    }
    while (query.next())
        records.append(recordFromRow(query));
    return records;
}

QList<Account> LocalStore::accounts()
{
    QList<Account> list;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT data FROM accounts")))
        return list;
    while (query.next()) {
        FieldErrors errors;
        const Account account = AccountJson::read(
            QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object(), &errors);
        if (errors.isEmpty())
            list.append(account);
    }
    std::sort(list.begin(), list.end(), [](const Account &a, const Account &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return list;
}

QSqlQuery &LocalStore::prepared(const QString &sql)
{
    std::unique_ptr<QSqlQuery> &query = m_statements[sql];
    if (!query) {
        query = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connectionName));
        query->prepare(sql);
    }
    return *query;
}

bool LocalStore::writeRow(const CachedOpportunity &record, const QString &baseJson)
{
    const Opportunity &o = record.opportunity;
    QSqlQuery &query = prepared(QStringLiteral(
        "INSERT OR REPLACE INTO opportunities (id, name, account_id, account_name, lead_id, value,"
        " currency, stage, probability, expected_close_date, description, owner_id, is_archived,"
        " created_at, updated_at, base, etag, sync_state, sync_error, server_state, "
        "conflict_fields,"
        " server_deleted, local_deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?, ?, ?, ?, 0)"));
    bindData(query, o);
    query.addBindValue(baseJson.isNull() ? opportunityToJson(record.base) : QVariant(baseJson));
    query.addBindValue(record.etag);
    query.addBindValue(static_cast<int>(record.state));
    query.addBindValue(nullable(record.syncError));
    query.addBindValue(opportunityToJson(record.serverState));
    query.addBindValue(record.conflictFields.toInt());
    query.addBindValue(record.serverDeleted ? 1 : 0);
    const bool ok = query.exec();
    query.finish();
    return ok || fail(QStringLiteral("writing %1").arg(o.id), query.lastError().text());
}

bool LocalStore::removeRow(const QString &id)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("DELETE FROM opportunities WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return fail(QStringLiteral("removing %1").arg(id), query.lastError().text());
    query.prepare(QStringLiteral("DELETE FROM opportunity_updates WHERE opportunity_id = ?"));
    query.addBindValue(id);
    return query.exec() || fail(QStringLiteral("removing %1").arg(id), query.lastError().text());
}

std::optional<OutboxEntry> LocalStore::entryFor(const QString &id)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT ") + entryColumns +
                  QStringLiteral(" FROM outbox WHERE opportunity_id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return entryFromRow(query);
}

std::optional<OutboxEntry> LocalStore::entry(qint64 sequence)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT ") + entryColumns +
                  QStringLiteral(" FROM outbox WHERE sequence = ?"));
    query.addBindValue(sequence);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return entryFromRow(query);
}

bool LocalStore::writeEntry(const OutboxEntry &entry)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (entry.sequence > 0) {
        query.prepare(QStringLiteral(
            "UPDATE outbox SET opportunity_id = ?, operation = ?, fields = ?,"
            " idempotency_key = ?, attempts = ?, last_error = ?, in_doubt = ? WHERE sequence = ?"));
    } else {
        query.prepare(QStringLiteral("INSERT INTO outbox (opportunity_id, operation, fields,"
                                     " idempotency_key, attempts, last_error, in_doubt, created_at,"
                                     " sent_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    }
    query.addBindValue(entry.opportunityId);
    query.addBindValue(operationName(entry.operation));
    query.addBindValue(entry.fields.toInt());
    query.addBindValue(nullable(entry.idempotencyKey));
    query.addBindValue(entry.attempts);
    query.addBindValue(nullable(entry.lastError));
    query.addBindValue(entry.inDoubt ? 1 : 0);
    if (entry.sequence > 0) {
        query.addBindValue(entry.sequence);
    } else {
        // A salvaged entry keeps when it was made and what its last send carried: a look-up
        // for a send that may have landed needs both.
        query.addBindValue(timestampText(
            entry.createdAt.isValid() ? entry.createdAt : QDateTime::currentDateTimeUtc()));
        query.addBindValue(entry.sentBody.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                    : QVariant(jsonText(entry.sentBody)));
    }
    return query.exec() || fail(QStringLiteral("writing the outbox"), query.lastError().text());
}

bool LocalStore::removeEntry(qint64 sequence)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("DELETE FROM outbox WHERE sequence = ?"));
    query.addBindValue(sequence);
    return query.exec() || fail(QStringLiteral("writing the outbox"), query.lastError().text());
}

void LocalStore::notifyOutbox()
{
    emit outboxChanged(pendingCount());
}

QList<OutboxEntry> LocalStore::outbox()
{
    QList<OutboxEntry> entries;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT ") + entryColumns +
                    QStringLiteral(" FROM outbox ORDER BY sequence")))
        return entries;
    while (query.next())
        entries.append(entryFromRow(query));
    return entries;
}

QByteArray LocalStore::etagOf(const QString &id)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT etag FROM opportunities WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toByteArray();
}

qint64 LocalStore::opportunityCount()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM opportunities WHERE local_deleted = 0")) ||
        !query.next())
        return 0;
    return query.value(0).toLongLong();
}

int LocalStore::pendingCount()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM outbox")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

QString LocalStore::setting(const QString &key)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return QString();
    return query.value(0).toString();
}

bool LocalStore::setSetting(const QString &key, const QString &value)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"));
    query.addBindValue(key);
    query.addBindValue(value);
    return query.exec() || fail(QStringLiteral("writing a setting"), query.lastError().text());
}
