#include "AccountJson.h"

#include "JsonValueReader.h"
#include "Timestamp.h"

#include <QCoreApplication>

namespace AccountJson {

namespace {

QJsonValue nullableString(const QString &text)
{
    return text.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// Reads an optional text field into *target; a value that is not text is reported.
void readText(const QJsonObject &object, const QString &snake, const QString &camel,
              QString *target, FieldErrors *errors, bool required = false)
{
    const QJsonValue value = JsonValueReader::lookup(object, snake, camel);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            errors->append({camel, QCoreApplication::translate("AccountJson", "is missing")});
        return;
    }
    QString error;
    if (const auto text = JsonValueReader::string(value, &error))
        *target = *text;
    else
        errors->append({camel, error});
}

} // namespace

QJsonObject toResponse(const Account &account)
{
    return QJsonObject{
        {QStringLiteral("id"), account.id},
        {QStringLiteral("name"), account.name},
        {QStringLiteral("type"), nullableString(account.type)},
        {QStringLiteral("status"), account.status},
        {QStringLiteral("industry"), nullableString(account.industry)},
        {QStringLiteral("website"), nullableString(account.website)},
        {QStringLiteral("country"), nullableString(account.country)},
        {QStringLiteral("owner_id"), nullableString(account.ownerId)},
        {QStringLiteral("is_archived"), account.isArchived},
        {QStringLiteral("created_at"), account.createdAt.isValid()
                                           ? QJsonValue(Timestamp::toText(account.createdAt))
                                           : QJsonValue(QJsonValue::Null)},
    };
}

Account read(const QJsonObject &object, FieldErrors *errors)
{
    Account account;
    readText(object, QStringLiteral("id"), QStringLiteral("id"), &account.id, errors, true);
    readText(object, QStringLiteral("name"), QStringLiteral("name"), &account.name, errors, true);
    readText(object, QStringLiteral("type"), QStringLiteral("type"), &account.type, errors);
    readText(object, QStringLiteral("status"), QStringLiteral("status"), &account.status, errors);
    readText(object, QStringLiteral("industry"), QStringLiteral("industry"), &account.industry,
             errors);
    readText(object, QStringLiteral("website"), QStringLiteral("website"), &account.website,
             errors);
    readText(object, QStringLiteral("country"), QStringLiteral("country"), &account.country,
             errors);
    readText(object, QStringLiteral("owner_id"), QStringLiteral("ownerId"), &account.ownerId,
             errors);
    QString error;
    const QJsonValue archived = JsonValueReader::lookup(object, QStringLiteral("is_archived"),
                                                        QStringLiteral("isArchived"));
    if (!archived.isUndefined() && !archived.isNull()) {
        if (const auto flag = JsonValueReader::boolean(archived, &error))
            account.isArchived = *flag;
        else
            errors->append({QStringLiteral("isArchived"), error});
    }
    const QJsonValue created =
        JsonValueReader::lookup(object, QStringLiteral("created_at"), QStringLiteral("createdAt"));
    if (!created.isUndefined() && !created.isNull()) {
        if (const auto time = JsonValueReader::timestamp(created, &error))
            account.createdAt = *time;
        else
            errors->append({QStringLiteral("createdAt"), error});
    }
    return account;
}

} // namespace AccountJson
