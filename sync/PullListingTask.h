#pragma once

#include "ApiLimits.h"
#include "ListingPass.h"
#include "SyncTask.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <memory>
#include <optional>

// Pulls the server's whole listing into the cache as a pass (PullProgress, source Listing): every
// page of the live records, then of the archived ones, each kept as it arrives, where the pass
// stands saved after each. A page that fails (the budget, a 429, the network) ends it Failed with
// what it kept, and the next one goes on from there (ListingPass finds the position again when
// records created or deleted meanwhile moved it). Only a pass that saw every page takes the
// cached records it did not see for deleted. Records it cannot read are left out and kept as they
// were; unreadableError() names them.
class PullListingTask final : public SyncTask
{
    Q_OBJECT

public:
    explicit PullListingTask(SyncJournal &journal, ApiClient &client, QObject *parent = nullptr);

    // The page size asked for (default: the largest the API allows); before start().
    void setPageSize(int pageSize) { m_pageSize = pageSize; }
    void start() override;
    // The records this pull could not read, with the fields at fault (none: it read them all).
    // Meaningful once it finished Done.
    const ApiError &unreadableError() const { return m_unreadableError; }
    // Where kashew-server's change feed goes on from after this pull (the cursor read before the
    // pass's first page): only after a complete pass whose every page said one (none otherwise).
    // Meaningful once it finished Done.
    std::optional<qint64> feedCursor() const { return m_feedCursor; }

signals:
    // A page is stored with `records` records taken from it. `listingTotal` is the server's count
    // of the live or archived listing, on the listing's first page (-1: not said).
    void pageStored(int records, qint64 listingTotal);

private:
    // A page asked for, and its answer once it came.
    struct Asked
    {
        ListingPass::Request request;
        bool answered = false;
        ApiError error;
        ApiClient::OpportunityPage result;
    };

    void pullPage();
    std::shared_ptr<Asked> ask(const ListingPass::Request &request);
    // Asks for the pages likely to follow `request` up to `depth` ahead, unless under way; those
    // asked before further ahead stay, the others are dropped.
    void askAhead(const ListingPass::Request &request, int depth);
    // Whether a page may be asked for before it is known to be needed: not under a request
    // budget, where a guess that misses would cost a request of the hour.
    bool mayAskAhead() const;
    void pageAnswered(const std::shared_ptr<Asked> &asked);
    void keepPage(const ListingPass::Request &asked, const ApiClient::OpportunityPage &result);
    // Keeps the pages held so far, then saves where the pass stands; false when the cache refused
    // (the task finished).
    bool flush();
    bool saveProgress();
    // The last page is stored: completes (or, in doubt, ends) the pass.
    void endPass();

    int m_pageSize = ApiLimits::maxPageSize;
    // The page the pass waits for, and those asked ahead while it is kept, in order (the server
    // lists the next pages while this process reads and stores the last ones).
    std::shared_ptr<Asked> m_current;
    QList<std::shared_ptr<Asked>> m_ahead;
    ListingPass m_pass{ApiLimits::maxPageSize};
    QDateTime m_startedAt;
    // Pages taken but not yet kept (flush()), and since when.
    QList<Opportunity> m_heldItems;
    QHash<QString, QByteArray> m_heldEtags;
    QStringList m_heldUnreadable;
    QElapsedTimer m_sinceFlush;
    // The ids this sync took, and whether it took the whole live listing itself.
    QSet<QString> m_pulledIds;
    bool m_liveListedHere = false;
    // Each listing's count on its first page in this sync (live: false, archived: true).
    QHash<bool, qint64> m_listedTotals;
    // Records of this pull kashew could not read: left as they were, reported when it ends.
    QList<ApiClient::UnreadableRecord> m_unreadable;
    ApiError m_unreadableError;
    std::optional<qint64> m_feedCursor;
};
