#pragma once

#include "CachedOpportunity.h"
#include "FieldError.h"
#include "OutboxEntry.h"
#include "Timestamp.h"

#include <QJsonObject>
#include <QString>
#include <QVariant>
#include <optional>

class QSqlQuery;

// How the cache's rows map to records and outbox entries: one place for the column lists, so
// the store and the salvage of a damaged file read rows the same way. The record's own columns
// come from the OpportunityColumns table kashew-server's store shares.
namespace CacheRows {

// Every column of an opportunities row that recordFromRow() reads, in its order: the record's
// own columns (dataColumns), then base, etag, sync_state, sync_error, server_state,
// conflict_fields, server_deleted, sync_field_errors.
extern const QString rowColumns;
// The record's own columns, in the order bindData() binds them.
extern const QString dataColumns;
// Every column of an outbox row that entryFromRow() reads, in its order.
extern const QString entryColumns;

QString jsonText(const QJsonObject &object);
std::optional<Opportunity> opportunityFromJson(const QVariant &value);
QVariant opportunityToJson(const std::optional<Opportunity> &opportunity);
// Field errors as the sync_field_errors column holds them: a JSON array of {field, message},
// NULL when there are none.
QVariant fieldErrorsToJson(const FieldErrors &errors);
FieldErrors fieldErrorsFromJson(const QVariant &value);
// Kept for its callers; the format is Timestamp's.
inline QString timestampText(const QDateTime &time)
{
    return Timestamp::toText(time);
}
// The record from the dataColumns at the start of a row.
Opportunity opportunityFromRow(const QSqlQuery &query);
CachedOpportunity recordFromRow(const QSqlQuery &query);
OutboxEntry entryFromRow(const QSqlQuery &query);
// Binds the dataColumns by position.
void bindData(QSqlQuery &query, const Opportunity &o);

} // namespace CacheRows
