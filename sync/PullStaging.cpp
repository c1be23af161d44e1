#include "PullStaging.h"

#include "CacheDatabase.h"
#include "CacheRows.h"
#include "MergePolicy.h"
#include "Outbox.h"
#include "PulledRowWriter.h"
#include "RecordTable.h"
#include "ServerMerge.h"
#include "SqlNullText.h"
#include "SqlTransaction.h"
#include "VanishedRecords.h"

#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <numeric>

namespace {

const QString merging = QStringLiteral("merging a pull");

QStringList dataColumnNames()
{
    QStringList names = CacheRows::dataColumns.split(QLatin1Char(','));
    for (QString &name : names)
        name = name.trimmed();
    return names;
}

// A cached row (o) nobody touched here: synced, shown, nothing for it in the outbox. A condition
// on pull_staging s joined with opportunities o; its one value to bind is SyncState::Synced.
const QString &notTouched()
{
    static const QString clause =
        QStringLiteral("o.sync_state = ? AND o.local_deleted = 0"
                       " AND NOT EXISTS (SELECT 1 FROM outbox x WHERE x.opportunity_id = s.id)");
    return clause;
}

// "s.id, s.name, ...".
QString stagedColumns()
{
    return QStringLiteral("s.") + dataColumnNames().join(QStringLiteral(", s."));
}

// "s.id IS o.id AND s.name IS o.name ...": the staged record is the cached one.
QString sameAsCached()
{
    QStringList same;
    for (const QString &column : dataColumnNames())
        same.append(QStringLiteral("s.%1 IS o.%1").arg(column));
    return same.join(QStringLiteral(" AND "));
}

// What merging server records touched: the records changed and removed, and the outbox (entries
// settled or turned into conflicts).
StoreChanges pulledChanges(const QStringList &changed, const QStringList &removed)
{
    StoreChanges changes;
    if (!changed.isEmpty())
        changes.changed = changed;
    changes.removed = removed;
    changes.outbox = true;
    return changes;
}

// An etag as the cache stores it: NULL when the listing gave none.
QVariant etagValue(const QByteArray &etag)
{
    return etag.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(etag);
}

} // namespace

Status PullStaging::begin()
{
    QSqlQuery query = m_db.query();
    if (query.exec(QStringLiteral(
            "CREATE TEMP TABLE IF NOT EXISTS pull_staging ("
            " id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, account_id TEXT, account_name TEXT,"
            " lead_id TEXT, value REAL NOT NULL, currency TEXT NOT NULL, stage TEXT NOT NULL,"
            " probability INTEGER NOT NULL, expected_close_date TEXT, description TEXT,"
            " owner_id TEXT, is_archived INTEGER NOT NULL, created_at TEXT, updated_at TEXT,"
            " etag BLOB)")) &&
        query.exec(QStringLiteral("DELETE FROM pull_staging")) &&
        query.exec(QStringLiteral(
            "CREATE TEMP TABLE IF NOT EXISTS pull_unreadable (id TEXT PRIMARY KEY NOT NULL)")) &&
        query.exec(QStringLiteral("DELETE FROM pull_unreadable")))
        return {};
    return CacheDatabase::failure(QStringLiteral("starting a pull"), query.lastError().text());
}

Status PullStaging::keepUnreadable(const QStringList &ids)
{
    return insertIds(QStringLiteral("pull_unreadable"), ids,
                     QStringLiteral("staging a pulled page"));
}

Status PullStaging::insertIds(const QString &table, const QStringList &ids, const QString &what)
{
    if (ids.isEmpty())
        return {};
    SqlTransaction transaction(m_db.connectionName());
    QSqlQuery &query =
        m_db.prepared(QStringLiteral("INSERT OR IGNORE INTO %1 (id) VALUES (?)").arg(table));
    for (const QString &id : ids) {
        query.addBindValue(id);
        if (!query.exec())
            return CacheDatabase::failure(what, query.lastError().text());
    }
    query.finish();
    return m_db.commit(transaction);
}

Status PullStaging::stage(const QList<Opportunity> &page, const QHash<QString, QByteArray> &etags)
{
    SqlTransaction transaction(m_db.connectionName());
    if (Status staged = stageRows(page, etags); !staged)
        return staged;
    return m_db.commit(transaction);
}

Status PullStaging::stageRows(const QList<Opportunity> &page,
                              const QHash<QString, QByteArray> &etags)
{
    static const QString sql =
        QStringLiteral("INSERT OR REPLACE INTO pull_staging (") + CacheRows::dataColumns +
        QStringLiteral(", etag) VALUES (") +
        QStringList(dataColumnNames().size() + 1, QStringLiteral("?")).join(QStringLiteral(", ")) +
        QLatin1Char(')');
    QSqlQuery &query = m_db.prepared(sql);
    for (const Opportunity &opportunity : page) {
        CacheRows::bindData(query, opportunity);
        query.addBindValue(etagValue(etags.value(opportunity.id)));
        if (!query.exec())
            return CacheDatabase::failure(QStringLiteral("staging a pulled page"),
                                          query.lastError().text());
    }
    query.finish();
    return {};
}

Status PullStaging::copyUntouched(QStringList *changed)
{
    const QString untouched =
        QStringLiteral(" FROM pull_staging s LEFT JOIN opportunities o ON o.id = s.id"
                       " WHERE o.id IS NULL OR (") +
        notTouched() + QStringLiteral(" AND NOT (") + sameAsCached() + QStringLiteral("))");
    const int synced = static_cast<int>(SyncState::Synced);
    QSqlQuery query = m_db.query();
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT s.id") + untouched);
    query.addBindValue(synced);
    if (!query.exec())
        return CacheDatabase::failure(merging, query.lastError().text());
    while (query.next())
        changed->append(query.value(0).toString());
    query.finish();
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO opportunities (") +
                  CacheRows::dataColumns + QStringLiteral(", etag) SELECT ") + stagedColumns() +
                  QStringLiteral(", s.etag") + untouched);
    query.addBindValue(synced);
    if (!query.exec())
        return CacheDatabase::failure(merging, query.lastError().text());
    // The same data under a new version (changed and changed back, say): the listed etag is the
    // one a PUT must send.
    query.prepare(QStringLiteral(
                      "UPDATE opportunities SET etag = (SELECT s.etag FROM pull_staging s"
                      " WHERE s.id = opportunities.id) WHERE id IN (SELECT s.id FROM pull_staging s"
                      " CROSS JOIN opportunities o ON o.id = s.id WHERE s.etag IS NOT NULL"
                      " AND s.etag IS NOT o.etag AND ") +
                  notTouched() + QLatin1Char(')'));
    query.addBindValue(synced);
    if (!query.exec())
        return CacheDatabase::failure(merging, query.lastError().text());
    return {};
}

Status PullStaging::mergeTouched(QStringList *changed)
{
    QList<std::pair<Opportunity, QByteArray>> touched;
    {
        QSqlQuery query = m_db.query();
        query.setForwardOnly(true);
        query.prepare(
            QStringLiteral("SELECT ") + stagedColumns() +
            // CROSS JOIN: the page's few staged rows lead, each found in the cache by its id
            // (SQLite would otherwise walk the whole cache, once per page of a pass).
            QStringLiteral(", s.etag FROM pull_staging s CROSS JOIN opportunities o ON o.id = s.id"
                           " WHERE NOT (") +
            notTouched() + QLatin1Char(')'));
        query.addBindValue(static_cast<int>(SyncState::Synced));
        if (!query.exec())
            return CacheDatabase::failure(merging, query.lastError().text());
        const int etagColumn = static_cast<int>(dataColumnNames().size());
        while (query.next())
            touched.append(
                {CacheRows::opportunityFromRow(query), query.value(etagColumn).toByteArray()});
    }
    for (const auto &[server, etag] : std::as_const(touched)) {
        if (Status merged = m_merge.merge(server, etag, changed); !merged)
            return merged;
    }
    return {};
}

Status PullStaging::dropVanished(const QString &seenTable, QStringList *changed,
                                 QStringList *removed)
{
    return VanishedRecords(m_db, m_records, m_outbox, m_merge)
        .drop(QStringLiteral("o.id NOT IN (SELECT id FROM %1)"
                             " AND o.id NOT IN (SELECT id FROM pull_unreadable)")
                  .arg(seenTable),
              {}, changed, removed);
}

Status PullStaging::mergeStaged(bool complete, QStringList *changed, QStringList *removed)
{
    Status merged = copyUntouched(changed);
    if (merged)
        merged = mergeTouched(changed);
    if (merged && complete)
        merged = dropVanished(QStringLiteral("pull_staging"), changed, removed);
    if (merged)
        merged = m_db.exec(merging, QStringLiteral("DELETE FROM pull_staging"));
    if (merged)
        merged = m_db.exec(merging, QStringLiteral("DELETE FROM pull_unreadable"));
    return merged;
}

Result<StoreChanges> PullStaging::commit(bool complete)
{
    QStringList changed;
    QStringList removed;
    SqlTransaction transaction(m_db.connectionName());
    Status merged = mergeStaged(complete, &changed, &removed);
    if (merged)
        merged = m_db.commit(transaction);
    if (!merged)
        return Failure{merged.error()};
    return pulledChanges(changed, removed);
}

Result<StoreChanges> PullStaging::keepPage(const QList<Opportunity> &page,
                                           const QHash<QString, QByteArray> &etags)
{
    // Seen and kept in one transaction: a crash leaves both or neither, never a record kept but
    // not seen (taken for gone at the pass's end) nor one seen but not kept.
    QStringList changed;
    QStringList removed;
    QList<Opportunity> cached;
    // In the order of their ids (a record listed twice keeps its order: the later copy wins):
    // the rows go into the id indexes one leaf page after the other, rather than each to a
    // random page of an index larger than SQLite's page cache.
    QList<qsizetype> order(page.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&page](qsizetype a, qsizetype b) { return page.at(a).id < page.at(b).id; });
    SqlTransaction transaction(m_db.connectionName());
    PulledRowWriter writer(m_db);
    Status kept = writer.insertIds(QStringLiteral("pull_seen"), page, order);
    // A record the cache does not have yet (all of them in a first sync) goes straight into it,
    // as the merge would copy it, without the staging table and the join; those it has already
    // take the merge below.
    QList<bool> inserted;
    if (kept)
        kept = writer.insertNew(page, order, etags, &inserted);
    for (qsizetype i = 0; kept && i < order.size(); ++i) {
        const Opportunity &opportunity = page.at(order.at(i));
        if (inserted.at(i))
            changed.append(opportunity.id);
        else
            cached.append(opportunity);
    }
    if (kept && !cached.isEmpty()) {
        kept = begin();
        if (kept)
            kept = stageRows(cached, etags);
        if (kept)
            kept = mergeStaged(false, &changed, &removed);
    }
    if (kept)
        kept = m_db.commit(transaction);
    if (!kept)
        return Failure{kept.error()};
    return pulledChanges(changed, removed);
}

Status PullStaging::markSeen(const QStringList &ids)
{
    return insertIds(QStringLiteral("pull_seen"), ids, QStringLiteral("keeping a pulled page"));
}

Result<StoreChanges> PullStaging::completePass()
{
    QStringList changed;
    QStringList removed;
    // The temporary tables exist only once this connection began a pull: a pass that ends in a
    // later window, before any page there, has none yet.
    if (Status begun = begin(); !begun)
        return Failure{begun.error()};
    SqlTransaction transaction(m_db.connectionName());
    Status dropped = dropVanished(QStringLiteral("pull_seen"), &changed, &removed);
    if (dropped)
        dropped = m_db.exec(merging, QStringLiteral("DELETE FROM pull_seen"));
    if (dropped)
        dropped = m_db.exec(merging, QStringLiteral("DELETE FROM pull_unreadable"));
    if (dropped)
        dropped = m_db.commit(transaction);
    if (!dropped)
        return Failure{dropped.error()};
    return pulledChanges(changed, removed);
}

Status PullStaging::discardPass()
{
    return m_db.exec(QStringLiteral("ending a pull"), QStringLiteral("DELETE FROM pull_seen"));
}
