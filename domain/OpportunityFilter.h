#pragma once

#include "Opportunity.h"
#include "Stage.h"

#include <QSet>
#include <QString>
#include <QUrlQuery>

// The filters of the API, as one value: the list, the board, the CLI, the API client and
// kashew-server's listing apply the same one, so a cached row passes exactly when the server
// would list it for the same query.
struct OpportunityFilter
{
    // Folded by fold() (see setSearch): a substring of the folded name.
    QString search;
    // Empty: every stage.
    QSet<Stage> stages;
    QString accountId;
    QString ownerId;
    // Archived deals instead of live ones, as the API's isArchived.
    bool archived = false;

    // The one folding rule of search, for the names searched and the text typed.
    static QString fold(const QString &text) { return text.toCaseFolded(); }
    void setSearch(const QString &text) { search = fold(text.trimmed()); }
    // Whether a name already folded (see fold()) matches the search.
    bool matchesFoldedName(QStringView foldedName) const
    {
        return search.isEmpty() || foldedName.contains(search);
    }
    // The slow path, from the record itself (the item models keep folded names; see
    // OpportunityListModel::accepts).
    bool accepts(const Opportunity &opportunity) const;

    // The API's query parameters (search, status, accountId, ownerId, isArchived). The API names
    // at most one stage: a filter of several asks for every stage, and what comes back is
    // filtered with accepts().
    QUrlQuery toQuery() const;

    friend bool operator==(const OpportunityFilter &a, const OpportunityFilter &b)
    {
        return a.search == b.search && a.stages == b.stages && a.accountId == b.accountId &&
               a.ownerId == b.ownerId && a.archived == b.archived;
    }
    friend bool operator!=(const OpportunityFilter &a, const OpportunityFilter &b)
    {
        return !(a == b);
    }
};
