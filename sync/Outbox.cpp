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
    // Prepared once: a bulk change reads the entry of every record it edits.
    static const QString sql = QStringLiteral("SELECT ") + CacheRows::entryColumns +
                               QStringLiteral(" FROM outbox WHERE opportunity_id = ?");
    QSqlQuery &query = m_db.prepared(sql);
    // Forward only: otherwise every exec allocates a cache for 128 rows of every column.
    query.setForwardOnly(true);
    query.addBindValue(opportunityId);
    auto found = oneEntry(query);
    query.finish();
    return found;
}

Result<QHash<QString, OutboxEntry>> Outbox::entriesFor(const QStringList &opportunityIds) const
{
    constexpr qsizetype chunk = 500; // well under SQLite's limit on bound values
    QHash<QString, OutboxEntry> entries;
    for (qsizetype start = 0; start < opportunityIds.size(); start += chunk) {
        const QStringList some = opportunityIds.mid(start, chunk);
        QStringList marks;
        marks.fill(QStringLiteral("?"), some.size());
        QSqlQuery query = m_db.query();
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT ") + CacheRows::entryColumns +
                      QStringLiteral(" FROM outbox WHERE opportunity_id IN (") +
                      marks.join(QStringLiteral(", ")) + QStringLiteral(")"));
        for (const QString &id : some)
            query.addBindValue(id);
        if (!query.exec())
            return CacheDatabase::failure(QStringLiteral("reading the outbox"),
                                          query.lastError().text());
        while (query.next()) {
            OutboxEntry entry = CacheRows::entryFromRow(query);
            const QString id = entry.opportunityId;
            entries.insert(id, std::move(entry));
        }
        if (query.lastError().isValid())
            return CacheDatabase::failure(QStringLiteral("reading the outbox"),
                                          query.lastError().text());
    }
    return entries;
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
    // Prepared once each: a bulk change writes an entry per record.
    static const QString update = QStringLiteral(
        "UPDATE outbox SET opportunity_id = ?, operation = ?, fields = ?,"
        " idempotency_key = ?, attempts = ?, last_error = ?, in_doubt = ? WHERE sequence = ?");
    static const QString insert = QStringLiteral(
        "INSERT INTO outbox (opportunity_id, operation, fields, idempotency_key, attempts,"
        " last_error, in_doubt, created_at, sent_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    QSqlQuery &query = m_db.prepared(entry.sequence > 0 ? update : insert);
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
    const bool ok = query.exec();
    const QString error = ok ? QString() : query.lastError().text();
    query.finish();
    if (!ok)
        return CacheDatabase::failure(writing, error);
    return {};
}

Status Outbox::remove(qint64 sequence)
{
    // Prepared once: an edit back to the server's value takes its entry away, in bulk too.
    QSqlQuery &query = m_db.prepared(QStringLiteral("DELETE FROM outbox WHERE sequence = ?"));
    query.addBindValue(sequence);
    const bool ok = query.exec();
    const QString error = ok ? QString() : query.lastError().text();
    query.finish();
    if (!ok)
        return CacheDatabase::failure(writing, error);
    return {};
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
