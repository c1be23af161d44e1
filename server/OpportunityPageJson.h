#pragma once

#include "ListPage.h"
#include "StoredOpportunity.h"

#include <QByteArray>

// The body of GET /opportunities written straight into bytes, to the byte what
// QJsonDocument(...).toJson(Compact) makes of OpportunityJson::toResponse() items plus "etag"
// (keys sorted as QJsonObject sorts them, numbers and escapes as Qt writes them), without a
// QJsonObject per record: building those was most of a list request's time.
namespace OpportunityPageJson {

QByteArray write(const ListPage<StoredOpportunity> &page, int pageNumber, int pageSize,
                 bool withEtags);

// One record as an object, as it appears in the list (exposed for the tests).
void appendRecord(QByteArray &json, const StoredOpportunity &stored, bool withEtag);

} // namespace OpportunityPageJson
