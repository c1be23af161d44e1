#include "OpportunityDiff.h"

#include "OpportunityJson.h"

namespace OpportunityDiff {

OpportunityFields changedFields(const Opportunity &a, const Opportunity &b, OpportunityFields among)
{
    OpportunityFields changed;
    for (OpportunityField field : OpportunityFieldNames::all()) {
        if (among.testFlag(field) &&
            OpportunityJson::fieldValue(a, field) != OpportunityJson::fieldValue(b, field))
            changed |= field;
    }
    return changed;
}

QList<FieldChange> changes(const Opportunity &before, const Opportunity &after,
                           OpportunityFields among)
{
    QList<FieldChange> list;
    const OpportunityFields changed = changedFields(before, after, among);
    for (OpportunityField field : OpportunityFieldNames::all()) {
        if (changed.testFlag(field))
            list.append({OpportunityFieldNames::snakeCase(field),
                         OpportunityJson::fieldValue(before, field),
                         OpportunityJson::fieldValue(after, field)});
    }
    return list;
}

void copyFields(const Opportunity &from, Opportunity *to, OpportunityFields fields)
{
    const auto copy = [&](OpportunityField field, auto member) {
        if (fields.testFlag(field))
            to->*member = from.*member;
    };
    copy(OpportunityField::Id, &Opportunity::id);
    copy(OpportunityField::Name, &Opportunity::name);
    copy(OpportunityField::AccountId, &Opportunity::accountId);
    copy(OpportunityField::AccountName, &Opportunity::accountName);
    copy(OpportunityField::LeadId, &Opportunity::leadId);
    copy(OpportunityField::Value, &Opportunity::value);
    copy(OpportunityField::Currency, &Opportunity::currency);
    copy(OpportunityField::Stage, &Opportunity::stage);
    copy(OpportunityField::Probability, &Opportunity::probability);
    copy(OpportunityField::ExpectedCloseDate, &Opportunity::expectedCloseDate);
    copy(OpportunityField::Description, &Opportunity::description);
    copy(OpportunityField::OwnerId, &Opportunity::ownerId);
    copy(OpportunityField::IsArchived, &Opportunity::isArchived);
    copy(OpportunityField::CreatedAt, &Opportunity::createdAt);
    copy(OpportunityField::UpdatedAt, &Opportunity::updatedAt);
}

QList<FieldChange> creation(const Opportunity &created)
{
    QList<FieldChange> list;
    for (OpportunityField field : OpportunityFieldNames::all()) {
        const QJsonValue value = OpportunityJson::fieldValue(created, field);
        if (OpportunityFieldNames::writable().testFlag(field) && !value.isNull())
            list.append(
                {OpportunityFieldNames::snakeCase(field), QJsonValue(QJsonValue::Null), value});
    }
    return list;
}

} // namespace OpportunityDiff
