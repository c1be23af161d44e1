#include "SavedView.h"

SavedView SavedView::of(const QString &name, const OpportunityFilter &filter,
                        const QString &searchText, const QString &meId)
{
    SavedView view;
    view.name = name;
    view.searchText = searchText;
    view.stages = filter.stages;
    view.accountId = filter.accountId;
    view.ownerIsMe = !meId.isEmpty() && filter.ownerId == meId;
    if (!view.ownerIsMe)
        view.ownerId = filter.ownerId;
    view.archived = filter.archived;
    view.staleOnly = filter.staleOnly;
    return view;
}

OpportunityFilter SavedView::filter(const QString &meId) const
{
    OpportunityFilter filter;
    filter.setSearch(searchText);
    filter.stages = stages;
    filter.accountId = accountId;
    filter.ownerId = ownerIsMe ? meId : ownerId;
    filter.archived = archived;
    filter.staleOnly = staleOnly;
    return filter;
}
