#pragma once

#include "Account.h"
#include "AccountFilter.h"
#include "ChangeLog.h"
#include "DatabaseLocation.h"
#include "ListPage.h"
#include "Opportunity.h"
#include "OpportunityFilter.h"
#include "OpportunityListing.h"
#include "OpportunityUpdate.h"
#include "Result.h"
#include "StoredOpportunity.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <functional>
#include <optional>

// kashew-server's storage on QtSql, SQLite or PostgreSQL: opportunities, accounts, updates
// histories and remembered idempotent responses. Every method returns its failure as a value; "not
// found" is an empty optional, never an error. The caller owns transactions (SqlTransaction on
// connectionName()). The schema is ServerSchema's, the listing OpportunityListing's.
class ServerStore final
{
public:
    using StoredOpportunity = ::StoredOpportunity;
    template <typename T> using Page = ListPage<T>;
    struct RememberedResponse
    {
        int status = 0;
        QByteArray body;
    };

    explicit ServerStore(const QString &connectionName = QStringLiteral("kashew-server"));
    ~ServerStore();
    ServerStore(const ServerStore &) = delete;
    ServerStore &operator=(const ServerStore &) = delete;

    // Row locks for a read inside a write transaction.
    enum class Lock
    {
        None,
        // PostgreSQL: SELECT ... FOR UPDATE, so that two processes updating one record take
        // turns (SQLite has one writer at a time anyway).
        ForUpdate
    };

    // Opens (creating or migrating) the database: an SQLite file (WAL, foreign keys, busy
    // timeout) or a PostgreSQL database.
    Status open(const DatabaseLocation &location);
    Status open(const QString &sqlitePath) { return open(DatabaseLocation::sqlite(sqlitePath)); }
    QString connectionName() const { return m_connectionName; }
    DatabaseLocation::Backend backend() const { return m_backend; }
    static int schemaVersion();

    // A strictly increasing UTC time, never before any stored created_at or updated_at: new
    // records' creation order is then their insertion (seq) order, whatever the clock does.
    QDateTime nextTimestamp();
    // Records stored by other means (the demo loader) count too: later times only from now on.
    void keepAfter(const QDateTime &time);

    Result<qint64> opportunityCount();
    Result<Page<Opportunity>> listOpportunities(const OpportunityFilter &filter, int page,
                                                int pageSize);
    // The same page with each record's version (for the listing's per-item etag).
    Result<Page<StoredOpportunity>> listStoredOpportunities(const OpportunityFilter &filter,
                                                            int page, int pageSize);
    // The same page as GET /opportunities' body (OpportunityPageJson's bytes).
    Result<QByteArray> listOpportunityPageJson(const OpportunityFilter &filter, int page,
                                               int pageSize, bool withEtags);
    Result<std::optional<StoredOpportunity>> findOpportunity(const QString &id,
                                                             Lock lock = Lock::None);
    Status insertOpportunity(const Opportunity &opportunity);
    Status updateOpportunity(const Opportunity &opportunity, qint64 version);
    Status deleteOpportunity(const QString &id);

    Result<QList<OpportunityUpdate>> updates(const QString &opportunityId);
    Status insertUpdate(const QString &opportunityId, const OpportunityUpdate &update);

    Result<Page<Account>> listAccounts(const AccountFilter &filter, int page, int pageSize);
    Result<std::optional<Account>> findAccount(const QString &id);
    Status insertAccount(const Account &account);
    // Renames an account; its deals' searchable text follows (a trigger). The renamed account,
    // or none when there is no such account.
    Result<std::optional<Account>> renameAccount(const QString &id, const QString &name);

    // Idempotency-Key handling: a response remembered for (principal, key) for 24 hours.
    // Inside the write transaction, before rememberedResponse(): requests with one key take
    // turns until commit, whichever process answers them (PostgreSQL: an advisory lock; SQLite:
    // nothing to do, one process writes at a time).
    Status lockIdempotencyKey(const QString &principal, const QString &key);
    Result<std::optional<RememberedResponse>> rememberedResponse(const QString &principal,
                                                                 const QString &key);
    Status rememberResponse(const QString &principal, const QString &key,
                            const RememberedResponse &response);

    // Forgets cached list totals; called after any write.
    void invalidateCounts() { m_listing.invalidateCounts(); }

    // changes().current(), read through a statement kept prepared (the list route's cursor).
    Result<qint64> currentChange() { return m_listing.changeClock(); }
    // The change sequence; writes record into it before they commit.
    ChangeLog &changes() { return m_changes; }
    // After a write committed changes up to `cursor`: tells the listener (the live events) at
    // once, within this process. Other processes learn it from PostgreSQL's NOTIFY.
    void announceChanges(qint64 cursor);
    void setChangeListener(std::function<void(qint64 cursor)> listener);

private:
    Status openSqlite(const QString &path);
    Status openPostgres(const DatabaseLocation &location);

    QString m_connectionName;
    DatabaseLocation::Backend m_backend = DatabaseLocation::Backend::Sqlite;
    ChangeLog m_changes;
    std::function<void(qint64)> m_changeListener;
    QDateTime m_lastTimestamp;
    OpportunityListing m_listing;
};
