#include "Outbox.h"

#include "CacheDatabase.h"
#include "CacheRows.h"
#include "SqlNullText.h"
#include "Timestamp.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

const QString writing = QStringLiteral("writing the outbox");

Result<std::optional<OutboxEntry>> oneEntry(QSqlQuery &query)
{
    if (!query.exec() || (!query.next() && query.lastError().isValid()))
        return CacheDatabase::failure(QStringLiteral("reading the outbox"),
                                      query.lastError().text());
    if (!query.isValid())
        return std::optional<OutboxEntry>();
    return std::optional<OutboxEntry>(CacheRows::entryFromRow(query));
}

} // namespace

Result<QList<OutboxEntry>> Outbox::all() const
{
    QList<OutboxEntry> entries;
    QSqlQuery query = m_db.query();
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT ") + CacheRows::entryColumns +
                    QStringLiteral(" FROM outbox ORDER BY sequence")))
        return CacheDatabase::failure(QStringLiteral("reading the outbox"),
                                      query.lastError().text());
    while (query.next())
        entries.append(CacheRows::entryFromRow(query));
    return entries;
}

Result<std::optional<OutboxEntry>> Outbox::entryFor(const QString &opportunityId) const
{
    QSqlQuery query = m_db.query();
    query.prepare(QStringLiteral("SELECT ") + CacheRows::entryColumns +
                  QStringLiteral(" FROM outbox WHERE opportunity_id = ?"));
    query.addBindValue(opportunityId);
    return oneEntry(query);
}

Result<std::optional<OutboxEntry>> Outbox::entry(qint64 sequence) const
{
    QSqlQuery query = m_db.query();
    query.prepare(QStringLiteral("SELECT ") + CacheRows::entryColumns +
                  QStringLiteral(" FROM outbox WHERE sequence = ?"));
    query.addBindValue(sequence);
    return oneEntry(query);
}

Result<int> Outbox::count() const
{
    QSqlQuery query = m_db.query();
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM outbox")) || !query.next())
        return CacheDatabase::failure(QStringLiteral("reading the outbox"),
                                      query.lastError().text());
    return query.value(0).toInt();
}

Status Outbox::write(const OutboxEntry &entry)
{
    using SqlNullText::nullable;
    QSqlQuery query = m_db.query();
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
    query.addBindValue(OutboxEntry::operationName(entry.operation));
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
        query.addBindValue(Timestamp::toText(
            entry.createdAt.isValid() ? entry.createdAt : QDateTime::currentDateTimeUtc()));
        query.addBindValue(entry.sentBody.isEmpty()
                               ? QVariant(QMetaType::fromType<QString>())
                               : QVariant(CacheRows::jsonText(entry.sentBody)));
    }
    if (!query.exec())
        return CacheDatabase::failure(writing, query.lastError().text());
    return {};
}

Status Outbox::remove(qint64 sequence)
{
    return m_db.exec(writing, QStringLiteral("DELETE FROM outbox WHERE sequence = ?"), {sequence});
}

Status Outbox::removeFor(const QString &opportunityId)
{
    return m_db.exec(writing, QStringLiteral("DELETE FROM outbox WHERE opportunity_id = ?"),
                     {opportunityId});
}

Status Outbox::markAttempt(qint64 sequence, const QJsonObject &body)
{
    return m_db.exec(writing,
                     QStringLiteral("UPDATE outbox SET attempts = attempts + 1, in_doubt = 1,"
                                    " sent_body = ? WHERE sequence = ?"),
                     {CacheRows::jsonText(body), sequence});
}

Status Outbox::settle(qint64 sequence)
{
    return m_db.exec(writing, QStringLiteral("UPDATE outbox SET in_doubt = 0 WHERE sequence = ?"),
                     {sequence});
}

Status Outbox::setLastError(qint64 sequence, const QString &error)
{
    return m_db.exec(writing, QStringLiteral("UPDATE outbox SET last_error = ? WHERE sequence = ?"),
                     {error, sequence});
}

Status Outbox::clearLastError(const QString &opportunityId)
{
    return m_db.exec(QStringLiteral("retrying"),
                     QStringLiteral("UPDATE outbox SET last_error = NULL WHERE opportunity_id = ?"),
                     {opportunityId});
}
