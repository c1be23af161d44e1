#pragma once

#include "OpportunityRow.h"
#include "Result.h"

#include <QList>
#include <QStringList>

class CacheDatabase;
class StringPool;

// The lean read behind the item models: what a row shows (the record's own columns, its sync
// state and error) straight from SQLite into rows, without the base, the server's state or any
// JSON. Texts many rows repeat (account, owner, currency) come from one StringPool, shared by
// every page read with it. Reads only shown rows (a pending delete stays hidden).
class ModelRowReader final
{
public:
    // One page of rows in rowid order, and where the next page starts.
    struct Page
    {
        QList<OpportunityRow> rows;
        // The rowid of the last row read; the next page is read after it.
        qint64 last = 0;
        // Fewer rows than asked for: nothing follows.
        bool end = false;
    };

    ModelRowReader(CacheDatabase &db, StringPool &pool);

    // The `limit` most recently changed rows (what the list shows first), in no order.
    Result<QList<OpportunityRow>> newest(int limit);
    // Up to `limit` rows after rowid `after` (0: from the start), in rowid order: keyset paging,
    // each page a short indexed range however far in it starts. A read of everything after
    // (a limit no shorter than the rowids left) reads its upper half on a second connection
    // and thread at the same time.
    Result<Page> after(qint64 after, int limit);
    // Rowid spans at least this long are read in two halves (40,000 unless a test says).
    static void setSplitSpan(qint64 span);
    // The columns a row is read from: rowid, the record's own, then its sync state and error.
    static const QString &columns();
    // The shown rows among `ids`, in no order (an id named twice is read once).
    Result<QList<OpportunityRow>> withIds(const QStringList &ids);

private:
    CacheDatabase &m_db;
    StringPool &m_pool;
};
