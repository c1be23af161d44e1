#pragma once

#include "Account.h"
#include "AccountFilter.h"
#include "Opportunity.h"
#include "OpportunityFilter.h"
#include "OpportunityUpdate.h"

#include <QHash>
#include <QString>
#include <optional>

// kashew-server's storage on QtSql/SQLite: opportunities, accounts, updates histories and
// remembered idempotent responses. Every method reports failure by its return value; the caller
// owns transactions (SqlTransaction on connectionName()).
class ServerStore final
{
public:
    struct StoredOpportunity
    {
        Opportunity opportunity;
        // Bumped on every change; the ETag is derived from it.
        qint64 version = 0;
    };
    template <typename T> struct Page
    {
        QList<T> items;
        qint64 totalCount = 0;
    };
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
    bool open(const QString &path, QString *error);
    QString connectionName() const { return m_connectionName; }
    QString lastError() const { return m_lastError; }
    static int schemaVersion();

    // A strictly increasing UTC time, never before any stored created_at or updated_at: new
    // records' creation order is then their insertion (seq) order, whatever the clock does.
    QDateTime nextTimestamp();

    std::optional<qint64> opportunityCount();
    std::optional<Page<Opportunity>> listOpportunities(const OpportunityFilter &filter, int page,
                                                       int pageSize);
    // nullopt with an empty lastError() means "no such id".
    std::optional<StoredOpportunity> findOpportunity(const QString &id);
    bool insertOpportunity(const Opportunity &opportunity);
    bool updateOpportunity(const Opportunity &opportunity, qint64 version);
    bool deleteOpportunity(const QString &id);

    std::optional<QList<OpportunityUpdate>> updates(const QString &opportunityId);
    bool insertUpdate(const QString &opportunityId, const OpportunityUpdate &update);

    std::optional<Page<Account>> listAccounts(const AccountFilter &filter, int page, int pageSize);
    std::optional<Account> findAccount(const QString &id);
    bool insertAccount(const Account &account);

    // Idempotency-Key handling: a response remembered for (principal, key) for 24 hours.
    std::optional<RememberedResponse> rememberedResponse(const QString &principal,
                                                         const QString &key);
    bool rememberResponse(const QString &principal, const QString &key,
                          const RememberedResponse &response);

    // Bulk insertion for demo data into an empty database, each opportunity with its creation
    // entry (same index), in one transaction.
    bool insertDemo(const QList<Account> &accounts, const QList<Opportunity> &opportunities,
                    const QList<OpportunityUpdate> &creations);

    // Forgets cached list totals; called after any write.
    void invalidateCounts() { m_countCache.clear(); }

private:
    bool migrate();
    // Inside the caller's transaction.
    bool insertDemoRows(const QList<Account> &accounts, const QList<Opportunity> &opportunities,
                        const QList<OpportunityUpdate> &creations);
    bool fail(const QString &what, const QString &error);

    QString m_connectionName;
    QString m_lastError;
    QDateTime m_lastTimestamp;
    // COUNT(*) per filter, valid until the next write: paging clients ask the same count per page.
    QHash<QString, qint64> m_countCache;
};
