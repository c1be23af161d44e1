#include "ChangeLog.h"

#include "ServerRows.h"
#include "SqlTransaction.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <iterator>

namespace {

Failure failed(const QString &what, const QSqlQuery &query)
{
    return Failure{what + QStringLiteral(": ") + query.lastError().text()};
}

// The columns the feed reads after a record's own: the change's cursor, record id and deletion.
QString changeColumns()
{
    return QStringLiteral(", c.seq, c.record_id, c.deleted_at");
}

// The changes of one kind with seq in (since, until], oldest first. "kind || ''" keeps SQLite
// from walking the (kind, record_id) key, every record of the kind, instead of the seq range.
QString changesOfKind(const QString &kind, bool liveOnly)
{
    return QStringLiteral(" WHERE (c.kind || '') = '") + kind +
           QStringLiteral("' AND c.seq > :since AND c.seq <= :until") +
           (liveOnly ? QStringLiteral(" AND c.deleted_at IS NULL") : QString()) +
           QStringLiteral(" ORDER BY c.seq");
}

// ServerRows::accountColumns, each taken from the table named `alias`.
QString accountColumnsOf(const QString &alias)
{
    QStringList columns = ServerRows::accountColumns.split(QStringLiteral(", "));
    for (QString &column : columns)
        column.prepend(alias + QLatin1Char('.'));
    return columns.join(QStringLiteral(", "));
}

// Reads the change columns that follow the record's `recordColumns` columns.
ChangeLog::Entry changeFromRow(const QSqlQuery &query, int recordColumns, ChangeLog::Kind kind)
{
    ChangeLog::Entry entry;
    entry.cursor = query.value(recordColumns).toLongLong();
    entry.kind = kind;
    entry.id = query.value(recordColumns + 1).toString();
    // The record's id is its first column: NULL when the snapshot has no such record.
    entry.deleted = !query.value(recordColumns + 2).isNull() || query.value(0).isNull();
    return entry;
}

} // namespace

ChangeLog::ChangeLog(const QString &connectionName, DatabaseLocation::Backend backend)
    : m_connectionName(connectionName)
    , m_backend(backend)
{}

QString ChangeLog::kindName(Kind kind)
{
    return kind == Kind::Account ? QStringLiteral("account") : QStringLiteral("opportunity");
}

Result<qint64> ChangeLog::record(Kind kind, const QStringList &ids, bool deleted)
{
    if (ids.isEmpty())
        return current();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery clock(db);
    clock.prepare(QStringLiteral("UPDATE change_clock SET last = last + :count RETURNING last"));
    clock.bindValue(QStringLiteral(":count"), qint64(ids.size()));
    if (!clock.exec() || !clock.next())
        return failed(QStringLiteral("advancing the change clock"), clock);
    const qint64 last = clock.value(0).toLongLong();
    clock.finish();
    QSqlQuery change(db);
    change.prepare(QStringLiteral(
        "INSERT INTO changes (kind, record_id, seq, deleted_at) VALUES (:kind, :id, :seq, :deleted)"
        " ON CONFLICT (kind, record_id) DO UPDATE SET seq = excluded.seq,"
        " deleted_at = excluded.deleted_at"));
    const QVariant deletedAt = deleted ? QVariant(QDateTime::currentSecsSinceEpoch())
                                       : QVariant(QMetaType::fromType<qint64>());
    qint64 seq = last - ids.size();
    for (const QString &id : ids) {
        change.bindValue(QStringLiteral(":kind"), kindName(kind));
        change.bindValue(QStringLiteral(":id"), id);
        change.bindValue(QStringLiteral(":seq"), ++seq);
        change.bindValue(QStringLiteral(":deleted"), deletedAt);
        if (!change.exec())
            return failed(QStringLiteral("recording a change"), change);
    }
    if (m_backend == DatabaseLocation::Backend::Postgres) {
        QSqlQuery notify(db);
        notify.prepare(QStringLiteral("SELECT pg_notify('kashew_changes', :cursor)"));
        notify.bindValue(QStringLiteral(":cursor"), QString::number(last));
        if (!notify.exec())
            return failed(QStringLiteral("announcing a change"), notify);
    }
    return last;
}

Status ChangeLog::recordAll()
{
    const Result<qint64> base = current();
    if (!base)
        return Failure{base.error()};
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    // "WHERE true": SQLite's parser needs it before ON CONFLICT after a SELECT.
    const QString upsert = QStringLiteral(" ON CONFLICT (kind, record_id) DO UPDATE SET"
                                          " seq = excluded.seq, deleted_at = NULL");
    const QStringList statements{
        QStringLiteral("INSERT INTO changes (kind, record_id, seq, deleted_at)"
                       " SELECT 'account', id, :base + ROW_NUMBER() OVER (ORDER BY created_at, id),"
                       " NULL FROM accounts WHERE true") +
            upsert,
        QStringLiteral("INSERT INTO changes (kind, record_id, seq, deleted_at)"
                       " SELECT 'opportunity', id, :base + (SELECT COUNT(*) FROM accounts) +"
                       " ROW_NUMBER() OVER (ORDER BY seq), NULL FROM opportunities WHERE true") +
            upsert,
        QStringLiteral("UPDATE change_clock SET last = :base + (SELECT COUNT(*) FROM accounts) +"
                       " (SELECT COUNT(*) FROM opportunities)"),
    };
    for (const QString &statement : statements) {
        QSqlQuery query(db);
        query.prepare(statement);
        query.bindValue(QStringLiteral(":base"), *base);
        if (!query.exec())
            return failed(QStringLiteral("recording the loaded records' changes"), query);
    }
    return {};
}

Result<qint64> ChangeLog::current()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT last FROM change_clock")) || !query.next())
        return failed(QStringLiteral("reading the change clock"), query);
    return query.value(0).toLongLong();
}

Result<ChangeLog::Page> ChangeLog::read(qint64 since, int limit)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    // One snapshot for every statement below: SQLite's read transaction (WAL) gives it by
    // itself, PostgreSQL's needs REPEATABLE READ.
    SqlTransaction transaction(m_connectionName);
    if (!transaction.isActive())
        return Failure{QStringLiteral("reading the changes: no transaction could be started")};
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (m_backend == DatabaseLocation::Backend::Postgres &&
        !query.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")))
        return failed(QStringLiteral("reading the changes"), query);
    if (!query.exec(QStringLiteral("SELECT last, horizon FROM change_clock")) || !query.next())
        return failed(QStringLiteral("reading the change clock"), query);
    Page page;
    page.clock = {query.value(0).toLongLong(), query.value(1).toLongLong()};
    query.finish();
    page.followable = since == 0 || (since >= page.clock.horizon && since <= page.clock.last);
    if (!page.followable)
        return page;

    // The page ends before the (limit + 1)th change: found, there is more.
    const bool liveOnly = since == 0;
    query.prepare(QStringLiteral("SELECT seq FROM changes WHERE seq > :since") +
                  (liveOnly ? QStringLiteral(" AND deleted_at IS NULL") : QString()) +
                  QStringLiteral(" ORDER BY seq LIMIT 1 OFFSET :limit"));
    query.bindValue(QStringLiteral(":since"), since);
    query.bindValue(QStringLiteral(":limit"), limit);
    if (!query.exec())
        return failed(QStringLiteral("reading the changes"), query);
    page.hasMore = query.next();
    const qint64 until = page.hasMore ? query.value(0).toLongLong() - 1 : page.clock.last;
    query.finish();

    // One kind after the other (PostgreSQL's driver reads one forward-only result at a time),
    // then merged: both come in cursor order.
    QSqlQuery opportunities(db);
    opportunities.setForwardOnly(true);
    opportunities.prepare(QStringLiteral("SELECT ") + ServerRows::opportunitySelect +
                          changeColumns() +
                          QStringLiteral(" FROM changes c LEFT JOIN opportunities o"
                                         " ON o.id = c.record_id LEFT JOIN accounts a"
                                         " ON a.id = o.account_id") +
                          changesOfKind(kindName(Kind::Opportunity), liveOnly));
    opportunities.bindValue(QStringLiteral(":since"), since);
    opportunities.bindValue(QStringLiteral(":until"), until);
    if (!opportunities.exec())
        return failed(QStringLiteral("reading the changes"), opportunities);
    const int opportunityColumns = ServerRows::versionColumn + 1;
    QList<Entry> opportunityEntries;
    while (opportunities.next()) {
        Entry entry = changeFromRow(opportunities, opportunityColumns, Kind::Opportunity);
        if (!entry.deleted) {
            entry.opportunity = ServerRows::opportunityFromRow(opportunities);
            entry.version = opportunities.value(ServerRows::versionColumn).toLongLong();
        }
        opportunityEntries.append(entry);
    }
    opportunities.finish();

    QSqlQuery accounts(db);
    accounts.setForwardOnly(true);
    accounts.prepare(QStringLiteral("SELECT ") + accountColumnsOf(QStringLiteral("r")) +
                     changeColumns() +
                     QStringLiteral(" FROM changes c LEFT JOIN accounts r ON r.id = c.record_id") +
                     changesOfKind(kindName(Kind::Account), liveOnly));
    accounts.bindValue(QStringLiteral(":since"), since);
    accounts.bindValue(QStringLiteral(":until"), until);
    if (!accounts.exec())
        return failed(QStringLiteral("reading the changes"), accounts);
    const auto accountColumns =
        static_cast<int>(ServerRows::accountColumns.count(QLatin1Char(','))) + 1;
    QList<Entry> accountEntries;
    while (accounts.next()) {
        Entry entry = changeFromRow(accounts, accountColumns, Kind::Account);
        if (!entry.deleted)
            entry.account = ServerRows::accountFromRow(accounts);
        accountEntries.append(entry);
    }
    accounts.finish();

    page.entries.reserve(opportunityEntries.size() + accountEntries.size());
    std::merge(opportunityEntries.cbegin(), opportunityEntries.cend(), accountEntries.cbegin(),
               accountEntries.cend(), std::back_inserter(page.entries),
               [](const Entry &a, const Entry &b) { return a.cursor < b.cursor; });
    // A bootstrap sends no deletions, not even of a record that a live change names and the
    // snapshot lacks (a write that did not record its change).
    if (liveOnly)
        page.entries.removeIf([](const Entry &entry) { return entry.deleted; });
    if (!transaction.commit())
        return Failure{QStringLiteral("reading the changes: ") + transaction.error()};
    return page;
}

Result<qint64> ChangeLog::forgetTombstones(qint64 deletedBefore)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    const QString expired =
        QStringLiteral(" FROM changes WHERE deleted_at IS NOT NULL AND deleted_at < :before");
    {
        QSqlQuery probe(db);
        probe.setForwardOnly(true);
        probe.prepare(QStringLiteral("SELECT COUNT(*)") + expired);
        probe.bindValue(QStringLiteral(":before"), deletedBefore);
        if (!probe.exec() || !probe.next())
            return failed(QStringLiteral("looking for old tombstones"), probe);
        if (probe.value(0).toLongLong() == 0)
            return 0;
    }
    SqlTransaction transaction(m_connectionName);
    if (!transaction.isActive())
        return Failure{QStringLiteral("forgetting tombstones: no transaction could be started")};
    QSqlQuery query(db);
    // The clock's row first, as ChangeLog::record takes it: no change is recorded until this
    // commits, so the tombstones counted are the ones deleted, and the horizon covers them.
    if (!query.exec(QStringLiteral("UPDATE change_clock SET horizon = horizon")))
        return failed(QStringLiteral("locking the change clock"), query);
    query.prepare(QStringLiteral("SELECT COUNT(*), MAX(seq)") + expired);
    query.bindValue(QStringLiteral(":before"), deletedBefore);
    if (!query.exec() || !query.next())
        return failed(QStringLiteral("reading old tombstones"), query);
    const qint64 count = query.value(0).toLongLong();
    const qint64 newest = query.value(1).toLongLong();
    query.finish();
    if (count == 0)
        return 0;
    query.prepare(QStringLiteral("DELETE") + expired + QStringLiteral(" AND seq <= :newest"));
    query.bindValue(QStringLiteral(":before"), deletedBefore);
    query.bindValue(QStringLiteral(":newest"), newest);
    if (!query.exec())
        return failed(QStringLiteral("forgetting tombstones"), query);
    query.prepare(QStringLiteral("UPDATE change_clock SET horizon ="
                                 " CASE WHEN horizon < :newest THEN :again ELSE horizon END"));
    query.bindValue(QStringLiteral(":newest"), newest);
    query.bindValue(QStringLiteral(":again"), newest);
    if (!query.exec())
        return failed(QStringLiteral("moving the change horizon"), query);
    if (!transaction.commit())
        return Failure{QStringLiteral("forgetting tombstones: ") + transaction.error()};
    return count;
}
