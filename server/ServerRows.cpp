#include "ServerRows.h"

#include "SqlNullText.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace ServerRows {

using SqlNullText::nullable;
using SqlNullText::textOrNull;

QString timestampText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timestampFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

const QString opportunityColumns = QStringLiteral(
    "o.id, o.name, o.account_id, a.name, o.lead_id, o.value, o.currency, o.stage, o.probability,"
    " o.expected_close_date, o.description, o.owner_id, o.is_archived, o.created_at,"
    " o.updated_at, o.version");

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
    o.expectedCloseDate = query.value(9).isNull()
                              ? QDate()
                              : QDate::fromString(query.value(9).toString(), Qt::ISODate);
    o.description = textOrNull(query.value(10));
    o.ownerId = textOrNull(query.value(11));
    o.isArchived = query.value(12).toBool();
    o.createdAt = timestampFrom(query.value(13));
    o.updatedAt = timestampFrom(query.value(14));
    return o;
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
    a.createdAt = timestampFrom(query.value(9));
    return a;
}

// Binds every stored column of an opportunity by name.
void bindOpportunity(QSqlQuery &query, const Opportunity &o)
{
    query.bindValue(QStringLiteral(":id"), o.id);
    query.bindValue(QStringLiteral(":name"), o.name);
    query.bindValue(QStringLiteral(":name_folded"), o.name.toCaseFolded());
    query.bindValue(QStringLiteral(":account_id"),
                    nullable(o.accountId.isEmpty() ? QString() : o.accountId));
    query.bindValue(QStringLiteral(":lead_id"),
                    nullable(o.leadId.isEmpty() ? QString() : o.leadId));
    query.bindValue(QStringLiteral(":value"), o.value);
    query.bindValue(QStringLiteral(":currency"), o.currency);
    query.bindValue(QStringLiteral(":stage"), Stages::id(o.stage));
    query.bindValue(QStringLiteral(":probability"), o.probability);
    query.bindValue(QStringLiteral(":expected_close_date"),
                    nullable(o.expectedCloseDate.isValid()
                                 ? o.expectedCloseDate.toString(Qt::ISODate)
                                 : QString()));
    query.bindValue(QStringLiteral(":description"), nullable(o.description));
    query.bindValue(QStringLiteral(":owner_id"), nullable(o.ownerId));
    query.bindValue(QStringLiteral(":is_archived"), o.isArchived ? 1 : 0);
    query.bindValue(QStringLiteral(":created_at"), timestampText(o.createdAt));
    query.bindValue(QStringLiteral(":updated_at"), timestampText(o.updatedAt));
}

const QString insertOpportunitySql = QStringLiteral(
    "INSERT INTO opportunities (id, name, name_folded, account_id, lead_id, value, currency, stage,"
    " probability, expected_close_date, description, owner_id, is_archived, created_at,"
    " updated_at, version) VALUES (:id, :name, :name_folded, :account_id, :lead_id, :value,"
    " :currency, :stage, :probability, :expected_close_date, :description, :owner_id,"
    " :is_archived, :created_at, :updated_at, 1)");

const QString insertAccountSql = QStringLiteral(
    "INSERT INTO accounts (id, name, name_folded, type, status, industry, website, country,"
    " owner_id, is_archived, created_at) VALUES (:id, :name, :name_folded, :type, :status,"
    " :industry, :website, :country, :owner_id, :is_archived, :created_at)");

void bindAccount(QSqlQuery &query, const Account &a)
{
    query.bindValue(QStringLiteral(":id"), a.id);
    query.bindValue(QStringLiteral(":name"), a.name);
    query.bindValue(QStringLiteral(":name_folded"), a.name.toCaseFolded());
    query.bindValue(QStringLiteral(":type"), nullable(a.type));
    query.bindValue(QStringLiteral(":status"), a.status);
    query.bindValue(QStringLiteral(":industry"), nullable(a.industry));
    query.bindValue(QStringLiteral(":website"), nullable(a.website));
    query.bindValue(QStringLiteral(":country"), nullable(a.country));
    query.bindValue(QStringLiteral(":owner_id"), nullable(a.ownerId));
    query.bindValue(QStringLiteral(":is_archived"), a.isArchived ? 1 : 0);
    query.bindValue(QStringLiteral(":created_at"), timestampText(a.createdAt));
}

const QString insertUpdateSql = QStringLiteral(
    "INSERT INTO opportunity_updates (id, opportunity_id, created_at, owner_id, changes)"
    " VALUES (:id, :opportunity_id, :created_at, :owner_id, :changes)");

void bindUpdate(QSqlQuery &query, const QString &opportunityId, const OpportunityUpdate &update)
{
    QJsonObject changes;
    for (const FieldChange &change : update.changes)
        changes.insert(change.field, QJsonObject{{QStringLiteral("from"), change.from},
                                                 {QStringLiteral("to"), change.to}});
    query.bindValue(QStringLiteral(":id"), update.id);
    query.bindValue(QStringLiteral(":opportunity_id"), opportunityId);
    query.bindValue(QStringLiteral(":created_at"), timestampText(update.createdAt));
    query.bindValue(QStringLiteral(":owner_id"), nullable(update.ownerId));
    query.bindValue(QStringLiteral(":changes"),
                    QString::fromUtf8(QJsonDocument(changes).toJson(QJsonDocument::Compact)));
}

} // namespace ServerRows
