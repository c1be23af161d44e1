#include "ChangeFeedService.h"

#include "ServerStore.h"

ChangeFeedService::ChangeFeedService(ServerStore &store, qint64 keepTombstonesSeconds)
    : m_store(store)
    , m_keepTombstonesSeconds(keepTombstonesSeconds)
{}

ApiResponse ChangeFeedService::read(const QUrlQuery &query)
{
    Q_UNUSED(query);
    return ApiResponse::error(501, QStringLiteral("Not Implemented"));
}
