#pragma once

#include "ApiResponse.h"

#include <QUrlQuery>

class ServerStore;

// GET /api/v1/changes?since=CURSOR&limit=N (a kashew-server extension; read keys allowed):
//   200 {"changes": [{"cursor": 17, "kind": "opportunity", "op": "upsert", "record": {...},
//                     "etag": "\"3\""},
//                    {"cursor": 18, "kind": "opportunity", "op": "delete", "id": "..."},
//                    {"cursor": 19, "kind": "account", "op": "upsert", "record": {...}}],
//        "cursor": 19, "hasMore": false}
// The changes after `since` (default 0) in commit order, at most `limit` (default 500, 1 to
// 1000; else 422 naming the parameter). A record changed twice appears once, at its latest
// change; an opportunity's record is GET /opportunities/{id}'s without "updates", an account's
// GET /accounts/{id}'s. "cursor" is the last entry's (or `since` when there is none): the next
// request's `since`. since=0 is a bootstrap: live records only, no tombstones; its last page's
// cursor is the clock's, so that what follows it is all news.
// 410 Gone {"detail"} when 0 < since < the horizon (tombstones after it were forgotten) or since
// is past the clock (another database's cursor): the client bootstraps again. Tombstones older
// than keepTombstonesSeconds are forgotten on each read, before it is answered.
class ChangeFeedService final
{
public:
    static constexpr int defaultLimit = 500;
    static constexpr int maxLimit = 1000;

    ChangeFeedService(ServerStore &store, qint64 keepTombstonesSeconds);

    ApiResponse read(const QUrlQuery &query);

private:
    ServerStore &m_store;
    qint64 m_keepTombstonesSeconds;
};
