// The cache keeps each updates history with the version of the record it was fetched for, so that
// a history older than its record is known as such, also in a cache written before it kept that.
#include "LocalStore.h"
#include "RecordVersion.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

QList<OpportunityUpdate> oneUpdate()
{
    OpportunityUpdate update;
    update.id = QStringLiteral("u1");
    update.createdAt = QDateTime(QDate(2026, 5, 1), QTime(9, 0), Qt::UTC);
    update.ownerId = QStringLiteral("owner");
    update.changes = {
        {QStringLiteral("stage"), QStringLiteral("proposal"), QStringLiteral("negotiation")}};
    return {update};
}

// Runs statements on the cache file outside LocalStore; false (with a warning) on failure.
bool execRaw(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &statement : statements) {
            if (ok && !query.exec(statement)) {
                qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return ok;
}

} // namespace

class TestStoredHistory final : public QObject
{
    Q_OBJECT

private slots:
    void historyKeepsTheVersionItWasFetchedFor()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok);
        QVERIFY(store.storeUpdates(QStringLiteral("a"), oneUpdate(), QStringLiteral("v1")));
        const auto stored = store.history(QStringLiteral("a"));
        QVERIFY(stored);
        QCOMPARE(stored->recordVersion, QStringLiteral("v1"));
        QCOMPARE(stored->updates.size(), 1);
        QVERIFY(stored->fetchedAt.isValid());
        // Stored without one (after a look-up before a push): older than any record.
        QVERIFY(store.storeUpdates(QStringLiteral("a"), oneUpdate()));
        QVERIFY(store.history(QStringLiteral("a"))->recordVersion.isEmpty());
    }

    void historyFromAnOlderCacheCountsAsOlderThanItsRecord()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            LocalStore store;
            QVERIFY(store.open(path).ok);
        }
        // The cache as kashew wrote it at schema 2: histories without their record's version
        // (and without the later steps' columns).
        QVERIFY(execRaw(
            path, {QStringLiteral("ALTER TABLE opportunity_updates DROP COLUMN record_version"),
                   QStringLiteral("ALTER TABLE opportunities DROP COLUMN sync_field_errors"),
                   QStringLiteral("DROP TABLE people"), QStringLiteral("DROP TABLE pull_seen"),
                   QStringLiteral("DROP TABLE request_log"),
                   QStringLiteral("INSERT INTO opportunity_updates (opportunity_id, data, "
                                  "fetched_at) VALUES ('a', '[]', '2026-05-01T09:00:00Z')"),
                   QStringLiteral("PRAGMA user_version = 2")}));
        LocalStore store;
        QVERIFY(store.open(path).ok);
        const auto stored = store.history(QStringLiteral("a"));
        QVERIFY(stored);
        QVERIFY(stored->recordVersion.isEmpty());
        QVERIFY(store.storeUpdates(QStringLiteral("a"), oneUpdate(), QStringLiteral("v2")));
        QCOMPARE(store.history(QStringLiteral("a"))->recordVersion, QStringLiteral("v2"));
    }

    void versionFollowsTheRecordWithOrWithoutUpdatedAt()
    {
        Opportunity record;
        record.id = QStringLiteral("a");
        record.name = QStringLiteral("Deal");
        record.updatedAt = QDateTime(QDate(2026, 5, 1), QTime(9, 0), Qt::UTC);
        Opportunity later = record;
        later.updatedAt = record.updatedAt.addMSecs(1);
        QCOMPARE(RecordVersion::of(record), RecordVersion::of(Opportunity(record)));
        QVERIFY(RecordVersion::of(record) != RecordVersion::of(later));
        // A server that sends no updated_at: any change of a field is a new version.
        record.updatedAt = {};
        Opportunity changed = record;
        changed.stage = Stage::Negotiation;
        QCOMPARE(RecordVersion::of(record), RecordVersion::of(Opportunity(record)));
        QVERIFY(RecordVersion::of(record) != RecordVersion::of(changed));
    }
};

QTEST_MAIN(TestStoredHistory)
#include "tst_storedhistory.moc"
