#pragma once

#include "FieldError.h"
#include "Opportunity.h"
#include "OpportunityField.h"
#include "OpportunityUpdate.h"

#include <QJsonArray>
#include <QJsonObject>

// JSON mapping of opportunities: strict writers (exactly the wire format) and a tolerant reader.
namespace OpportunityJson {

// How to read: a request body on the server, or a response on the client.
enum class ReadMode
{
    // null is an error on a field that cannot be null; "id" and timestamps are ignored.
    Request,
    // null on a field that cannot be null counts as absent; "id" is required.
    Response,
};

struct Reading
{
    Opportunity opportunity;
    // The fields that were present and readable; the others keep their defaults.
    OpportunityFields present;
    // One entry per field that could not be read, named in camelCase.
    FieldErrors errors;

    bool ok() const { return errors.isEmpty(); }
};

// The request body of the API reference: camelCase, only the given writable fields.
QJsonObject toRequestBody(const Opportunity &opportunity, OpportunityFields fields);
// The response form: snake_case, every field.
QJsonObject toResponse(const Opportunity &opportunity);
// One field's value as the response form writes it.
QJsonValue fieldValue(const Opportunity &opportunity, OpportunityField field);

// Reads every field in either spelling, tolerating the variants of CONTRACT.md.
Reading read(const QJsonObject &object, ReadMode mode);

// The updates history, newest first.
QJsonArray updatesToJson(const QList<OpportunityUpdate> &updates);
// Reads an updates array; entries it cannot read are reported by index ("updates[3].created_at").
QList<OpportunityUpdate> readUpdates(const QJsonValue &value, FieldErrors *errors);

} // namespace OpportunityJson
