#pragma once

#include "Account.h"
#include "ApiClient.h"
#include "Opportunity.h"

#include <QHash>
#include <QStringList>
#include <optional>

// kashew-server's change feed, GET /changes?since=&limit= (CONTRACT.md, "kashew-server
// extensions"), which the hosted API does not have. One call reads one page.
class ChangesRequests final
{
public:
    // One page of the feed, read. Records that cannot be read are left out and named (the call's
    // error then says which, BadResponse, and the page still holds the others).
    struct Page
    {
        QList<Opportunity> upserted;
        // The `etag` of each upserted record that came with one (its version for If-Match).
        QHash<QString, QByteArray> etags;
        QStringList deleted;
        QList<Account> accounts;
        QStringList deletedAccounts;
        QList<ApiClient::UnreadableRecord> unreadable;
        // The next request's `since`: the last entry's cursor.
        qint64 cursor = 0;
        bool hasMore = false;
        // How many records the whole bootstrap holds, where the server says (-1: it does not).
        qint64 total = -1;

        qsizetype received() const { return upserted.size() + unreadable.size(); }
    };
    using PageCallback = ApiClient::Callback<Page>;

    // The largest page the server gives.
    static constexpr int maxLimit = 1000;

    explicit ChangesRequests(ApiClient &client)
        : m_client(client)
    {}

    void read(qint64 since, int limit, PageCallback done);

    // 410: the cursor can no longer be followed (deletions after it were forgotten, or it is
    // another database's); the feed must be read again from since=0.
    static bool isGone(const ApiError &error) { return error.httpStatus == 410; }
    // The server has no feed at this address (404, 405 or 501): not a failure, another path.
    static bool isNoSuchResource(const ApiError &error)
    {
        return error.httpStatus == 404 || error.httpStatus == 405 || error.httpStatus == 501;
    }

private:
    ApiClient &m_client;
};
