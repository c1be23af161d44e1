#include "RecordTable.h"

#include "CacheDatabase.h"
#include "CacheRows.h"
#include "SqlNullText.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// "?, ?, ?": `count` of them.
QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

// One "?" per column of a comma-separated column list.
QString placeholdersFor(const QString &columns)
{
    return placeholders(columns.count(QLatin1Char(',')) + 1);
}

// The one row `query` selects, if any.
Result<std::optional<CachedOpportunity>> oneRecord(QSqlQuery &query, const QString &id)
{
    if (!query.exec())
        return CacheDatabase::failure(QStringLiteral("reading %1").arg(id),
                                      query.lastError().text());
    if (!query.next()) {
        if (query.lastError().isValid())
            return CacheDatabase::failure(QStringLiteral("reading %1").arg(id),
                                          query.lastError().text());
        return std::optional<CachedOpportunity>();
    }
    return std::optional<CachedOpportunity>(CacheRows::recordFromRow(query));
}

} // namespace

Result<std::optional<CachedOpportunity>> RecordTable::find(const QString &id) const
{
    // Prepared once: a bulk change reads every record it edits.
    static const QString sql =
        QStringLiteral("SELECT ") + CacheRows::rowColumns +
        QStringLiteral(" FROM opportunities WHERE id = ? AND local_deleted = 0");
    QSqlQuery &query = m_db.prepared(sql);
    // Forward only: otherwise every exec allocates a cache for 128 rows of every column.
    query.setForwardOnly(true);
    query.addBindValue(id);
    auto found = oneRecord(query, id);
    query.finish();
    return found;
}

Result<std::optional<CachedOpportunity>> RecordTable::findAny(const QString &id) const
{
    QSqlQuery query = m_db.query();
    query.prepare(QStringLiteral("SELECT ") + CacheRows::rowColumns +
                  QStringLiteral(", local_deleted FROM opportunities WHERE id = ?"));
    query.addBindValue(id);
    auto found = oneRecord(query, id);
    if (found && *found && query.value(QStringLiteral("local_deleted")).toBool()) {
        std::optional<CachedOpportunity> record = *found;
        record->state = SyncState::Pending; // a pending delete keeps its row hidden
        return record;
    }
    return found;
}

Result<QList<CachedOpportunity>> RecordTable::findMany(const QStringList &ids) const
{
    // Hundreds of ids per statement: a bulk change's records read in a few round trips, well
    // under SQLite's limit on bound values.
    constexpr qsizetype chunk = 500;
    QHash<QString, CachedOpportunity> found;
    found.reserve(ids.size());
    for (qsizetype start = 0; start < ids.size(); start += chunk) {
        const QStringList some = ids.mid(start, chunk);
        QSqlQuery query = m_db.query();
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT ") + CacheRows::rowColumns +
                      QStringLiteral(" FROM opportunities WHERE local_deleted = 0 AND id IN (") +
                      placeholders(some.size()) + QStringLiteral(")"));
        for (const QString &id : some)
            query.addBindValue(id);
        if (!query.exec())
            return CacheDatabase::failure(QStringLiteral("reading the cache"),
                                          query.lastError().text());
        while (query.next()) {
            CachedOpportunity record = CacheRows::recordFromRow(query);
            const QString id = record.opportunity.id;
            found.insert(id, std::move(record));
        }
        if (query.lastError().isValid())
            return CacheDatabase::failure(QStringLiteral("reading the cache"),
                                          query.lastError().text());
    }
    QList<CachedOpportunity> records;
    records.reserve(found.size());
    for (const QString &id : ids) {
        if (auto record = found.find(id); record != found.end()) {
            records.append(std::move(*record));
            found.erase(record); // an id named twice is read once
        }
    }
    return records;
}

Result<QList<CachedOpportunity>> RecordTable::all() const
{
    QList<CachedOpportunity> records;
    QSqlQuery query = m_db.query();
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT ") + CacheRows::rowColumns +
                    QStringLiteral(" FROM opportunities WHERE local_deleted = 0")))
        return CacheDatabase::failure(QStringLiteral("reading the cache"),
                                      query.lastError().text());
    while (query.next())
        records.append(CacheRows::recordFromRow(query));
    return records;
}

Result<qint64> RecordTable::count() const
{
    QSqlQuery query = m_db.query();
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM opportunities WHERE local_deleted = 0")) ||
        !query.next())
        return CacheDatabase::failure(QStringLiteral("reading the cache"),
                                      query.lastError().text());
    return query.value(0).toLongLong();
}

Result<QByteArray> RecordTable::etagOf(const QString &id) const
{
    QSqlQuery query = m_db.query();
    query.prepare(QStringLiteral("SELECT etag FROM opportunities WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return CacheDatabase::failure(QStringLiteral("reading %1").arg(id),
                                      query.lastError().text());
    return query.next() ? query.value(0).toByteArray() : QByteArray();
}

Status RecordTable::write(const CachedOpportunity &record, const QString &baseJson)
{
    using SqlNullText::nullable;
    static const QString columns =
        CacheRows::dataColumns +
        QStringLiteral(", base, etag, sync_state, sync_error, server_state, conflict_fields,"
                       " server_deleted, sync_field_errors, local_deleted");
    static const QString sql = QStringLiteral("INSERT OR REPLACE INTO opportunities (") + columns +
                               QStringLiteral(") VALUES (") + placeholdersFor(columns) +
                               QStringLiteral(")");
    const Opportunity &o = record.opportunity;
    QSqlQuery &query = m_db.prepared(sql);
    CacheRows::bindData(query, o);
    query.addBindValue(baseJson.isNull() ? CacheRows::opportunityToJson(record.base)
                                         : QVariant(baseJson));
    query.addBindValue(record.etag);
    query.addBindValue(static_cast<int>(record.state));
    query.addBindValue(nullable(record.syncError));
    query.addBindValue(CacheRows::opportunityToJson(record.serverState));
    query.addBindValue(record.conflictFields.toInt());
    query.addBindValue(record.serverDeleted ? 1 : 0);
    query.addBindValue(CacheRows::fieldErrorsToJson(record.syncFieldErrors));
    query.addBindValue(0); // shown
    const bool ok = query.exec();
    query.finish();
    if (!ok)
        return CacheDatabase::failure(QStringLiteral("writing %1").arg(o.id),
                                      query.lastError().text());
    return {};
}

Status RecordTable::remove(const QString &id)
{
    const QString what = QStringLiteral("removing %1").arg(id);
    if (Status removed =
            m_db.exec(what, QStringLiteral("DELETE FROM opportunities WHERE id = ?"), {id});
        !removed)
        return removed;
    return m_db.exec(
        what, QStringLiteral("DELETE FROM opportunity_updates WHERE opportunity_id = ?"), {id});
}

Status RecordTable::setHidden(const QString &id, bool hidden, SyncState state)
{
    return m_db.exec(hidden ? QStringLiteral("deleting %1").arg(id) : QStringLiteral("discarding"),
                     QStringLiteral("UPDATE opportunities SET local_deleted = ?, sync_state = ?"
                                    " WHERE id = ?"),
                     {hidden ? 1 : 0, static_cast<int>(state), id});
}

Status RecordTable::setEtag(const QString &id, const QByteArray &etag)
{
    return m_db.exec(QStringLiteral("merging"),
                     QStringLiteral("UPDATE opportunities SET etag = ? WHERE id = ?"), {etag, id});
}

Status RecordTable::setServerVersion(const QString &id, const Opportunity &base,
                                     const QByteArray &etag)
{
    return m_db.exec(QStringLiteral("completing an edit"),
                     QStringLiteral("UPDATE opportunities SET etag = ?, base = ? WHERE id = ?"),
                     {etag, CacheRows::opportunityToJson(base), id});
}

Status RecordTable::markFailed(const QString &id, const QString &error,
                               const FieldErrors &fieldErrors)
{
    return m_db.exec(QStringLiteral("writing the outbox"),
                     QStringLiteral("UPDATE opportunities SET sync_state = ?, sync_error = ?,"
                                    " sync_field_errors = ?, local_deleted = 0 WHERE id = ?"),
                     {static_cast<int>(SyncState::Failed), error,
                      CacheRows::fieldErrorsToJson(fieldErrors), id});
}

Result<QStringList> RecordTable::failedIds(const QString &id) const
{
    QStringList ids;
    QSqlQuery query = m_db.query();
    query.prepare(
        QStringLiteral("SELECT o.id FROM opportunities o JOIN outbox x ON x.opportunity_id = o.id"
                       " WHERE o.sync_state = ? AND (? = '' OR o.id = ?)"));
    query.addBindValue(static_cast<int>(SyncState::Failed));
    query.addBindValue(id.isNull() ? QString(QLatin1String("")) : id);
    query.addBindValue(id);
    if (!query.exec())
        return CacheDatabase::failure(QStringLiteral("retrying"), query.lastError().text());
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

Status RecordTable::clearFailure(const QString &id)
{
    return m_db.exec(QStringLiteral("retrying"),
                     QStringLiteral("UPDATE opportunities SET sync_state = ?, sync_error = NULL,"
                                    " sync_field_errors = NULL WHERE id = ?"),
                     {static_cast<int>(SyncState::Pending), id});
}
