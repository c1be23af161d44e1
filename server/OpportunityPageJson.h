#pragma once

#include "ListPage.h"
#include "StoredOpportunity.h"

#include <QByteArray>
#include <optional>

// The body of GET /opportunities written straight into bytes, to the byte what
// QJsonDocument(...).toJson(Compact) makes of OpportunityJson::toResponse() items plus "etag"
// (keys sorted as QJsonObject sorts them, numbers and escapes as Qt writes them), without a
// QJsonObject per record: building those was most of a list request's time.
namespace OpportunityPageJson {

QByteArray write(const ListPage<StoredOpportunity> &page, int pageNumber, int pageSize,
                 bool withEtags);

// write()'s parts around the records, for a writer of its own records (SqlitePageJson).
void appendStart(QByteArray &json);
void appendEnd(QByteArray &json, int pageNumber, int pageSize, qint64 totalCount);
// A number as QJsonValue(double) and Qt's writer write it.
void appendNumber(QByteArray &json, double value);
// The integer Qt's writer writes for `value` when it writes one (a whole number below 2^53 in
// magnitude); none when it writes a fraction or an exponent.
std::optional<qint64> exactInteger(double value);

// One record as an object, as it appears in the list (exposed for the tests).
void appendRecord(QByteArray &json, const StoredOpportunity &stored, bool withEtag);

} // namespace OpportunityPageJson
