#pragma once

#include "SyncTask.h"

#include <QSet>

// Pulls the server's whole listing into the cache: every page of the live records, then of the
// archived ones, each staged as it comes, then all committed in one transaction. A page that
// fails ends it Failed and leaves the cache as it was. Records it cannot read are left out and
// kept as they were; unreadableError() names them.
class PullListingTask final : public SyncTask
{
    Q_OBJECT

public:
    explicit PullListingTask(SyncJournal &journal, ApiClient &client, QObject *parent = nullptr);

    void start() override;
    // The records this pull could not read, with the fields at fault (none: it read them all).
    // Meaningful once it finished Done.
    const ApiError &unreadableError() const { return m_unreadableError; }

signals:
    // A page is staged with `records` records taken from it. `listingTotal` is the server's count
    // of the live or archived listing, on the listing's first page (-1: not said).
    void pageStored(int records, qint64 listingTotal);

private:
    void pullPage(bool archived, int page);
    // The last page is staged: commits the pull.
    void commit();

    QSet<QString> m_pulledIds;
    int m_largestPage = 0;
    // Whether every record the server has was listed: only then is absence taken for deletion.
    bool m_pullComplete = true;
    // The sum of the listings' counts (-1: no listing said).
    qint64 m_listedTotal = -1;
    // Records of this pull kashew could not read: left as they were, reported when it ends.
    QList<ApiClient::UnreadableRecord> m_unreadable;
    ApiError m_unreadableError;
};
