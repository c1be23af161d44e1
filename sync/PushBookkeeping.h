#pragma once

#include "FieldError.h"
#include "Opportunity.h"
#include "Result.h"
#include "StoreChanges.h"

#include <optional>

class CacheDatabase;
class Outbox;
class RecordTable;
class SqlTransaction;

// The push's side of the cache: what the server answered to a sent entry (accepted, refused),
// each in a transaction of its own, and the server ids of records created here.
class PushBookkeeping final
{
public:
    PushBookkeeping(CacheDatabase &db, RecordTable &records, Outbox &outbox)
        : m_db(db)
        , m_records(records)
        , m_outbox(outbox)
    {}

    // The server accepted the entry and answered with its state of the record.
    Result<StoreChanges> complete(qint64 sequence, const Opportunity &server,
                                  const QByteArray &etag);
    Result<StoreChanges> completeDelete(qint64 sequence);
    // The server refused the entry for good: the record is marked Failed with why and, for a
    // refused field, which.
    Result<StoreChanges> fail(qint64 sequence, const QString &error,
                              const FieldErrors &fieldErrors);
    // The server's id of a record created here under `oldId`, once the server has it.
    Result<std::optional<QString>> renamedTo(const QString &oldId) const;

private:
    // complete() for an entry that is no longer there, inside its transaction; the record, or
    // the server's copy of one deleted here meanwhile, takes the answer.
    Result<StoreChanges> completeGone(SqlTransaction &transaction, const Opportunity &server,
                                      const QByteArray &etag);
    Result<StoreChanges> deleteCreated(SqlTransaction &transaction, const Opportunity &server,
                                       const QByteArray &etag);
    // A create answered: the record goes by the server's id from now on.
    Status rename(const QString &oldId, const QString &newId);

    CacheDatabase &m_db;
    RecordTable &m_records;
    Outbox &m_outbox;
};
