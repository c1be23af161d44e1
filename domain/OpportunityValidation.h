#pragma once

#include "FieldError.h"
#include "Opportunity.h"
#include "OpportunityField.h"

// The one validation of an opportunity's writable fields, shared by kashew-server and the
// client's forms: name, value (0 to maxOpportunityValue), currency, probability, expected close
// date, ids, and that the texts are valid Unicode.
// Returns one error per field at fault, named in camelCase; empty when valid.
FieldErrors validateOpportunity(const Opportunity &opportunity);

// The same, for only the fields an edit changes: a record as the server sent it may hold values
// a user could not enter (a lead id that is no UUID, an over-long name), and they must not stop
// an edit of its other fields.
FieldErrors validateOpportunityFields(const Opportunity &opportunity, OpportunityFields fields);

// The longest name the API accepts.
constexpr int maxOpportunityNameLength = 255;

// The largest value the API accepts (10^15): every amount up to it shows exactly, to the cent,
// in a double and on screen; 1e308 and the like are refused.
constexpr double maxOpportunityValue = 1e15;

// What is wrong with a name (of an opportunity or an account), or an empty string: it must be
// valid text (no unpaired UTF-16 surrogate), show at least one visible character (not only
// spaces, zero-width, format or other invisible characters), and hold at most
// maxOpportunityNameLength characters.
QString nameError(const QString &name);

// False when the text holds an unpaired UTF-16 surrogate, which no UTF-8 can carry.
bool isValidText(const QString &text);

// True when the text has a character that shows: one that is not white space, a control or
// format character, a default-ignorable code point (zero-width space and joiners, variation
// selectors, Hangul fillers, tags...) or the blank Braille pattern.
bool hasVisibleCharacter(const QString &text);

// True for a UUID in its textual 8-4-4-4-12 form.
bool isUuid(const QString &text);
