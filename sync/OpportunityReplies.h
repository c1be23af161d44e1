#pragma once

#include "ApiClient.h"

#include <QJsonDocument>
#include <optional>

// Reads the answers of the /opportunities routes into ApiClient's pages and details, through the
// tolerant readers of models/.
class OpportunityReplies final
{
public:
    // A listing's answer to page `pageRequest` of the records with isArchived `archived`;
    // `features`: the extensions the answer named (per-item etags are read only where it names
    // them). On an envelope that cannot be read, or unreadable records, `error` says why.
    static ApiClient::OpportunityPage readPage(const QJsonDocument &json,
                                               const ServerFeatures &features, bool archived,
                                               ApiClient::PageRequest pageRequest, ApiError *error);
    // A single record's answer (GET, POST, PUT); none when it cannot be read (`error` says why).
    static std::optional<ApiClient::Detail> readDetail(const QJsonDocument &json,
                                                       const QByteArray &etag, ApiError *error);
};
