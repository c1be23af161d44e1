#pragma once

#include "Opportunity.h"
#include "Result.h"
#include "StoreChanges.h"

#include <QHash>
#include <QStringList>

class CacheDatabase;
class Outbox;
class RecordTable;
class ServerMerge;

// A pull in the making: its pages staged in temporary tables (a pull that does not finish leaves
// nothing behind, not even after a crash), then merged into the cache in one transaction.
class PullStaging final
{
public:
    PullStaging(CacheDatabase &db, RecordTable &records, Outbox &outbox, ServerMerge &merge)
        : m_db(db)
        , m_records(records)
        , m_outbox(outbox)
        , m_merge(merge)
    {}

    Status begin();
    // `etags`: each record's version where the listing gave one (stored with it, so that a PUT
    // needs no GET first).
    Status stage(const QList<Opportunity> &page, const QHash<QString, QByteArray> &etags = {});
    // Records the server listed but kashew cannot read: their cached copies stay as they are.
    Status keepUnreadable(const QStringList &ids);
    // With `complete`, records the server no longer has are removed (or become conflicts when
    // edited here).
    Result<StoreChanges> commit(bool complete);

    // A pass over several requests (and maybe several budget windows, see PullProgress): each
    // page (or batch of pages) is kept as it arrives, its ids marked seen and its records merged
    // in one transaction, so a pass cut short keeps what it fetched and a crash never takes a
    // fetched record for gone. Records the cache has no row for go straight in (PulledRowWriter);
    // the others are staged and merged as commit() merges them.
    Result<StoreChanges> keepPage(const QList<Opportunity> &page,
                                  const QHash<QString, QByteArray> &etags);
    // Ids seen by the pass without a record to keep (unreadable ones).
    Status markSeen(const QStringList &ids);
    // The pass saw every record: cached records it did not see are removed (or become conflicts
    // when edited here), and the seen ids are forgotten.
    Result<StoreChanges> completePass();
    // The pass is abandoned (a 410, a changed server): the seen ids are forgotten.
    Status discardPass();

private:
    // stage() and commit() without a transaction of their own.
    Status stageRows(const QList<Opportunity> &page, const QHash<QString, QByteArray> &etags);
    Status mergeStaged(bool complete, QStringList *changed, QStringList *removed);
    // Records nobody touched here, new or changed on the server: copied as they are, in SQL.
    Status copyUntouched(QStringList *changed);
    // Records with edits or conflicts here: merged field by field.
    Status mergeTouched(QStringList *changed);
    // Adds `ids` to the one-column table `table`, in one transaction (`what`: for the error).
    Status insertIds(const QString &table, const QStringList &ids, const QString &what);
    // Records absent from `seenTable` (and from pull_unreadable) are gone from the server.
    Status dropVanished(const QString &seenTable, QStringList *changed, QStringList *removed);

    CacheDatabase &m_db;
    RecordTable &m_records;
    Outbox &m_outbox;
    ServerMerge &m_merge;
};
