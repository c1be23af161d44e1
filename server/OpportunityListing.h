#pragma once

#include "DatabaseLocation.h"
#include "ListPage.h"
#include "Opportunity.h"
#include "OpportunityFilter.h"
#include "Result.h"
#include "StoredOpportunity.h"

#include <QHash>
#include <QString>

struct SqlWhere;

// GET /opportunities on kashew-server's database (SQLite or PostgreSQL): the filter as a bound
// WHERE clause, newest first, one page at a time, with the total count remembered per filter
// until the next write, by whichever process: the change clock (ChangeLog) tells. Each record
// comes with its version, for the per-item etag.
class OpportunityListing final
{
public:
    explicit OpportunityListing(const QString &connectionName);

    Result<ListPage<StoredOpportunity>> list(const OpportunityFilter &filter, int page,
                                             int pageSize);
    // Forgets remembered totals; the store calls it after any write (its own writes move the
    // change clock only when a service records them).
    void invalidateCounts() { m_countCache.clear(); }

private:
    Result<qint64> count(const QString &key, const SqlWhere &where);
    DatabaseLocation::Backend backend() const;

    QString m_connectionName;
    // COUNT(*) per filter, valid until the next write: paging clients ask the same count per page.
    QHash<QString, qint64> m_countCache;
    // The change clock the remembered counts were made at.
    qint64 m_countClock = -1;
};
