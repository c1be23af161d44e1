#include "ChangeLog.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

Failure failed(const QString &what, const QSqlQuery &query)
{
    return Failure{what + QStringLiteral(": ") + query.lastError().text()};
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
