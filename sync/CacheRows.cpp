#include "CacheRows.h"

#include "JsonValueReader.h"
#include "OpportunityJson.h"
#include "SqlNullText.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace CacheRows {

using SqlNullText::nullable;
using SqlNullText::textOrNull;

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

const QString rowColumns = QStringLiteral(
    "id, name, account_id, account_name, lead_id, value, currency, stage, probability,"
    " expected_close_date, description, owner_id, is_archived, created_at, updated_at, base, etag,"
    " sync_state, sync_error, server_state, conflict_fields, server_deleted");

QString timestampText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// The record's own columns, the first fifteen of a row.
Opportunity opportunityFromRow(const QSqlQuery &query)
{
    Opportunity o;
    o.id = query.value(0).toString();
    o.name = query.value(1).toString();
    o.accountId = textOrNull(query.value(2));
    o.accountName = textOrNull(query.value(3));
    o.leadId = textOrNull(query.value(4));
    o.value = query.value(5).toDouble();
    o.currency = query.value(6).toString();
    o.stage = Stages::fromId(query.value(7).toString()).value_or(Stage::Prospecting);
    o.probability = query.value(8).toInt();
    if (!query.value(9).isNull())
        o.expectedCloseDate =
            JsonValueReader::parseDate(query.value(9).toString()).value_or(QDate());
    o.description = textOrNull(query.value(10));
    o.ownerId = textOrNull(query.value(11));
    o.isArchived = query.value(12).toBool();
    if (!query.value(13).isNull())
        o.createdAt =
            JsonValueReader::parseTimestamp(query.value(13).toString()).value_or(QDateTime());
    if (!query.value(14).isNull())
        o.updatedAt =
            JsonValueReader::parseTimestamp(query.value(14).toString()).value_or(QDateTime());
    return o;
}

CachedOpportunity recordFromRow(const QSqlQuery &query)
{
    CachedOpportunity record;
    record.opportunity = opportunityFromRow(query);
    record.base = opportunityFromJson(query.value(15));
    record.etag = query.value(16).toByteArray();
    record.state = static_cast<SyncState>(query.value(17).toInt());
    record.syncError = textOrNull(query.value(18));
    record.serverState = opportunityFromJson(query.value(19));
    record.conflictFields = OpportunityFields::fromInt(query.value(20).toUInt());
    record.serverDeleted = query.value(21).toBool();
    return record;
}

QString operationName(OutboxEntry::Operation operation)
{
    switch (operation) {
    case OutboxEntry::Operation::Create:
        return QStringLiteral("create");
    case OutboxEntry::Operation::Update:
        return QStringLiteral("update");
    case OutboxEntry::Operation::Delete:
        return QStringLiteral("delete");
    }
    Q_UNREACHABLE();
}

OutboxEntry entryFromRow(const QSqlQuery &query)
{
    OutboxEntry entry;
    entry.sequence = query.value(0).toLongLong();
    entry.opportunityId = query.value(1).toString();
    const QString operation = query.value(2).toString();
    entry.operation = operation == QLatin1String("create")   ? OutboxEntry::Operation::Create
                      : operation == QLatin1String("delete") ? OutboxEntry::Operation::Delete
                                                             : OutboxEntry::Operation::Update;
    entry.fields = OpportunityFields::fromInt(query.value(3).toUInt());
    entry.idempotencyKey = textOrNull(query.value(4));
    entry.attempts = query.value(5).toInt();
    entry.lastError = textOrNull(query.value(6));
    entry.createdAt = QDateTime::fromString(query.value(7).toString(), Qt::ISODateWithMs);
    entry.sentBody = QJsonDocument::fromJson(query.value(8).toString().toUtf8()).object();
    entry.inDoubt = query.value(9).toBool();
    return entry;
}

const QString entryColumns = QStringLiteral("sequence, opportunity_id, operation, fields, "
                                            "idempotency_key, attempts, last_error, created_at,"
                                            " sent_body, in_doubt");

// The record's own columns, in the order of dataColumns.
void bindData(QSqlQuery &query, const Opportunity &o)
{
    query.addBindValue(o.id);
    query.addBindValue(o.name);
    query.addBindValue(nullable(o.accountId));
    query.addBindValue(nullable(o.accountName));
    query.addBindValue(nullable(o.leadId));
    query.addBindValue(o.value);
    query.addBindValue(o.currency);
    query.addBindValue(Stages::id(o.stage));
    query.addBindValue(o.probability);
    query.addBindValue(nullable(
        o.expectedCloseDate.isValid() ? o.expectedCloseDate.toString(Qt::ISODate) : QString()));
    query.addBindValue(nullable(o.description));
    query.addBindValue(nullable(o.ownerId));
    query.addBindValue(o.isArchived ? 1 : 0);
    query.addBindValue(nullable(timestampText(o.createdAt)));
    query.addBindValue(nullable(timestampText(o.updatedAt)));
}

const QString dataColumns = QStringLiteral(
    "id, name, account_id, account_name, lead_id, value, currency, stage, probability,"
    " expected_close_date, description, owner_id, is_archived, created_at, updated_at");

} // namespace CacheRows
