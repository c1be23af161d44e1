#include "OpportunityJson.h"

#include "JsonValueReader.h"
#include "Timestamp.h"

#include <QCoreApplication>
#include <QStringList>

namespace OpportunityJson {

namespace {

QJsonValue nullableString(const QString &text)
{
    return text.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue nullableTimestamp(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(Timestamp::toText(time)) : QJsonValue(QJsonValue::Null);
}

bool isNullable(OpportunityField field)
{
    switch (field) {
    case OpportunityField::AccountId:
    case OpportunityField::AccountName:
    case OpportunityField::LeadId:
    case OpportunityField::ExpectedCloseDate:
    case OpportunityField::Description:
    case OpportunityField::OwnerId:
    case OpportunityField::UpdatedAt:
        return true;
    default:
        return false;
    }
}

QString tr(const char *text)
{
    return QCoreApplication::translate("OpportunityJson", text);
}

// What a field must be, in the words of CONTRACT.md, following the field's name in a report
// ("value must be a number").
QString mustBe(OpportunityField field)
{
    switch (field) {
    case OpportunityField::Id:
    case OpportunityField::Name:
        return tr("must be text");
    case OpportunityField::AccountId:
    case OpportunityField::AccountName:
    case OpportunityField::LeadId:
    case OpportunityField::Description:
    case OpportunityField::OwnerId:
        return tr("must be text or null");
    case OpportunityField::Value:
        return tr("must be a number");
    case OpportunityField::Currency:
        return tr("must be an ISO 4217 code, such as USD");
    case OpportunityField::Stage:
        return tr("must be one of prospecting, qualification, proposal, negotiation, "
                  "closed_won, closed_lost");
    case OpportunityField::Probability:
        return tr("must be a whole number");
    case OpportunityField::ExpectedCloseDate:
        return tr("must be a date as YYYY-MM-DD or null");
    case OpportunityField::IsArchived:
        return tr("must be true or false");
    case OpportunityField::CreatedAt:
    case OpportunityField::UpdatedAt:
        return tr("must be a date and time (ISO 8601)");
    }
    Q_UNREACHABLE();
}

// Reads one present, non-null value into the opportunity; false when it cannot.
bool readField(Opportunity &o, OpportunityField field, const QJsonValue &value, ReadMode mode)
{
    using namespace JsonValueReader;
    // The readers' own messages are not used: the report says what the contract asks for.
    QString ignored;
    QString *error = &ignored;
    switch (field) {
    case OpportunityField::Id:
        if (const auto v = string(value, error); v && !v->isEmpty())
            return o.id = *v, true;
        return false;
    case OpportunityField::Name:
        if (const auto v = string(value, error))
            return o.name = *v, true;
        return false;
    case OpportunityField::AccountId:
        if (const auto v = string(value, error))
            return o.accountId = *v, true;
        return false;
    case OpportunityField::AccountName:
        if (const auto v = string(value, error))
            return o.accountName = *v, true;
        return false;
    case OpportunityField::LeadId:
        if (const auto v = string(value, error))
            return o.leadId = *v, true;
        return false;
    case OpportunityField::Value:
        if (const auto v = number(value, error))
            return o.value = *v, true;
        return false;
    case OpportunityField::Currency:
        if (const auto v = string(value, error))
            return o.currency = *v, true;
        return false;
    case OpportunityField::Stage:
        if (value.isString()) {
            // Requests name stages exactly; responses from other servers may spell them loosely.
            const auto stage = Stages::fromId(value.toString());
            if (stage && (mode == ReadMode::Response || Stages::id(*stage) == value.toString()))
                return o.stage = *stage, true;
        }
        return false;
    case OpportunityField::Probability:
        if (const auto v = integer(value, error))
            return o.probability = *v, true;
        return false;
    case OpportunityField::ExpectedCloseDate:
        if (mode == ReadMode::Request && (!value.isString() || value.toString().size() != 10))
            return false;
        if (const auto v = date(value, error))
            return o.expectedCloseDate = *v, true;
        return false;
    case OpportunityField::Description:
        if (const auto v = string(value, error))
            return o.description = *v, true;
        return false;
    case OpportunityField::OwnerId:
        if (const auto v = string(value, error))
            return o.ownerId = *v, true;
        return false;
    case OpportunityField::IsArchived:
        if (const auto v = boolean(value, error))
            return o.isArchived = *v, true;
        return false;
    case OpportunityField::CreatedAt:
        if (const auto v = timestamp(value, error))
            return o.createdAt = *v, true;
        return false;
    case OpportunityField::UpdatedAt:
        if (const auto v = timestamp(value, error))
            return o.updatedAt = *v, true;
        return false;
    }
    Q_UNREACHABLE();
}

void clearField(Opportunity &o, OpportunityField field)
{
    switch (field) {
    case OpportunityField::AccountId:
        o.accountId = QString();
        break;
    case OpportunityField::AccountName:
        o.accountName = QString();
        break;
    case OpportunityField::LeadId:
        o.leadId = QString();
        break;
    case OpportunityField::ExpectedCloseDate:
        o.expectedCloseDate = QDate();
        break;
    case OpportunityField::Description:
        o.description = QString();
        break;
    case OpportunityField::OwnerId:
        o.ownerId = QString();
        break;
    case OpportunityField::UpdatedAt:
        o.updatedAt = QDateTime();
        break;
    default:
        break;
    }
}

} // namespace

QJsonValue fieldValue(const Opportunity &o, OpportunityField field)
{
    switch (field) {
    case OpportunityField::Id:
        return o.id;
    case OpportunityField::Name:
        return o.name;
    case OpportunityField::AccountId:
        return nullableString(o.accountId);
    case OpportunityField::AccountName:
        return nullableString(o.accountName);
    case OpportunityField::LeadId:
        return nullableString(o.leadId);
    case OpportunityField::Value:
        return o.value;
    case OpportunityField::Currency:
        return o.currency;
    case OpportunityField::Stage:
        return Stages::id(o.stage);
    case OpportunityField::Probability:
        return o.probability;
    case OpportunityField::ExpectedCloseDate:
        return o.expectedCloseDate.isValid()
                   ? QJsonValue(Timestamp::dateToText(o.expectedCloseDate))
                   : QJsonValue(QJsonValue::Null);
    case OpportunityField::Description:
        return nullableString(o.description);
    case OpportunityField::OwnerId:
        return nullableString(o.ownerId);
    case OpportunityField::IsArchived:
        return o.isArchived;
    case OpportunityField::CreatedAt:
        return nullableTimestamp(o.createdAt);
    case OpportunityField::UpdatedAt:
        return nullableTimestamp(o.updatedAt);
    }
    Q_UNREACHABLE();
}

QJsonObject toRequestBody(const Opportunity &opportunity, OpportunityFields fields)
{
    QJsonObject body;
    for (OpportunityField field : OpportunityFieldNames::all()) {
        if (fields.testFlag(field) && OpportunityFieldNames::writable().testFlag(field))
            body.insert(OpportunityFieldNames::camelCase(field), fieldValue(opportunity, field));
    }
    return body;
}

QJsonObject toResponse(const Opportunity &opportunity)
{
    QJsonObject object;
    for (OpportunityField field : OpportunityFieldNames::all())
        object.insert(OpportunityFieldNames::snakeCase(field), fieldValue(opportunity, field));
    return object;
}

Reading read(const QJsonObject &object, ReadMode mode)
{
    Reading reading;
    for (OpportunityField field : OpportunityFieldNames::all()) {
        const bool serverOwned =
            field == OpportunityField::Id || field == OpportunityField::CreatedAt ||
            field == OpportunityField::UpdatedAt || field == OpportunityField::AccountName;
        if (mode == ReadMode::Request && serverOwned)
            continue;
        // A record the client keeps must name itself; a PUT body may leave anything out.
        const bool required = mode == ReadMode::Response &&
                              (field == OpportunityField::Id || field == OpportunityField::Name);
        const QString camel = OpportunityFieldNames::camelCase(field);
        const QJsonValue value =
            JsonValueReader::lookup(object, OpportunityFieldNames::snakeCase(field), camel);
        const bool empty =
            field == OpportunityField::Id && value.isString() && value.toString().isEmpty();
        if (value.isUndefined() || ((value.isNull() || empty) && required)) {
            if (required)
                reading.errors.append({camel, tr("is missing")});
            continue;
        }
        if (value.isNull()) {
            if (isNullable(field)) {
                clearField(reading.opportunity, field);
                reading.present |= field;
            } else if (mode == ReadMode::Request) {
                reading.errors.append({camel, tr("must not be null")});
            } else if (field == OpportunityField::Value || field == OpportunityField::Currency) {
                // Not a gap to fill with 0 or USD: the server says it has no value or currency.
                reading.errors.append({camel, mustBe(field)});
            }
            continue;
        }
        if (readField(reading.opportunity, field, value, mode))
            reading.present |= field;
        else
            reading.errors.append({camel, mustBe(field)});
    }
    return reading;
}

Reading readListed(const QJsonObject &object, bool listedArchived)
{
    Reading reading = read(object, ReadMode::Response);
    if (!reading.present.testFlag(OpportunityField::IsArchived))
        reading.opportunity.isArchived = listedArchived;
    return reading;
}

QString idOf(const QJsonObject &object)
{
    QString ignored;
    return JsonValueReader::string(object.value(QStringLiteral("id")), &ignored)
        .value_or(QString());
}

QString describeErrors(const QString &id, const FieldErrors &errors)
{
    QStringList parts;
    for (const FieldError &error : errors)
        parts.append(error.field + QLatin1Char(' ') + error.message);
    const QString faults = parts.join(QStringLiteral("; "));
    return id.isEmpty() ? tr("an opportunity without an id: %1").arg(faults)
                        : tr("opportunity '%1': %2").arg(id, faults);
}

QJsonObject changesToJson(const QList<FieldChange> &changes)
{
    QJsonObject object;
    for (const FieldChange &change : changes)
        object.insert(change.field, QJsonObject{{QStringLiteral("from"), change.from},
                                                {QStringLiteral("to"), change.to}});
    return object;
}

QList<FieldChange> changesFromJson(const QJsonObject &object)
{
    QList<FieldChange> changes;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QJsonObject change = it.value().toObject();
        changes.append(
            {it.key(), change.value(QStringLiteral("from")), change.value(QStringLiteral("to"))});
    }
    return changes;
}

QJsonArray updatesToJson(const QList<OpportunityUpdate> &updates)
{
    QJsonArray array;
    for (const OpportunityUpdate &update : updates)
        array.append(
            QJsonObject{{QStringLiteral("id"), update.id},
                        {QStringLiteral("created_at"), Timestamp::toText(update.createdAt)},
                        {QStringLiteral("owner_id"), nullableString(update.ownerId)},
                        {QStringLiteral("changes"), changesToJson(update.changes)}});
    return array;
}

QList<OpportunityUpdate> readUpdates(const QJsonValue &value, FieldErrors *errors)
{
    QList<OpportunityUpdate> updates;
    if (value.isUndefined() || value.isNull())
        return updates;
    if (!value.isArray()) {
        errors->append({QStringLiteral("updates"), tr("must be a list")});
        return updates;
    }
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("updates[%1]").arg(i);
        const QJsonObject entry = array.at(i).toObject();
        QString error;
        OpportunityUpdate update;
        update.id = entry.value(QStringLiteral("id")).toVariant().toString();
        const QJsonValue created = JsonValueReader::lookup(entry, QStringLiteral("created_at"),
                                                           QStringLiteral("createdAt"));
        const auto createdAt = JsonValueReader::timestamp(created, &error);
        if (!createdAt) {
            errors->append({where + QStringLiteral(".created_at"), error});
            continue;
        }
        update.createdAt = *createdAt;
        update.ownerId =
            JsonValueReader::lookup(entry, QStringLiteral("owner_id"), QStringLiteral("ownerId"))
                .toString();
        update.changes = changesFromJson(entry.value(QStringLiteral("changes")).toObject());
        updates.append(update);
    }
    return updates;
}

} // namespace OpportunityJson
