#include "OpportunityField.h"

#include <array>
#include <optional>

namespace {

struct FieldNames
{
    OpportunityField field;
    const char *camel;
    const char *snake;
};

constexpr std::array<FieldNames, 15> fieldNames{{
    {OpportunityField::Id, "id", "id"},
    {OpportunityField::Name, "name", "name"},
    {OpportunityField::AccountId, "accountId", "account_id"},
    {OpportunityField::AccountName, "accountName", "account_name"},
    {OpportunityField::LeadId, "leadId", "lead_id"},
    {OpportunityField::Value, "value", "value"},
    {OpportunityField::Currency, "currency", "currency"},
    {OpportunityField::Stage, "stage", "stage"},
    {OpportunityField::Probability, "probability", "probability"},
    {OpportunityField::ExpectedCloseDate, "expectedCloseDate", "expected_close_date"},
    {OpportunityField::Description, "description", "description"},
    {OpportunityField::OwnerId, "ownerId", "owner_id"},
    {OpportunityField::IsArchived, "isArchived", "is_archived"},
    {OpportunityField::CreatedAt, "createdAt", "created_at"},
    {OpportunityField::UpdatedAt, "updatedAt", "updated_at"},
}};

const FieldNames &namesOf(OpportunityField field)
{
    for (const FieldNames &names : fieldNames) {
        if (names.field == field)
            return names;
    }
    Q_UNREACHABLE();
}

} // namespace

namespace OpportunityFieldNames {

QList<OpportunityField> all()
{
    QList<OpportunityField> fields;
    for (const FieldNames &names : fieldNames)
        fields.append(names.field);
    return fields;
}

OpportunityFields writable()
{
    return OpportunityField::Name | OpportunityField::AccountId | OpportunityField::LeadId
           | OpportunityField::Value | OpportunityField::Currency | OpportunityField::Stage
           | OpportunityField::Probability | OpportunityField::ExpectedCloseDate
           | OpportunityField::Description | OpportunityField::OwnerId
           | OpportunityField::IsArchived;
}

QString camelCase(OpportunityField field)
{
    return QString::fromLatin1(namesOf(field).camel);
}

QString snakeCase(OpportunityField field)
{
    return QString::fromLatin1(namesOf(field).snake);
}

std::optional<OpportunityField> fromName(const QString &name)
{
    for (const FieldNames &names : fieldNames) {
        if (name == QLatin1String(names.camel) || name == QLatin1String(names.snake))
            return names.field;
    }
    return std::nullopt;
}

} // namespace OpportunityFieldNames
