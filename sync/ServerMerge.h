#pragma once

#include "Opportunity.h"
#include "Result.h"
#include "StoreChanges.h"

class CacheDatabase;
class Outbox;
class RecordTable;

// Applies the server's state of one record to the cache by MergePolicy's rule: reads the row and
// its outbox entry, and writes what the policy decides.
class ServerMerge final
{
public:
    ServerMerge(CacheDatabase &db, RecordTable &records, Outbox &outbox)
        : m_db(db)
        , m_records(records)
        , m_outbox(outbox)
    {}

    // Inside the caller's transaction; adds the record's id to `changed` when its row changed.
    Status merge(const Opportunity &server, const QByteArray &etag, QStringList *changed);
    // The server deleted a record that has local edits: it becomes a conflict. Inside the
    // caller's transaction; nothing happens to a record not shown.
    Status markDeleted(const QString &id);

    // Each in a transaction of its own.
    Result<StoreChanges> mergeOne(const Opportunity &server, const QByteArray &etag);
    Result<StoreChanges> deletedOnServer(const QString &id);

private:
    CacheDatabase &m_db;
    RecordTable &m_records;
    Outbox &m_outbox;
};
