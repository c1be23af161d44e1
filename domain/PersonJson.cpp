#include "PersonJson.h"

#include "JsonValueReader.h"

#include <QCoreApplication>

namespace PersonJson {

namespace {

QJsonValue nullableString(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// Reads an optional text field into *target; a value that is not text is reported.
void readText(const QJsonObject &object, const QString &key, QString *target, FieldErrors *errors,
              bool required = false)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            errors->append({key, QCoreApplication::translate("PersonJson", "is missing")});
        return;
    }
    QString error;
    if (const auto text = JsonValueReader::string(value, &error))
        *target = text->trimmed();
    else
        errors->append({key, error});
}

} // namespace

QJsonObject toResponse(const Person &person)
{
    return QJsonObject{
        {QStringLiteral("id"), person.id},
        {QStringLiteral("name"), nullableString(person.name)},
        {QStringLiteral("email"), nullableString(person.email)},
    };
}

Person read(const QJsonObject &object, FieldErrors *errors)
{
    Person person;
    readText(object, QStringLiteral("id"), &person.id, errors, true);
    if (errors->isEmpty() && person.id.isEmpty())
        errors->append(
            {QStringLiteral("id"), QCoreApplication::translate("PersonJson", "is empty")});
    readText(object, QStringLiteral("name"), &person.name, errors);
    readText(object, QStringLiteral("email"), &person.email, errors);
    return person;
}

} // namespace PersonJson
