#pragma once

#include "PipelineTotals.h"
#include "Stage.h"

#include <QSet>
#include <QString>

class OpportunityListModel;

// The filters of the API, as one value: the list and the board apply the same one, and a cached
// row passes exactly when the server would list it for the same query.
struct OpportunityFilter
{
    // Trimmed and case-folded (see setSearch): a substring of the case-folded name.
    QString search;
    // Empty: every stage.
    QSet<Stage> stages;
    QString accountId;
    QString ownerId;
    // Archived deals instead of live ones, as the API's isArchived.
    bool archived = false;

    void setSearch(const QString &text) { search = text.trimmed().toCaseFolded(); }
    bool accepts(const OpportunityListModel &model, int row) const;

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
