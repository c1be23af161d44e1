#pragma once

#include "Opportunity.h"
#include "OpportunityField.h"
#include "OpportunityUpdate.h"

// Field-by-field comparison of two states of one opportunity, by their wire values.
namespace OpportunityDiff {

// The fields among `among` whose values differ between a and b.
OpportunityFields changedFields(const Opportunity &a, const Opportunity &b,
                                OpportunityFields among = OpportunityFieldNames::writable());
// One change per differing field, named in snake_case as the updates history names them.
QList<FieldChange> changes(const Opportunity &before, const Opportunity &after,
                           OpportunityFields among = OpportunityFieldNames::writable());
// Copies the given fields' values from one state into another.
void copyFields(const Opportunity &from, Opportunity *to, OpportunityFields fields);
// The history entry of a creation: every writable field that has a value, from null to it.
QList<FieldChange> creation(const Opportunity &created);

} // namespace OpportunityDiff
