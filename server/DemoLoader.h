#pragma once

#include "DemoData.h"
#include "Result.h"

class ServerStore;

// Loads generated demo data into an empty kashew-server database (SQLite or PostgreSQL) in one
// transaction, each opportunity with its creation entry, its searchable text and its change.
class DemoLoader final
{
public:
    explicit DemoLoader(ServerStore &store);

    Status load(const DemoData &demo);

private:
    // SQLite: indexes and triggers set aside and built again after.
    Status loadSqlite(const DemoData &demo);
    // PostgreSQL: rows in batches, the trigram index built after.
    Status loadPostgres(const DemoData &demo);
    // Inside the caller's transaction.
    Status insertRows(const DemoData &demo);
    Status insertAccounts(const DemoData &demo);
    Status insertRecordBatches(const DemoData &demo);

    ServerStore &m_store;
};
