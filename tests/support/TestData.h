#pragma once

#include "TestHttp.h"

#include <QJsonObject>

// Records created (and read back) through the API for integration tests. Each helper fails the
// running test (QTest::qFail, reported at the caller's line) when the server does not answer 201
// with an id, and then returns an empty value; the test goes on to its next check, so a caller that
// must stop at once adds `if (QTest::currentTestFailed()) return;`.
namespace TestData {

// Creates an account named `name` and returns its id.
QString createAccount(TestHttp &http, const QString &name, const char *file = __builtin_FILE(),
                      int line = __builtin_LINE());
// POSTs an opportunity (name defaults to "Deal") and returns the response object.
QJsonObject createOpportunity(TestHttp &http, QJsonObject body, const char *file = __builtin_FILE(),
                              int line = __builtin_LINE());
// POSTs a deal of 1000 EUR named `name` and returns its id.
QString createDeal(TestHttp &http, const QString &name, const char *file = __builtin_FILE(),
                   int line = __builtin_LINE());
// The opportunity as the server has it now (an empty object when it has none).
QJsonObject serverRecord(TestHttp &http, const QString &id);
// Sends `requests` cheap reads with the http's key, to spend that much of the key's rate budget
// (a server started with --rate-limit); fails the test when one is not answered 200.
void spendRateBudget(TestHttp &http, int requests, const char *file = __builtin_FILE(),
                     int line = __builtin_LINE());

} // namespace TestData
