// libFuzzer target for the client's tolerant JSON readers (issue 10).
//
// The first byte of the input picks the reader, the rest is the response body exactly as the
// network would deliver it. The readers are driven the way sync/ApiClient.cpp and the
// OpportunityReplies and ReplyError it uses drive them:
//   'L'  a page of GET /opportunities: ListEnvelope, then OpportunityJson::read on each item
//   'R'  one record (GET/POST/PUT /opportunities/{id}): the unwrapping of readDetail, then
//        OpportunityJson::read in Response mode and OpportunityJson::readUpdates
//   'E'  an error body: ApiErrorBody::read
//   'A'  a page of GET /accounts: ListEnvelope, then AccountJson::read on each item
//   'U'  kashew-server's people: a page of GET /users (ListEnvelope, then PersonJson::read on
//        each item) and the body as one GET /users/me object
//   'T'  the body as text for JsonValueReader's parse* functions (query strings, command lines)
// Any other first byte picks a reader by its value modulo 6, so every input reaches one.
//
// Beyond the sanitizers' reports, a few invariants are checked that hold for any input: a value
// the readers accept is one the client can use (finite numbers, valid dates in the Gregorian
// years 1..9999, UTC timestamps), and a record that reads without errors has an id.

#include "AccountJson.h"
#include "ApiErrorBody.h"
#include "JsonValueReader.h"
#include "ListEnvelope.h"
#include "OpportunityJson.h"
#include "PersonJson.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

// Aborts (a crash libFuzzer records with its input) when an invariant does not hold.
void check(bool condition, const char *what)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz_json_readers: invariant violated: %s\n", what);
    std::abort();
}

void checkDate(const QDate &date, const char *what)
{
    // The wire form is "YYYY-MM-DD": four digits, so never before year 1 nor after 9999.
    check(!date.isValid() || (date.year() >= 1 && date.year() <= 9999), what);
}

void checkTimestamp(const QDateTime &time, const char *what)
{
    check(!time.isValid() || time.timeSpec() == Qt::UTC, what);
}

void checkOpportunity(const OpportunityJson::Reading &reading)
{
    const Opportunity &o = reading.opportunity;
    check(std::isfinite(o.value), "opportunity value is finite");
    checkDate(o.expectedCloseDate, "expected close date in years 1..9999");
    checkTimestamp(o.createdAt, "created_at is UTC");
    checkTimestamp(o.updatedAt, "updated_at is UTC");
    if (reading.ok())
        check(!o.id.isEmpty(), "a record read without errors has an id");
    for (const FieldError &error : reading.errors)
        check(!error.field.isEmpty() && !error.message.isEmpty(), "field errors are named");
}

QJsonDocument parse(const QByteArray &body)
{
    // As ApiClient::send: a body that is not JSON never reaches the readers.
    QJsonParseError parseError;
    return QJsonDocument::fromJson(body, &parseError);
}

void readListPage(const QByteArray &body)
{
    const ListEnvelope envelope = ListEnvelope::read(parse(body), QStringLiteral("opportunities"));
    if (!envelope.ok())
        return;
    check(!envelope.totalCount || *envelope.totalCount >= 0, "a total is not negative");
    // Every item is read here, for coverage.
    for (qsizetype i = 0; i < envelope.items.size(); ++i)
        checkOpportunity(OpportunityJson::read(envelope.items.at(i).toObject(),
                                               OpportunityJson::ReadMode::Response));
}

void readRecord(const QByteArray &body)
{
    // As OpportunityReplies::readDetail, including its unwrapping of {"opportunity": {...}}/{"data": ...}.
    QJsonObject object = parse(body).object();
    for (const QString &key : {QStringLiteral("opportunity"), QStringLiteral("data")}) {
        if (object.value(key).isObject())
            object = object.value(key).toObject();
    }
    checkOpportunity(OpportunityJson::read(object, OpportunityJson::ReadMode::Response));
    // readDetail reads the updates only of a readable record; here always, for coverage.
    FieldErrors errors;
    const QList<OpportunityUpdate> updates =
        OpportunityJson::readUpdates(object.value(QStringLiteral("updates")), &errors);
    for (const OpportunityUpdate &update : updates)
        check(update.createdAt.isValid() && update.createdAt.timeSpec() == Qt::UTC,
              "an update read has a UTC time");
}

void readErrorBody(const QByteArray &body)
{
    // ReplyError::of reads every body, JSON or not.
    const ApiErrorBody error = ApiErrorBody::read(body);
    for (const FieldError &fieldError : error.fieldErrors)
        check(error.message.size() >= fieldError.message.size(), "the message holds each error");
}

void readAccountPage(const QByteArray &body)
{
    const ListEnvelope envelope = ListEnvelope::read(parse(body), QStringLiteral("accounts"));
    if (!envelope.ok())
        return;
    for (const QJsonValue &item : envelope.items) {
        FieldErrors errors;
        const Account account = AccountJson::read(item.toObject(), &errors);
        checkTimestamp(account.createdAt, "account created_at is UTC");
    }
}

void checkPerson(const QJsonObject &object)
{
    FieldErrors errors;
    const Person person = PersonJson::read(object, &errors);
    if (errors.isEmpty())
        check(!person.id.isEmpty(), "a person read without errors has an id");
    for (const FieldError &error : errors)
        check(!error.field.isEmpty() && !error.message.isEmpty(), "field errors are named");
}

void readPeople(const QByteArray &body)
{
    const QJsonDocument document = parse(body);
    checkPerson(document.object());
    const ListEnvelope envelope = ListEnvelope::read(document, QStringLiteral("users"));
    if (!envelope.ok())
        return;
    for (const QJsonValue &item : envelope.items)
        checkPerson(item.toObject());
}

void readText(const QByteArray &body)
{
    const QString text = QString::fromUtf8(body);
    if (const auto number = JsonValueReader::parseNumber(text))
        check(std::isfinite(*number), "a number parsed is finite");
    JsonValueReader::parseBoolean(text);
    if (const auto date = JsonValueReader::parseDate(text))
        checkDate(*date, "a date parsed is in years 1..9999");
    if (const auto time = JsonValueReader::parseTimestamp(text))
        checkTimestamp(*time, "a timestamp parsed is UTC");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    static const char readers[] = "LREAUT";
    const void *named = std::memchr(readers, data[0], 6);
    switch (named ? *static_cast<const char *>(named) : readers[data[0] % 6]) {
    case 'L':
        readListPage(body);
        break;
    case 'R':
        readRecord(body);
        break;
    case 'E':
        readErrorBody(body);
        break;
    case 'A':
        readAccountPage(body);
        break;
    case 'U':
        readPeople(body);
        break;
    default:
        readText(body);
        break;
    }
    return 0;
}
