#pragma once

#include "TestHttp.h"

#include <QJsonObject>

// Records created through the API for integration tests; each helper fails the test on error.
namespace TestData {

// Creates an account named `name` and returns its id.
QString createAccount(TestHttp &http, const QString &name);
// POSTs an opportunity (name defaults to "Deal") and returns the response object.
QJsonObject createOpportunity(TestHttp &http, QJsonObject body);

} // namespace TestData
