#pragma once

#include "DatabaseLocation.h"
#include "ListPage.h"
#include "Opportunity.h"
#include "OpportunityFilter.h"
#include "Result.h"
#include "StoredOpportunity.h"

#include <QHash>
#include <QString>
#include <memory>
#include <unordered_map>

class QSqlQuery;
struct SqlWhere;

// GET /opportunities on kashew-server's database (SQLite or PostgreSQL): the filter as a bound
// WHERE clause, newest first, one page at a time, with the total count remembered per filter
// until the next write, by whichever process: the change clock (ChangeLog) tells. Each record
// comes with its version, for the per-item etag.
class OpportunityListing final
{
public:
    explicit OpportunityListing(const QString &connectionName);
    ~OpportunityListing();
    OpportunityListing(const OpportunityListing &) = delete;
    OpportunityListing &operator=(const OpportunityListing &) = delete;

    Result<ListPage<StoredOpportunity>> list(const OpportunityFilter &filter, int page,
                                             int pageSize);
    // Forgets remembered totals; the store calls it after any write (its own writes move the
    // change clock only when a service records them).
    void invalidateCounts() { m_countCache.clear(); }
    // Drops the prepared statements; the store calls it before it closes the connection.
    void forgetStatements();

private:
    Result<qint64> count(const QString &key, const SqlWhere &where);
    DatabaseLocation::Backend backend() const;
    // The statement for `sql`, prepared on first use and kept: preparing the page's query cost
    // about as much as running it (on PostgreSQL, a round trip more). Null if it does not
    // prepare (the error in `error`).
    QSqlQuery *prepared(const QString &sql, QString *error);

    QString m_connectionName;
    // COUNT(*) per filter, valid until the next write: paging clients ask the same count per page.
    QHash<QString, qint64> m_countCache;
    // The change clock the remembered counts were made at.
    qint64 m_countClock = -1;
    // By SQL text: one per shape of filter, a few dozen at most.
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};
