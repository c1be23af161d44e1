#pragma once

#include "DatabaseLocation.h"
#include "Result.h"

#include <QString>
#include <QStringList>

// kashew-server's change sequence, kept in the database so that every process shares it:
// - change_clock, one row: `last`, the newest cursor given out, and `horizon`, the newest cursor
//   of a tombstone forgotten (an older cursor cannot be followed: 410);
// - changes, one row per record (kind, record_id): `seq`, the cursor of its latest change, and
//   `deleted_at` (seconds since the epoch) once the record is deleted: a tombstone.
// A record changed twice keeps only its latest cursor, so a bootstrap (since 0) reads each live
// record once and a follower sees every record's latest state in commit order.
class ChangeLog final
{
public:
    enum class Kind
    {
        Opportunity,
        Account
    };

    ChangeLog(const QString &connectionName, DatabaseLocation::Backend backend);

    // Inside the caller's write transaction, as its last statement before COMMIT: gives each id
    // the clock's next cursor and returns the last one. The clock's row stays locked until the
    // transaction ends, so a cursor is handed out only after every smaller one has committed or
    // rolled back: cursor order is commit order, and a reader past cursor N never misses a change
    // numbered N or less that commits later (PostgreSQL's sequences would not promise that). On
    // PostgreSQL it also queues NOTIFY kashew_changes, delivered to every process on commit.
    Result<qint64> record(Kind kind, const QStringList &ids, bool deleted = false);
    // After a bulk load (the demo loader, in its transaction): every account, then every
    // opportunity, in creation order, gets a change; the clock moves past them.
    Status recordAll();
    // The newest cursor given out and committed (as this connection sees it).
    Result<qint64> current();

    static QString kindName(Kind kind);

private:
    QString m_connectionName;
    DatabaseLocation::Backend m_backend;
};
