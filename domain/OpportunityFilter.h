#pragma once

#include "CloseWindow.h"
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
    // Folded by fold() (see setSearch): a substring of the folded name or account name.
    QString search;
    // What the API is asked for (see setSearch): the text trimmed and case-folded but with its
    // accents, as the hosted API's search keeps them. Empty: search itself.
    QString searchQuery;
    // Empty: every stage.
    QSet<Stage> stages;
    QString accountId;
    QString ownerId;
    // Archived deals instead of live ones, as the API's isArchived.
    bool archived = false;

    // kashew's own refinements, applied to the cache only: never in toQuery(), never known to a
    // server, and not applied by accepts(opportunity) (they need today and the stale rule; see
    // OpportunityListModel::accepts).
    // Only deals gone stale (StaleRule).
    bool staleOnly = false;
    // Only deals closing in this window (a forecast bar).
    CloseWindow closing;

    // The one folding rule of search, for the names searched and the text typed: compatibility
    // decomposition (NFKD) without its non-spacing marks, then case folding, so "Kraków",
    // "KRAKOW" and "krakow" fold alike. Letters that have no decomposition but are written
    // without their stroke or as two letters on a plain keyboard map too: ł→l, ø→o, đ/ð→d,
    // ħ→h, ŧ→t, ı→i, ß→ss, æ→ae, œ→oe, þ→th. Control characters fold to a space, so that
    // searchSeparator never occurs in folded text. Folding folded text changes nothing.
    static QString fold(const QString &text);
    // Between the folded name and the folded account name in one searched text: no search
    // contains it, so no match spans both.
    static constexpr QChar searchSeparator = QChar(0x1f);
    // The text a search is matched against: the folded name, searchSeparator, the folded
    // account name.
    static QString searchableText(const QString &name, const QString &accountName);

    void setSearch(const QString &text)
    {
        searchQuery = text.trimmed().toCaseFolded();
        search = fold(searchQuery).trimmed();
    }
    // Whether a text folded by fold() (a name, or searchableText()) matches the search.
    bool matchesFoldedName(QStringView foldedText) const
    {
        return search.isEmpty() || foldedText.contains(search);
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
               a.ownerId == b.ownerId && a.archived == b.archived && a.staleOnly == b.staleOnly &&
               a.closing == b.closing;
    }
    friend bool operator!=(const OpportunityFilter &a, const OpportunityFilter &b)
    {
        return !(a == b);
    }
};
