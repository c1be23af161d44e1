#include "CacheRows.h"

#include "OpportunityColumns.h"
#include "OpportunityJson.h"
#include "SqlNullText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace CacheRows {

using SqlNullText::nullable;
using SqlNullText::textOrNull;

namespace {

// Where the cache's own columns start in a row of rowColumns.
const int firstCacheColumn = static_cast<int>(OpportunityColumns::all().size());

} // namespace

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<Opportunity> opportunityFromJson(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    const auto reading =
        OpportunityJson::read(QJsonDocument::fromJson(value.toString().toUtf8()).object(),
                              OpportunityJson::ReadMode::Response);
    if (!reading.ok())
        return std::nullopt;
    return reading.opportunity;
}

QVariant opportunityToJson(const std::optional<Opportunity> &opportunity)
{
    return opportunity ? QVariant(jsonText(OpportunityJson::toResponse(*opportunity)))
                       : QVariant(QMetaType::fromType<QString>());
}

QVariant fieldErrorsToJson(const FieldErrors &errors)
{
    if (errors.isEmpty())
        return QVariant(QMetaType::fromType<QString>());
    QJsonArray array;
    for (const FieldError &error : errors)
        array.append(QJsonObject{{QStringLiteral("field"), error.field},
                                 {QStringLiteral("message"), error.message}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

FieldErrors fieldErrorsFromJson(const QVariant &value)
{
    FieldErrors errors;
    if (value.isNull())
        return errors;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const QJsonValue &item : array) {
        const QJsonObject error = item.toObject();
        errors.append({error.value(QStringLiteral("field")).toString(),
                       error.value(QStringLiteral("message")).toString()});
    }
    return errors;
}

const QString dataColumns = OpportunityColumns::names();

const QString rowColumns =
    dataColumns + QStringLiteral(", base, etag, sync_state, sync_error, server_state,"
                                 " conflict_fields, server_deleted, sync_field_errors");

Opportunity opportunityFromRow(const QSqlQuery &query)
{
    return OpportunityColumns::read(query);
}

CachedOpportunity recordFromRow(const QSqlQuery &query)
{
    CachedOpportunity record;
    record.opportunity = opportunityFromRow(query);
    const int c = firstCacheColumn;
    record.base = opportunityFromJson(query.value(c));
    record.etag = query.value(c + 1).toByteArray();
    record.state = static_cast<SyncState>(query.value(c + 2).toInt());
    record.syncError = textOrNull(query.value(c + 3));
    record.serverState = opportunityFromJson(query.value(c + 4));
    record.conflictFields = OpportunityFields::fromInt(query.value(c + 5).toUInt());
    record.serverDeleted = query.value(c + 6).toBool();
    record.syncFieldErrors = fieldErrorsFromJson(query.value(c + 7));
    return record;
}

OutboxEntry entryFromRow(const QSqlQuery &query)
{
    OutboxEntry entry;
    entry.sequence = query.value(0).toLongLong();
    entry.opportunityId = query.value(1).toString();
    entry.operation = OutboxEntry::operationFromName(query.value(2).toString());
    entry.fields = OpportunityFields::fromInt(query.value(3).toUInt());
    entry.idempotencyKey = textOrNull(query.value(4));
    entry.attempts = query.value(5).toInt();
    entry.lastError = textOrNull(query.value(6));
    entry.createdAt = Timestamp::fromText(query.value(7).toString());
    entry.sentBody = QJsonDocument::fromJson(query.value(8).toString().toUtf8()).object();
    entry.inDoubt = query.value(9).toBool();
    return entry;
}

const QString entryColumns = QStringLiteral("sequence, opportunity_id, operation, fields, "
                                            "idempotency_key, attempts, last_error, created_at,"
                                            " sent_body, in_doubt");

void bindData(QSqlQuery &query, const Opportunity &o)
{
    OpportunityColumns::bindPositional(query, o);
}

} // namespace CacheRows
