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

std::size_t indexOf(OpportunityField field)
{
    for (std::size_t i = 0; i < fieldNames.size(); ++i) {
        if (fieldNames[i].field == field)
            return i;
    }
    Q_UNREACHABLE();
}

// The names as QStrings, made once: reading and writing JSON asks for them per field and record.
struct NameStrings
{
    std::array<QString, fieldNames.size()> camel;
    std::array<QString, fieldNames.size()> snake;

    NameStrings()
    {
        for (std::size_t i = 0; i < fieldNames.size(); ++i) {
            camel[i] = QString::fromLatin1(fieldNames[i].camel);
            snake[i] = QString::fromLatin1(fieldNames[i].snake);
        }
    }
};

const NameStrings &nameStrings()
{
    static const NameStrings strings;
    return strings;
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
    return OpportunityField::Name | OpportunityField::AccountId | OpportunityField::LeadId |
           OpportunityField::Value | OpportunityField::Currency | OpportunityField::Stage |
           OpportunityField::Probability | OpportunityField::ExpectedCloseDate |
           OpportunityField::Description | OpportunityField::OwnerId | OpportunityField::IsArchived;
}

const QString &camelCase(OpportunityField field)
{
    return nameStrings().camel[indexOf(field)];
}

const QString &snakeCase(OpportunityField field)
{
    return nameStrings().snake[indexOf(field)];
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
