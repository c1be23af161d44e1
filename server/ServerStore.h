#pragma once

#include "Account.h"
#include "AccountFilter.h"
#include "ListPage.h"
#include "Opportunity.h"
#include "OpportunityFilter.h"
#include "OpportunityListing.h"
#include "OpportunityUpdate.h"
#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

// kashew-server's storage on QtSql/SQLite: opportunities, accounts, updates histories and
// remembered idempotent responses. Every method returns its failure as a value; "not found" is an
// empty optional, never an error. The caller owns transactions (SqlTransaction on
// connectionName()). The schema is ServerSchema's, the listing OpportunityListing's.
class ServerStore final
{
public:
    struct StoredOpportunity
    {
        Opportunity opportunity;
        // Bumped on every change; the ETag is derived from it.
        qint64 version = 0;
    };
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

    // Opens (creating or migrating) the database file; WAL, foreign keys, busy timeout.
    Status open(const QString &path);
    QString connectionName() const { return m_connectionName; }
    static int schemaVersion();

    // A strictly increasing UTC time, never before any stored created_at or updated_at: new
    // records' creation order is then their insertion (seq) order, whatever the clock does.
    QDateTime nextTimestamp();
    // Records stored by other means (the demo loader) count too: later times only from now on.
    void keepAfter(const QDateTime &time);

    Result<qint64> opportunityCount();
    Result<Page<Opportunity>> listOpportunities(const OpportunityFilter &filter, int page,
                                                int pageSize);
    Result<std::optional<StoredOpportunity>> findOpportunity(const QString &id);
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
    Result<std::optional<RememberedResponse>> rememberedResponse(const QString &principal,
                                                                 const QString &key);
    Status rememberResponse(const QString &principal, const QString &key,
                            const RememberedResponse &response);

    // Forgets cached list totals; called after any write.
    void invalidateCounts() { m_listing.invalidateCounts(); }

private:
    QString m_connectionName;
    QDateTime m_lastTimestamp;
    OpportunityListing m_listing;
};
