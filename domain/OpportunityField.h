#pragma once

#include <QFlags>
#include <QList>
#include <QString>

// The fields of an opportunity, as flags so a set of fields (present in a request, changed by an
// edit) is one value.
enum class OpportunityField : quint32
{
    Id = 1u << 0,
    Name = 1u << 1,
    AccountId = 1u << 2,
    AccountName = 1u << 3,
    LeadId = 1u << 4,
    Value = 1u << 5,
    Currency = 1u << 6,
    Stage = 1u << 7,
    Probability = 1u << 8,
    ExpectedCloseDate = 1u << 9,
    Description = 1u << 10,
    OwnerId = 1u << 11,
    IsArchived = 1u << 12,
    CreatedAt = 1u << 13,
    UpdatedAt = 1u << 14,
};
Q_DECLARE_FLAGS(OpportunityFields, OpportunityField)
Q_DECLARE_OPERATORS_FOR_FLAGS(OpportunityFields)

namespace OpportunityFieldNames {

// Every field, in the order of the response form.
QList<OpportunityField> all();
// The fields a client may write in a request body.
OpportunityFields writable();
// Request (camelCase) name, e.g. "expectedCloseDate".
const QString &camelCase(OpportunityField field);
// Response (snake_case) name, e.g. "expected_close_date".
const QString &snakeCase(OpportunityField field);
// Looks a field up by either spelling.
std::optional<OpportunityField> fromName(const QString &name);

} // namespace OpportunityFieldNames
