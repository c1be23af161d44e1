#pragma once

#include "ApiKeyring.h"
#include "ApiResponse.h"
#include "Opportunity.h"

#include <QUrlQuery>

class ServerStore;

// The Opportunities resource: list, read, create, update, delete, with the updates history,
// ETag/If-Match and Idempotency-Key. Each method is one request, in one transaction.
class OpportunityService final
{
public:
    explicit OpportunityService(ServerStore &store);

    // `withEtags`: each item carries its entity tag (a kashew-server extension).
    ApiResponse list(const QUrlQuery &query, bool withEtags = true);
    ApiResponse get(const QString &id);
    ApiResponse create(const Caller &caller, const QByteArray &body,
                       const QByteArray &idempotencyKey);
    ApiResponse update(const Caller &caller, const QString &id, const QByteArray &body,
                       const QByteArray &ifMatch);
    ApiResponse remove(const QString &id, const QByteArray &ifMatch);

private:
    // A 500 for a failed database operation; `error` goes to the log only.
    static ApiResponse databaseError(const QString &error);
    // Validates and resolves the account; returns a 422 response when the record is unfit.
    std::optional<ApiResponse> checkWritable(Opportunity &opportunity);

    ServerStore &m_store;
};
