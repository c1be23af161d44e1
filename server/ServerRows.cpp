#include "ServerRows.h"

#include "OpportunityColumns.h"
#include "OpportunityFilter.h"
#include "OpportunityJson.h"
#include "SqlNullText.h"
#include "Timestamp.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace ServerRows {

using SqlNullText::nullable;
using SqlNullText::textOrNull;

namespace {

// The server stores no account name of its own: it joins the account's.
const OpportunityFields storedFields =
    OpportunityColumns::every() & ~OpportunityFields(OpportunityField::AccountName);

} // namespace

const QString opportunitySelect =
    OpportunityColumns::selectList(QStringLiteral("o."),
                                   {{OpportunityField::AccountName, QStringLiteral("a.name")}}) +
    QStringLiteral(", o.version");

const QString opportunitySelectWithoutAccount =
    OpportunityColumns::selectList(QStringLiteral("o."),
                                   {{OpportunityField::AccountName, QStringLiteral("NULL")}}) +
    QStringLiteral(", o.version");

const int versionColumn = static_cast<int>(OpportunityColumns::all().size());

Opportunity opportunityFromRow(const QSqlQuery &query)
{
    return OpportunityColumns::read(query);
}

const QString insertOpportunitySql =
    QStringLiteral("INSERT INTO opportunities (") + OpportunityColumns::names(storedFields) +
    QStringLiteral(", name_folded, version) VALUES (") +
    OpportunityColumns::namedPlaceholders(storedFields) + QStringLiteral(", :name_folded, 1)");

const QString updateOpportunitySql =
    QStringLiteral("UPDATE opportunities SET ") +
    OpportunityColumns::assignments(storedFields & ~OpportunityFields(OpportunityField::Id)) +
    QStringLiteral(", name_folded = :name_folded, version = :version WHERE id = :id");

namespace {

// An empty account or lead id is none: stored as NULL, as the foreign key wants.
Opportunity storedForm(const Opportunity &o)
{
    Opportunity stored = o;
    if (stored.accountId.isEmpty())
        stored.accountId = QString();
    if (stored.leadId.isEmpty())
        stored.leadId = QString();
    return stored;
}

QJsonValue jsonOf(const QVariant &value)
{
    return value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue::fromVariant(value);
}

} // namespace

// Binds every stored column of an opportunity by name.
void bindOpportunity(QSqlQuery &query, const Opportunity &o)
{
    OpportunityColumns::bindNamed(query, storedForm(o), storedFields);
    query.bindValue(QStringLiteral(":name_folded"), OpportunityFilter::fold(o.name));
}

const QString opportunityRecordColumns =
    OpportunityColumns::names(storedFields) + QStringLiteral(", name_folded");

QJsonObject opportunityRecord(const Opportunity &o)
{
    const Opportunity stored = storedForm(o);
    QJsonObject record;
    for (const OpportunityColumns::Column &column : OpportunityColumns::all()) {
        if (storedFields.testFlag(column.field))
            record.insert(column.name, jsonOf(column.value(stored)));
    }
    record.insert(QStringLiteral("name_folded"), OpportunityFilter::fold(o.name));
    return record;
}

const QString accountColumns = QStringLiteral(
    "id, name, type, status, industry, website, country, owner_id, is_archived, created_at");

Account accountFromRow(const QSqlQuery &query)
{
    Account a;
    a.id = query.value(0).toString();
    a.name = query.value(1).toString();
    a.type = textOrNull(query.value(2));
    a.status = query.value(3).toString();
    a.industry = textOrNull(query.value(4));
    a.website = textOrNull(query.value(5));
    a.country = textOrNull(query.value(6));
    a.ownerId = textOrNull(query.value(7));
    a.isArchived = query.value(8).toBool();
    a.createdAt = Timestamp::fromText(query.value(9).toString());
    return a;
}

const QString insertAccountSql = QStringLiteral(
    "INSERT INTO accounts (id, name, name_folded, type, status, industry, website, country,"
    " owner_id, is_archived, created_at) VALUES (:id, :name, :name_folded, :type, :status,"
    " :industry, :website, :country, :owner_id, :is_archived, :created_at)");

void bindAccount(QSqlQuery &query, const Account &a)
{
    query.bindValue(QStringLiteral(":id"), a.id);
    query.bindValue(QStringLiteral(":name"), a.name);
    query.bindValue(QStringLiteral(":name_folded"), OpportunityFilter::fold(a.name));
    query.bindValue(QStringLiteral(":type"), nullable(a.type));
    query.bindValue(QStringLiteral(":status"), a.status);
    query.bindValue(QStringLiteral(":industry"), nullable(a.industry));
    query.bindValue(QStringLiteral(":website"), nullable(a.website));
    query.bindValue(QStringLiteral(":country"), nullable(a.country));
    query.bindValue(QStringLiteral(":owner_id"), nullable(a.ownerId));
    query.bindValue(QStringLiteral(":is_archived"), a.isArchived ? 1 : 0);
    query.bindValue(QStringLiteral(":created_at"), Timestamp::toText(a.createdAt));
}

const QString insertUpdateSql = QStringLiteral(
    "INSERT INTO opportunity_updates (id, opportunity_id, created_at, owner_id, changes)"
    " VALUES (:id, :opportunity_id, :created_at, :owner_id, :changes)");

const QString updateRecordColumns =
    QStringLiteral("id, opportunity_id, created_at, owner_id, changes");

QJsonObject updateRecord(const QString &opportunityId, const OpportunityUpdate &update)
{
    return {{QStringLiteral("id"), update.id},
            {QStringLiteral("opportunity_id"), opportunityId},
            {QStringLiteral("created_at"), Timestamp::toText(update.createdAt)},
            {QStringLiteral("owner_id"), jsonOf(nullable(update.ownerId))},
            {QStringLiteral("changes"),
             QString::fromUtf8(QJsonDocument(OpportunityJson::changesToJson(update.changes))
                                   .toJson(QJsonDocument::Compact))}};
}

void bindUpdate(QSqlQuery &query, const QString &opportunityId, const OpportunityUpdate &update)
{
    const QJsonObject changes = OpportunityJson::changesToJson(update.changes);
    query.bindValue(QStringLiteral(":id"), update.id);
    query.bindValue(QStringLiteral(":opportunity_id"), opportunityId);
    query.bindValue(QStringLiteral(":created_at"), Timestamp::toText(update.createdAt));
    query.bindValue(QStringLiteral(":owner_id"), nullable(update.ownerId));
    query.bindValue(QStringLiteral(":changes"),
                    QString::fromUtf8(QJsonDocument(changes).toJson(QJsonDocument::Compact)));
}

} // namespace ServerRows
