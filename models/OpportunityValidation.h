#pragma once

#include "FieldError.h"
#include "Opportunity.h"

// The one validation of an opportunity's writable fields, shared by kashew-server and the
// client's forms: name, value, currency, probability, expected close date, ids.
// Returns one error per field at fault, named in camelCase; empty when valid.
FieldErrors validateOpportunity(const Opportunity &opportunity);

// The longest name the API accepts.
constexpr int maxOpportunityNameLength = 255;

// True for a UUID in its textual 8-4-4-4-12 form.
bool isUuid(const QString &text);
