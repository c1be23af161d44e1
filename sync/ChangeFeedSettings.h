#pragma once

#include "Result.h"
#include "ServerFeatures.h"

#include <QUrl>
#include <optional>

class SyncJournal;

// What the cache keeps between syncs and starts about a server's extensions and its change feed,
// in its settings: the extensions the server at an address named last (key server/features), so
// that a sync knows its way without a request to find out, and the cursor the cache has followed
// the feed up to (key changes/cursor; none before a bootstrap completed).
class ChangeFeedSettings final
{
public:
    explicit ChangeFeedSettings(SyncJournal &journal)
        : m_journal(journal)
    {}

    // The extensions the server at `baseUrl` named last (none: unknown at that address).
    ServerFeatures features(const QUrl &baseUrl);
    // Remembers them. Another address, or a server that no longer names the feed, also forgets
    // the feed (forgetFeed()): its cursors mean nothing there.
    Status setFeatures(const QUrl &baseUrl, const ServerFeatures &features);

    std::optional<qint64> cursor();
    Status setCursor(std::optional<qint64> cursor);
    // Drops the cursor and abandons a feed bootstrap under way (nothing cached is removed).
    Status forgetFeed();

private:
    SyncJournal &m_journal;
};
