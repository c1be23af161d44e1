#pragma once

#include "OpportunityFilter.h"
#include "Stage.h"

#include <QSet>
#include <QString>

// One saved view: the filter bar's choices and the list's sort under a name. The search is kept
// as typed (the filter keeps it folded), and "owner is me" stays a flag, resolved when the view is
// opened, so that a view such as "My open deals" serves whoever "me" is then.
struct SavedView
{
    QString name;
    // The search field's text as the user typed it.
    QString searchText;
    // Empty: every stage.
    QSet<Stage> stages;
    QString accountId;
    // An owner by id; unused when ownerIsMe.
    QString ownerId;
    bool ownerIsMe = false;
    bool archived = false;
    // Only stale deals (the filter's staleOnly). A close-date window is not kept: it is a
    // forecast bar's passing choice.
    bool staleOnly = false;
    // The list's sort column by a name the list knows it by (see SavedViewsMenu); empty: the
    // list's own order.
    QString sortColumn;
    Qt::SortOrder sortOrder = Qt::AscendingOrder;

    // The view of what the filter bar shows: an owner who is `meId` (when known) is saved as
    // "me".
    static SavedView of(const QString &name, const OpportunityFilter &filter,
                        const QString &searchText, const QString &meId);
    // The filter to show, with "me" as `meId`: with no me known, every owner.
    OpportunityFilter filter(const QString &meId) const;

    friend bool operator==(const SavedView &a, const SavedView &b)
    {
        return a.name == b.name && a.searchText == b.searchText && a.stages == b.stages &&
               a.accountId == b.accountId && a.ownerId == b.ownerId && a.ownerIsMe == b.ownerIsMe &&
               a.archived == b.archived && a.staleOnly == b.staleOnly &&
               a.sortColumn == b.sortColumn && a.sortOrder == b.sortOrder;
    }
    friend bool operator!=(const SavedView &a, const SavedView &b) { return !(a == b); }
};
