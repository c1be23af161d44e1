#pragma once

#include "ApiResponse.h"

#include <QUrlQuery>

class ServerStore;

// GET /api/v1/changes?since=CURSOR&limit=N (a kashew-server extension): the changes after the
// cursor in commit order, each record whole (with its etag) or, for a deletion, its id; the next
// cursor and whether more remain. since=0 is a bootstrap; a cursor older than the tombstones
// kept is answered 410, so that the client bootstraps again.
class ChangeFeedService final
{
public:
    ChangeFeedService(ServerStore &store, qint64 keepTombstonesSeconds);

    ApiResponse read(const QUrlQuery &query);

private:
    ServerStore &m_store;
    qint64 m_keepTombstonesSeconds;
};
