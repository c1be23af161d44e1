#pragma once

#include "FieldError.h"
#include "Person.h"

#include <QJsonObject>

// JSON mapping of people (kashew-server's /users): the response form and a tolerant reader.
namespace PersonJson {

// {"id", "name", "email"}, an unknown name or email as null.
QJsonObject toResponse(const Person &person);
// "id" is required; "name" and "email" may be missing or null. A value that is not text is
// reported under its field's name.
Person read(const QJsonObject &object, FieldErrors *errors);

} // namespace PersonJson
