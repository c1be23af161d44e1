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
    // "id" and "name" are required; null on value or currency is an error, on another field
    // that cannot be null it counts as absent.
    Response,
};

struct Reading
{
    Opportunity opportunity;
    // The fields that were present and readable; the others keep their defaults.
    OpportunityFields present;
    // One entry per field that could not be read, named in camelCase, with a message in the
    // contract's words that follows the name ("is missing", "must be a number").
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
// Reads one record of a list fetched with isArchived=`listedArchived` (a response). That request
// lists only records of that kind, so one that does not say whether it is archived is what the
// request asked for.
Reading readListed(const QJsonObject &object, bool listedArchived);

// The id a response record names, as text; empty when it names none that can be read.
QString idOf(const QJsonObject &object);
// Which record could not be read and each field at fault, in the contract's words:
// "opportunity 'opp_123': name is missing; value must be a number". `id` may be empty.
QString describeErrors(const QString &id, const FieldErrors &errors);

// The updates history, newest first.
QJsonArray updatesToJson(const QList<OpportunityUpdate> &updates);
// An update's changes as {field: {from, to}}, on the wire and in kashew-server's store.
QJsonObject changesToJson(const QList<FieldChange> &changes);
QList<FieldChange> changesFromJson(const QJsonObject &object);
// Reads an updates array; entries it cannot read are reported by index ("updates[3].created_at").
QList<OpportunityUpdate> readUpdates(const QJsonValue &value, FieldErrors *errors);

} // namespace OpportunityJson
