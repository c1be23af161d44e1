#include "OpportunityFilter.h"

bool OpportunityFilter::accepts(const Opportunity &opportunity) const
{
    return opportunity.isArchived == archived &&
           (stages.isEmpty() || stages.contains(opportunity.stage)) &&
           (accountId.isEmpty() || opportunity.accountId == accountId) &&
           (ownerId.isEmpty() || opportunity.ownerId == ownerId) &&
           (search.isEmpty() || matchesFoldedName(fold(opportunity.name)));
}

QUrlQuery OpportunityFilter::toQuery() const
{
    QUrlQuery query;
    if (!search.isEmpty())
        query.addQueryItem(QStringLiteral("search"), search);
    if (stages.size() == 1)
        query.addQueryItem(QStringLiteral("status"), Stages::id(*stages.cbegin()));
    if (!accountId.isEmpty())
        query.addQueryItem(QStringLiteral("accountId"), accountId);
    if (!ownerId.isEmpty())
        query.addQueryItem(QStringLiteral("ownerId"), ownerId);
    if (archived)
        query.addQueryItem(QStringLiteral("isArchived"), QStringLiteral("true"));
    return query;
}
