#include "OpportunityFilter.h"

#include "OpportunityListModel.h"

bool OpportunityFilter::accepts(const OpportunityListModel &model, int row) const
{
    // Cheapest tests first: the search is the only one that reads text.
    const Opportunity &o = model.rowAt(row).opportunity;
    return o.isArchived == archived && (stages.isEmpty() || stages.contains(o.stage)) &&
           (accountId.isEmpty() || o.accountId == accountId) &&
           (ownerId.isEmpty() || o.ownerId == ownerId) &&
           (search.isEmpty() || model.foldedNameAt(row).contains(search));
}
