#pragma once

#include "OpportunityJson.h"
#include "Result.h"
#include "Stage.h"

#include <QStringList>

// The fields `new`, `set` and `move` write: "field=value" pairs read through the domain's
// reader and validation, and the probability a closed stage implies, as in the desktop app.
namespace CliEdit {

// `set`: the pairs as a request body would give them; an empty value clears the field.
Result<OpportunityJson::Reading> read(const QStringList &assignments);
// `new`: a whole record that names itself and is valid as a whole; a closed stage given without
// a probability implies it (as the app's dialog sets it when that stage is chosen).
Result<OpportunityJson::Reading> readNew(const QStringList &assignments);
// `move`: the stage, and the probability a closed stage implies.
OpportunityJson::Reading movedTo(Stage stage);

struct Edit
{
    Opportunity opportunity;
    OpportunityFields fields;
};
// `record` with `changes` written over it. Moving it to another, closed stage without a
// probability sets the one that stage implies, as the app's dialog does.
Edit applied(const Opportunity &record, const OpportunityJson::Reading &changes);

} // namespace CliEdit
