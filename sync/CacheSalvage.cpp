#include "CacheSalvage.h"

#include "CacheRows.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <atomic>
#include <map>

namespace CacheSalvage {

namespace {

std::atomic<int> salvageCounter{0};

// Gaps between what the two scans reached are probed row by row up to this many sequences.
constexpr qint64 maxProbes = 200000;

// Reads rows of one statement until the end or the first damaged page; false on damage.
template <typename Take> bool readRows(QSqlQuery &query, Take take)
{
    if (!query.exec())
        return false;
    while (query.next())
        take(query);
    return !query.lastError().isValid();
}

class Reader final
{
public:
    explicit Reader(const QString &connectionName)
        : m_connectionName(connectionName)
    {}

    void readOutbox(Result *result)
    {
        // Caches before schema 2 have no in_doubt column: a counted send was in doubt there.
        QString columns = CacheRows::entryColumns;
        QSqlQuery probe(db());
        if (!probe.exec(QStringLiteral("SELECT in_doubt FROM outbox LIMIT 0")))
            columns.replace(QStringLiteral("in_doubt"), QStringLiteral("attempts > 0"));
        probe.finish();
        const QString select = QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM outbox");
        std::map<qint64, OutboxEntry> found;
        const auto take = [&](const QSqlQuery &row) {
            const OutboxEntry entry = CacheRows::entryFromRow(row);
            found.emplace(entry.sequence, entry);
        };
        QSqlQuery forward(db());
        forward.setForwardOnly(true);
        forward.prepare(select + QStringLiteral(" ORDER BY sequence"));
        const bool forwardWhole = readRows(forward, take);
        const qint64 reachedForward = found.empty() ? 0 : found.rbegin()->first;
        QSqlQuery backward(db());
        backward.setForwardOnly(true);
        backward.prepare(select + QStringLiteral(" ORDER BY sequence DESC"));
        const bool backwardWhole = readRows(backward, take);
        if (!forwardWhole || !backwardWhole) {
            result->outboxDamaged = true;
            // Rows past the damage may still be reachable one by one.
            qint64 last = found.empty() ? maxProbes : found.rbegin()->first;
            QSqlQuery top(db());
            if (top.exec(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")) &&
                top.next())
                last = std::max(last, top.value(0).toLongLong());
            top.finish();
            QSqlQuery one(db());
            one.prepare(select + QStringLiteral(" WHERE sequence = ?"));
            for (qint64 sequence = reachedForward + 1;
                 sequence < last && sequence - reachedForward <= maxProbes; ++sequence) {
                if (found.count(sequence))
                    continue;
                one.addBindValue(sequence);
                if (one.exec() && one.next())
                    take(one);
                one.finish();
            }
        }
        for (const auto &[sequence, entry] : found)
            result->entries.append(entry);
    }

    void readRecords(Result *result)
    {
        QSet<QString> wanted;
        for (const OutboxEntry &entry : std::as_const(result->entries))
            wanted.insert(entry.opportunityId);
        // Caches before schema 4 have no sync_field_errors column: their refusals kept none.
        QString columns = CacheRows::rowColumns;
        QSqlQuery probe(db());
        if (!probe.exec(QStringLiteral("SELECT sync_field_errors FROM opportunities LIMIT 0")))
            columns.replace(QStringLiteral("sync_field_errors"), QStringLiteral("NULL"));
        probe.finish();
        QSqlQuery byId(db());
        byId.prepare(QStringLiteral("SELECT ") + columns +
                     QStringLiteral(" FROM opportunities WHERE id = ?"));
        for (const QString &id : std::as_const(wanted)) {
            byId.addBindValue(id);
            if (byId.exec() && byId.next())
                take(CacheRows::recordFromRow(byId), &wanted, result);
            byId.finish();
        }
        if (wanted.isEmpty())
            return;
        // The index may be what is damaged: walk the table itself from both ends.
        for (const QString &order : {QStringLiteral("ASC"), QStringLiteral("DESC")}) {
            QSqlQuery scan(db());
            scan.setForwardOnly(true);
            scan.prepare(QStringLiteral("SELECT ") + columns +
                         QStringLiteral(" FROM opportunities NOT INDEXED ORDER BY rowid ") + order);
            readRows(scan, [&](const QSqlQuery &row) {
                const QString id = row.value(0).toString();
                if (wanted.contains(id))
                    take(CacheRows::recordFromRow(row), &wanted, result);
            });
            if (wanted.isEmpty())
                return;
        }
    }

private:
    static void take(const CachedOpportunity &record, QSet<QString> *wanted, Result *result)
    {
        wanted->remove(record.opportunity.id);
        result->records.append(record);
    }

    QSqlDatabase db() const { return QSqlDatabase::database(m_connectionName); }

    QString m_connectionName;
};

} // namespace

Result read(const QString &path, bool readOnly)
{
    Result result;
    const QString name = QStringLiteral("kashew-salvage-%1").arg(++salvageCounter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (readOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            result.error = db.lastError().text();
        } else {
            Reader reader(name);
            reader.readOutbox(&result);
            reader.readRecords(&result);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace CacheSalvage
