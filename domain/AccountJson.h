#pragma once

#include "Account.h"
#include "FieldError.h"

#include <QJsonObject>

// JSON mapping of accounts: the response form and a tolerant reader.
namespace AccountJson {

QJsonObject toResponse(const Account &account);
// Reads either spelling of every field; "id" and "name" are required.
Account read(const QJsonObject &object, FieldErrors *errors);

} // namespace AccountJson
