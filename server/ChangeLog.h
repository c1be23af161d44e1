#pragma once

#include "Account.h"
#include "DatabaseLocation.h"
#include "Opportunity.h"
#include "Result.h"

#include <QList>
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

    // The clock as one snapshot saw it.
    struct Clock
    {
        qint64 last = 0;
        qint64 horizon = 0;
    };

    // One change as the feed gives it: the record as it stands, or its id once it is deleted.
    struct Entry
    {
        qint64 cursor = 0;
        Kind kind = Kind::Opportunity;
        QString id;
        // A tombstone, or a record missing from the snapshot (a reader must drop it all the same).
        bool deleted = false;
        // A live opportunity and its version (its ETag), or a live account.
        Opportunity opportunity;
        qint64 version = 0;
        Account account;
    };

    struct Page
    {
        Clock clock;
        // False when `since` cannot be followed: older than the horizon (tombstones forgotten
        // after it) or newer than the clock (another database's cursor). Then nothing is read.
        bool followable = true;
        QList<Entry> entries;
        bool hasMore = false;
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

    // At most `limit` changes after `since`, in cursor order, read in ONE snapshot (the clock,
    // the changes and the records they name agree): since 0 is a bootstrap, live records only.
    // Outside any transaction of the caller's.
    Result<Page> read(qint64 since, int limit);
    // Forgets the tombstones of records deleted before `deletedBefore` (seconds since the epoch)
    // and moves the horizon past them, in a transaction of its own that takes the clock's row
    // first, as writers do (no deadlock, no tombstone added meanwhile). A cheap indexed probe
    // when there is nothing to forget. Returns how many were forgotten.
    Result<qint64> forgetTombstones(qint64 deletedBefore);

    static QString kindName(Kind kind);

private:
    QString m_connectionName;
    DatabaseLocation::Backend m_backend;
};
