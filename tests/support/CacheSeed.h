#pragma once

#include "LocalStore.h"

// A local cache holding what a pull from the server left, for tests of the store itself.
namespace CacheSeed {

// A deal as the server sends it: 1000, proposal, 50 %, created and changed 2026-01-01 10:00 UTC.
Opportunity serverRecord(const QString &id, const QString &name);
// Stores `records` as one pull does (synced, nothing pending); fails the running test at the
// caller's line (QTest::qFail) when a step of the pull fails.
void seed(LocalStore &store, const QList<Opportunity> &records, const char *file = __builtin_FILE(),
          int line = __builtin_LINE());

} // namespace CacheSeed
