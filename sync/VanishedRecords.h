#pragma once

#include "Result.h"
#include "StoreChanges.h"

#include <QStringList>
#include <QVariantList>

class CacheDatabase;
class Outbox;
class RecordTable;
class ServerMerge;

// Cached records the server no longer has, as MergePolicy::vanished decides: synced ones (and
// ones deleted here too) go with their outbox entry, ones with edits here become conflicts for
// the user, creates not sent yet stay. One rule for a complete pull's absent records
// (PullStaging) and the change feed's deletions.
class VanishedRecords final
{
public:
    VanishedRecords(CacheDatabase &db, RecordTable &records, Outbox &outbox, ServerMerge &merge)
        : m_db(db)
        , m_records(records)
        , m_outbox(outbox)
        , m_merge(merge)
    {}

    // The records `condition` selects (SQL on opportunities o, LEFT JOINed with its outbox entry
    // x; `values` bound to its placeholders) are gone from the server. Inside the caller's
    // transaction; adds to `changed` (conflicts) and `removed`.
    Status drop(const QString &condition, const QVariantList &values, QStringList *changed,
                QStringList *removed);
    // The records `ids` are gone from the server (the change feed's deletions; ids not cached
    // are nothing to do), in a transaction of its own.
    Result<StoreChanges> dropIds(const QStringList &ids);

private:
    CacheDatabase &m_db;
    RecordTable &m_records;
    Outbox &m_outbox;
    ServerMerge &m_merge;
};
