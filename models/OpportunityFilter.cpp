#include "OpportunityFilter.h"

#include "OpportunityListModel.h"

bool OpportunityFilter::accepts(const OpportunityListModel &model, int row) const
{
    // The packed facts first; the record itself only for an account or owner filter.
    const OpportunityListModel::Facts &facts = model.factsAt(row);
    return facts.archived == archived && (stages.isEmpty() || stages.contains(facts.stage)) &&
           (accountId.isEmpty() || model.rowAt(row).opportunity.accountId == accountId) &&
           (ownerId.isEmpty() || model.rowAt(row).opportunity.ownerId == ownerId) &&
           (search.isEmpty() || model.foldedNameAt(row).contains(search));
}
