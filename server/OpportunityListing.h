#pragma once

#include "ListPage.h"
#include "Opportunity.h"
#include "OpportunityFilter.h"
#include "Result.h"

#include <QHash>
#include <QString>

struct SqlWhere;

// GET /opportunities on kashew-server's database: the filter as a bound WHERE clause, newest
// first, one page at a time, with the total count remembered per filter until the next write.
class OpportunityListing final
{
public:
    explicit OpportunityListing(const QString &connectionName);

    Result<ListPage<Opportunity>> list(const OpportunityFilter &filter, int page, int pageSize);
    // Forgets remembered totals; the store calls it after any write.
    void invalidateCounts() { m_countCache.clear(); }

private:
    Result<qint64> count(const QString &key, const SqlWhere &where);

    QString m_connectionName;
    // COUNT(*) per filter, valid until the next write: paging clients ask the same count per page.
    QHash<QString, qint64> m_countCache;
};
