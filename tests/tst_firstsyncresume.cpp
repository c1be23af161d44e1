// A pass's batch of pulled records goes straight into the cache where the cache has no copy (a
// first sync) and through the merge where it has one, seen and kept in one transaction; and a
// first sync cut short at a page (kashew-server's rate limit, pages asked ahead) goes on in the
// next window with every record of the server once.
#include "ApiClient.h"
#include "CacheSeed.h"
#include "LocalStore.h"
#include "ServerProcess.h"
#include "SyncEngine.h"
#include "SyncFixture.h"

#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

using CacheSeed::serverRecord;

QSet<QString> cachedIds(LocalStore &store)
{
    QSet<QString> ids;
    const QList<CachedOpportunity> records = store.opportunities().value();
    for (const CachedOpportunity &record : records)
        ids.insert(record.opportunity.id);
    return ids;
}

// Rows of `table` in the cache file, read on a connection of its own.
qint64 rowsIn(const QString &path, const QString &table)
{
    qint64 rows = -1;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) && query.next())
                rows = query.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return rows;
}

} // namespace

class TestFirstSyncResume final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<LocalStore>();
        QVERIFY(m_store->open(path()).ok);
    }

    // Into an empty cache: each record once, with its etag; a record listed twice in the batch
    // (the listing shifted between two pages) as its later copy says.
    void batchGoesIntoAnEmptyCacheOnceEach()
    {
        Opportunity first = serverRecord(QStringLiteral("b-2"), QStringLiteral("Older name"));
        Opportunity again = first;
        again.name = QStringLiteral("Newer name");
        const QList<Opportunity> batch{
            serverRecord(QStringLiteral("c-3"), QStringLiteral("C")), first,
            serverRecord(QStringLiteral("a-1"), QStringLiteral("A")), again};
        QSignalSpy changed(m_store.get(), &LocalStore::opportunitiesChanged);
        QVERIFY(
            m_store->keepPulledPage(batch, {{QStringLiteral("a-1"), QByteArrayLiteral("\"7\"")}}));
        QCOMPARE(m_store->opportunityCount(), 3);
        QCOMPARE(cachedIds(*m_store), (QSet<QString>{QStringLiteral("a-1"), QStringLiteral("b-2"),
                                                     QStringLiteral("c-3")}));
        QCOMPARE(m_store->opportunity(QStringLiteral("b-2"))->opportunity.name,
                 QStringLiteral("Newer name"));
        QCOMPARE(m_store->etagOf(QStringLiteral("a-1")), QByteArrayLiteral("\"7\""));
        QVERIFY(m_store->etagOf(QStringLiteral("c-3")).isEmpty());
        QCOMPARE(m_store->opportunity(QStringLiteral("c-3"))->state, SyncState::Synced);
        QCOMPARE(changed.size(), 1);
        const QStringList announced = changed.first().first().toStringList();
        QCOMPARE(QSet<QString>(announced.begin(), announced.end()), cachedIds(*m_store));
        // The pass ends having seen them all: none is taken for deleted.
        QVERIFY(m_store->completePass());
        QCOMPARE(m_store->opportunityCount(), 3);
    }

    // A record the cache has with an edit made here is merged field by field, not replaced by
    // the server's copy; one it has untouched takes the server's.
    void cachedRecordsAreMergedNotReplaced()
    {
        CacheSeed::seed(*m_store,
                        {serverRecord(QStringLiteral("e-1"), QStringLiteral("Edited")),
                         serverRecord(QStringLiteral("u-2"), QStringLiteral("Untouched"))});
        Opportunity edited = m_store->opportunity(QStringLiteral("e-1"))->opportunity;
        edited.name = QStringLiteral("Renamed here");
        QVERIFY(m_store->editOpportunity(edited.id, edited, OpportunityField::Name));

        Opportunity serverEdited = serverRecord(QStringLiteral("e-1"), QStringLiteral("Edited"));
        serverEdited.value = 2500;
        Opportunity serverUntouched =
            serverRecord(QStringLiteral("u-2"), QStringLiteral("Renamed on the server"));
        QVERIFY(
            m_store->keepPulledPage({serverEdited, serverUntouched,
                                     serverRecord(QStringLiteral("n-3"), QStringLiteral("New"))}));
        const CachedOpportunity mine = *m_store->opportunity(QStringLiteral("e-1"));
        QCOMPARE(mine.opportunity.name, QStringLiteral("Renamed here"));
        QCOMPARE(mine.opportunity.value, 2500.0);
        QCOMPARE(mine.state, SyncState::Pending);
        QCOMPARE(m_store->pendingCount(), 1);
        QCOMPARE(m_store->opportunity(QStringLiteral("u-2"))->opportunity.name,
                 QStringLiteral("Renamed on the server"));
        QCOMPARE(m_store->opportunityCount(), 3);
    }

    // A batch the cache refuses leaves nothing behind: no record, and no id marked seen (the
    // page is fetched again, and a seen id without its record would hide nothing but is not
    // what the pass knows).
    void refusedBatchLeavesNothingSeen()
    {
        Opportunity nameless = serverRecord(QStringLiteral("x-2"), QString());
        nameless.name = QString(); // NOT NULL in the cache
        QVERIFY(!m_store->keepPulledPage(
            {serverRecord(QStringLiteral("x-1"), QStringLiteral("Fine")), nameless}));
        QCOMPARE(m_store->opportunityCount(), 0);
        QCOMPARE(rowsIn(path(), QStringLiteral("pull_seen")), 0);
    }

    // The first sync of 12,000 records in pages of 500 under 22 requests per two-second window:
    // the first window stores a full batch of 10,000 (pages asked ahead meanwhile) and ends with
    // a refused page; the next one goes on from where it stopped, and at the end the cache holds
    // each server record once.
    void cutFirstSyncResumesWithEveryRecordOnce()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--demo"), QStringLiteral("12000"),
                              QStringLiteral("--rate-limit"), QStringLiteral("22"),
                              QStringLiteral("--rate-window"), QStringLiteral("2")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        ApiClient::Settings settings = sync.client.settings();
        settings.maxRateLimitWaitSeconds = 0;
        sync.client.setSettings(settings);
        QSignalSpy finished(sync.engine.get(), &SyncEngine::finished);
        sync.engine->syncNow();
        int syncs = 0;
        int cut = 0;
        while (syncs < 40) {
            QVERIFY(finished.wait(30000));
            ++syncs;
            if (!sync.store.pullProgress())
                break;
            ++cut;
            // Between windows, what is kept is kept once.
            QCOMPARE(sync.store.opportunities()->size(), cachedIds(sync.store).size());
        }
        QVERIFY2(cut >= 1, "the first sync was never cut short");
        QVERIFY(!sync.store.pullProgress());
        // The server's records, read through the same client, waiting out the windows now.
        settings.maxRateLimitWaitSeconds = 10;
        sync.client.setSettings(settings);
        QSet<QString> onServer;
        for (const bool archived : {false, true}) {
            for (int page = 1;; ++page) {
                bool done = false;
                ApiClient::OpportunityPage listed;
                OpportunityFilter filter;
                filter.archived = archived;
                sync.client.listOpportunities(
                    filter, {page, 500},
                    [&](const ApiError &error, const ApiClient::OpportunityPage &result) {
                        QVERIFY(error.ok());
                        listed = result;
                        done = true;
                    });
                QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
                for (const Opportunity &item : std::as_const(listed.items))
                    onServer.insert(item.id);
                if (listed.items.size() < 500)
                    break;
            }
        }
        QCOMPARE(onServer.size(), 12000);
        QCOMPARE(sync.store.opportunities()->size(), 12000);
        QCOMPARE(cachedIds(sync.store), onServer);
    }

private:
    QString path() const { return m_dir->filePath(QStringLiteral("cache.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
};

QTEST_GUILESS_MAIN(TestFirstSyncResume)
#include "tst_firstsyncresume.moc"
