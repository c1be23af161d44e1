#pragma once

#include "ChangesRequests.h"
#include "PullProgress.h"
#include "SyncTask.h"

#include <optional>

// Brings the cache up to date from kashew-server's change feed (GET /changes): from the cursor
// the cache has followed up to, page after page until the server has no more, each page kept at
// once (records merged with their etags, deletions applied, accounts stored) and the cursor saved
// after it, never ahead of what is stored. Without a cursor it bootstraps: since=0 reads every
// record, as a pass (PullProgress, source Feed) that a cut (network, 429, the budget) leaves to be
// resumed from its cursor by the next sync; once it has seen every page, cached records it did
// not see are taken for deleted. A 410 (the cursor is too old) starts a bootstrap over, in the
// same task. A server without the feed at this address ends it Refused: the engine falls back on
// the listing. Records it cannot read are left out, kept as they were and named
// (unreadableError), never taken for deleted.
class FollowChangesTask final : public SyncTask
{
    Q_OBJECT

public:
    explicit FollowChangesTask(SyncJournal &journal, ApiClient &client, QObject *parent = nullptr);

    void start() override;
    // Whether this task read the feed from since=0 (or resumed such a read).
    bool bootstrapped() const { return m_bootstrapped; }
    // The records this task could not read, with the fields at fault (none: it read them all).
    // Meaningful once it finished Done.
    const ApiError &unreadableError() const { return m_unreadableError; }

signals:
    // A page is kept with `records` records taken from it; `total`: how many the bootstrap holds
    // where known (-1: not known, or not a bootstrap).
    void pageStored(int records, qint64 total);

private:
    // Starts a pass from since=0, abandoning whatever pass was under way.
    Status beginBootstrap();
    void readPage();
    void pageRead(const ApiError &error, const ChangesRequests::Page &page);
    Status keep(const ChangesRequests::Page &page);
    // The bootstrap has read its last page.
    Status completeBootstrap();

    qint64 m_cursor = 0;
    // The bootstrap under way (none: following from a cursor).
    std::optional<PullProgress> m_pass;
    bool m_bootstrapped = false;
    // A 410 starts one bootstrap over; a second one in the same sync is a failure.
    bool m_restarted = false;
    // An unreadable record without an id may be any record: the bootstrap then takes none for
    // deleted.
    bool m_passTrustworthy = true;
    QList<ApiClient::UnreadableRecord> m_unreadable;
    ApiError m_unreadableError;
};
