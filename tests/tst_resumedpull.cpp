// A full pull over the plain listing that does not fit in one window of the server's rate limit
// (kashew-server's --rate-limit with a window of two seconds, pages of five): each window keeps
// the pages it got, the next one goes on where it stopped, records created or deleted meanwhile
// are neither lost nor duplicated, and records are taken for deleted only once the pass saw every
// page (one deleted after the pass saw it goes at the next pass). Also: a listed record's etag is
// kept, so an edit of it is one PUT.
#include "ApiClient.h"
#include "LocalStore.h"
#include "ServerProcess.h"
#include "SyncEngine.h"
#include "SyncFixture.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

namespace {

constexpr const char *teammateKey = "kshw_test_teammate_0123456789";
constexpr int pageSize = 5;
// Requests per window: a pull of the demo's records needs several windows.
const QString rateLimit = QStringLiteral("12");
const QString rateWindow = QStringLiteral("2");

struct ServerRecords
{
    QSet<QString> ids;
    qint64 live = 0;
    qint64 archived = 0;
};

// What the server holds, asked with the teammate's key (two requests of its own budget).
ServerRecords serverRecords(TestHttp &teammate)
{
    ServerRecords records;
    for (const bool archived : {false, true}) {
        const TestHttp::Reply reply =
            teammate.get(QStringLiteral("/opportunities?pageSize=500&isArchived=%1")
                             .arg(archived ? QStringLiteral("true") : QStringLiteral("false")));
        const QJsonArray items = reply.json().value(QStringLiteral("opportunities")).toArray();
        for (const QJsonValue &item : items)
            records.ids.insert(item[QStringLiteral("id")].toString());
        (archived ? records.archived : records.live) = items.size();
    }
    return records;
}

QSet<QString> cachedIds(LocalStore &store)
{
    QSet<QString> ids;
    const QList<CachedOpportunity> records = store.opportunities().value();
    for (const CachedOpportunity &record : records)
        ids.insert(record.opportunity.id);
    return ids;
}

int count(const QString &log, const QString &pattern)
{
    return static_cast<int>(log.count(QRegularExpression(pattern)));
}

} // namespace

class TestResumedPull final : public QObject
{
    Q_OBJECT

private:
    // A client whose 429s end the sync (no waiting them out), pulling pages of five.
    static bool openCutting(SyncFixture &sync, const ServerProcess &server)
    {
        if (!sync.open(server))
            return false;
        ApiClient::Settings settings = sync.client.settings();
        settings.maxRateLimitWaitSeconds = 0;
        sync.client.setSettings(settings);
        sync.engine->setListingPageSize(pageSize);
        return true;
    }

    // Syncs until the pass is no more under way (the engine syncs again by itself once the
    // window frees); `betweenWindows` runs after each sync cut short. Returns the syncs run.
    static int syncUntilPassEnds(SyncFixture &sync, const std::function<void()> &betweenWindows)
    {
        QSignalSpy finished(sync.engine.get(), &SyncEngine::finished);
        sync.engine->syncNow();
        for (int syncs = 1; syncs <= 40; ++syncs) {
            if (!finished.wait(30000))
                return -1;
            if (!sync.store.pullProgress())
                return syncs;
            betweenWindows();
        }
        return -1;
    }

private slots:
    // Between the windows a teammate creates records (on top: the pages shift down) and deletes
    // records on pages the pass has fetched and on pages it has not (the pages shift up).
    void cutPassEndsWithExactlyTheServersRecords()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--demo"), QStringLiteral("150"),
                              QStringLiteral("--rate-limit"), rateLimit,
                              QStringLiteral("--rate-window"), rateWindow,
                              QStringLiteral("--api-key"), QString::fromLatin1(teammateKey)}));
        TestHttp teammate(server.baseUrl(), teammateKey);
        SyncFixture sync;
        QVERIFY(openCutting(sync, server));

        QStringList created;
        QSet<QString> deletedFetched;
        QSet<QString> deletedUnfetched;
        int cuts = 0;
        bool invariantsHeld = true;
        const int syncs = syncUntilPassEnds(sync, [&] {
            const QSet<QString> cached = cachedIds(sync.store);
            // Nothing is taken for deleted before the pass is complete.
            for (const QString &id : std::as_const(deletedFetched))
                invariantsHeld = invariantsHeld && cached.contains(id);
            if (++cuts > 2)
                return;
            // First two records created (the pages shift down by one, with the delete below),
            // then six deleted above the position (they shift up by more than any overlap).
            const ServerRecords before = serverRecords(teammate);
            for (int i = 0; cuts == 1 && i < 2; ++i) {
                const TestHttp::Reply reply = teammate.post(
                    QStringLiteral("/opportunities"),
                    {{QStringLiteral("name"), QStringLiteral("New meanwhile %1").arg(i)},
                     {QStringLiteral("value"), 100}});
                QCOMPARE(reply.status, 201);
                created.append(reply.json().value(QStringLiteral("id")).toString());
            }
            QStringList fetched;
            QString unfetched;
            const QList<CachedOpportunity> records = sync.store.opportunities().value();
            for (const CachedOpportunity &record : records) {
                if (!record.opportunity.isArchived && !created.contains(record.opportunity.id) &&
                    !deletedFetched.contains(record.opportunity.id) &&
                    fetched.size() < (cuts == 1 ? 1 : 6))
                    fetched.append(record.opportunity.id);
            }
            // An old record the pass has not reached: never one created above (newest, it may be
            // unfetched yet, and it must survive).
            for (const QString &id : std::as_const(before.ids)) {
                if (!cached.contains(id) && !created.contains(id) && unfetched.isEmpty())
                    unfetched = id;
            }
            QVERIFY(!unfetched.isEmpty());
            for (const QString &id : std::as_const(fetched)) {
                QCOMPARE(teammate.del(QStringLiteral("/opportunities/") + id).status, 204);
                deletedFetched.insert(id);
            }
            QCOMPARE(teammate.del(QStringLiteral("/opportunities/") + unfetched).status, 204);
            deletedUnfetched.insert(unfetched);
        });
        QVERIFY2(syncs > 0, "the pass never ended");
        QVERIFY2(cuts >= 2, qPrintable(QStringLiteral("cut %1 times").arg(cuts)));
        QVERIFY(invariantsHeld);

        // Wait for the teammate's budget, then compare. Records deleted on pages the pass had
        // fetched are still here: the pass saw them, and only the next one can tell they went.
        QTest::qWait(2100);
        const ServerRecords after = serverRecords(teammate);
        const QSet<QString> cached = cachedIds(sync.store);
        QCOMPARE(sync.store.opportunities()->size(), cached.size());
        const QSet<QString> expected = after.ids + deletedFetched;
        QVERIFY2((expected - cached).isEmpty(),
                 qPrintable(QStringLiteral("%1 records lost").arg((expected - cached).size())));
        QVERIFY2((cached - expected).isEmpty(),
                 qPrintable(QStringLiteral("%1 records too many").arg((cached - expected).size())));
        for (const QString &id : std::as_const(created))
            QVERIFY(cached.contains(id));
        for (const QString &id : std::as_const(deletedUnfetched))
            QVERIFY(!cached.contains(id));
    }

    // Without changes between the windows no page is fetched twice: each window resumes where
    // the last one stopped (one page to confirm the position per window at most, and one to
    // look for records created on top meanwhile).
    void unchangedServerIsNotFetchedTwice()
    {
        ServerProcess server;
        QVERIFY(server.start(
            {QStringLiteral("--demo"), QStringLiteral("150"), QStringLiteral("--rate-limit"),
             rateLimit, QStringLiteral("--rate-window"), rateWindow, QStringLiteral("--api-key"),
             QString::fromLatin1(teammateKey), QStringLiteral("--log-requests")}));
        TestHttp teammate(server.baseUrl(), teammateKey);
        const ServerRecords records = serverRecords(teammate);
        SyncFixture sync;
        QVERIFY(openCutting(sync, server));
        const int syncs = syncUntilPassEnds(sync, [] {});
        QVERIFY2(syncs > 2, qPrintable(QStringLiteral("%1 syncs").arg(syncs)));
        QCOMPARE(cachedIds(sync.store), records.ids);

        const QString log = server.requestLog();
        const int pages = count(log, QStringLiteral("GET /api/v1/opportunities -> 200")) - 2;
        const auto pagesOf = [](qint64 records) {
            return (records + pageSize - 1) / pageSize;
        };
        const qint64 fewest = pagesOf(records.live) + pagesOf(records.archived);
        QVERIFY2(pages >= fewest, qPrintable(QString::number(pages)));
        QVERIFY2(pages <= fewest + (syncs - 1) + 1,
                 qPrintable(QStringLiteral("%1 pages for %2 records in %3 syncs")
                                .arg(pages)
                                .arg(records.ids.size())
                                .arg(syncs)));
    }

    // A listed record's etag is stored with it: an edit goes out as one PUT, no GET before it.
    void editOfAPulledRecordIsOnePut()
    {
        ServerProcess server;
        QVERIFY(server.start(
            {QStringLiteral("--demo"), QStringLiteral("20"), QStringLiteral("--log-requests")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.syncOnce());
        const CachedOpportunity record = sync.store.opportunities()->first();
        const QString id = record.opportunity.id;
        QVERIFY(!sync.store.etagOf(id).isEmpty());
        Opportunity edited = record.opportunity;
        edited.name = QStringLiteral("Renamed here");
        QVERIFY(sync.store.editOpportunity(id, edited, OpportunityField::Name));
        QVERIFY(sync.syncOnce());
        const QString log = server.requestLog();
        const QString path =
            QRegularExpression::escape(QStringLiteral("/api/v1/opportunities/") + id);
        QCOMPARE(count(log, QStringLiteral("PUT ") + path + QStringLiteral(" -> 200")), 1);
        QCOMPARE(count(log, QStringLiteral("GET ") + path + QStringLiteral(" ")), 0);
        QCOMPARE(sync.store.opportunity(id)->opportunity.name, QStringLiteral("Renamed here"));
    }
};

QTEST_GUILESS_MAIN(TestResumedPull)
#include "tst_resumedpull.moc"
