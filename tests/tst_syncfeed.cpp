// The client on kashew-server's change feed (issue 18): it bootstraps once from GET /changes,
// then follows it from its cursor, so that a re-sync with nothing changed is one request and a
// teammate's changes arrive as a delta; deletions, 410s, a cut bootstrap and a server that no
// longer has the feed, against a real kashew-server (and a scripted one for the last).
#include "ChangeFeedSettings.h"
#include "ScriptedServer.h"
#include "ServerProcess.h"
#include "SyncFixture.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

namespace {

// Every id the server has, live and archived.
QSet<QString> serverIds(TestHttp &http)
{
    QSet<QString> ids;
    for (const char *archived : {"false", "true"}) {
        for (int page = 1;; ++page) {
            const QJsonArray items =
                http.get(QStringLiteral("/opportunities?pageSize=500&page=%1&isArchived=%2")
                             .arg(page)
                             .arg(QLatin1String(archived)))
                    .json()
                    .value(QStringLiteral("opportunities"))
                    .toArray();
            for (const QJsonValue &item : items)
                ids.insert(item.toObject().value(QStringLiteral("id")).toString());
            if (items.size() < 500)
                break;
        }
    }
    return ids;
}

QSet<QString> cachedIds(LocalStore &store)
{
    QSet<QString> ids;
    const QList<CachedOpportunity> records = store.opportunities().value();
    for (const CachedOpportunity &record : records)
        ids.insert(record.opportunity.id);
    return ids;
}

// How many lines of the server's request log (--log-requests) since `from` start with `request`,
// e.g. "GET /api/v1/changes -> 200".
qsizetype logged(ServerProcess &server, qsizetype from, const QString &request)
{
    return server.requestLog().mid(from).count(
        QRegularExpression(QStringLiteral("^") + QRegularExpression::escape(request),
                           QRegularExpression::MultilineOption));
}

// The cache knows the server at this address names the feed, as a profile that synced before.
bool knowsTheFeed(LocalStore &store, const QUrl &baseUrl)
{
    return ChangeFeedSettings(store)
        .setFeatures(baseUrl, ServerFeatures::fromHeader(QByteArrayLiteral("changes")))
        .ok();
}

// A new profile's first sync takes the listing (and learns the server's extensions); the second
// bootstraps from the feed. Returns whether both went through.
bool bootstrapped(SyncFixture &sync)
{
    return sync.syncOnce() && sync.syncOnce() && !sync.store.pullProgress();
}

} // namespace

class TestSyncFeed final : public QObject
{
    Q_OBJECT

private slots:
    void resyncWithNothingChangedIsOneRequest()
    {
        ServerProcess server;
        QVERIFY(server.start(
            {QStringLiteral("--demo"), QStringLiteral("300"), QStringLiteral("--log-requests")}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(bootstrapped(sync));
        QVERIFY(ChangeFeedSettings(sync.store).cursor());
        QCOMPARE(cachedIds(sync.store), serverIds(http));
        QCOMPARE(sync.store.accounts()->size(), 15);

        const int before = sync.client.requestCount();
        const qsizetype logFrom = server.requestLog().size();
        QSignalSpy changed(&sync.store, &LocalStore::opportunitiesChanged);
        QVERIFY(sync.syncOnce());
        QCOMPARE(sync.client.requestCount() - before, 1);
        QCOMPARE(logged(server, logFrom, QStringLiteral("GET /api/v1/changes -> 200")), 1);
        QCOMPARE(changed.size(), 0);

        // The next start knows the server's way from the cache: no listing, no probing.
        sync.engine.reset();
        ApiClient client;
        client.setSettings(sync.client.settings());
        SyncEngine engine(sync.store, client);
        QSignalSpy finished(&engine, &SyncEngine::finished);
        const qsizetype restartFrom = server.requestLog().size();
        engine.syncNow();
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(logged(server, restartFrom, QStringLiteral("GET /api/v1/changes -> 200")), 1);
        QCOMPARE(logged(server, restartFrom, QStringLiteral("GET /api/v1/opportunities")), 0);
        QCOMPARE(logged(server, restartFrom, QStringLiteral("GET /api/v1/accounts")), 0);
    }

    void aNewProfilesSecondSyncFollowsTheFeed()
    {
        // A new profile lists everything (it does not know the server yet). The listing's
        // Kashew-Cursor, read before its first page, lets the second sync follow the feed: one
        // request, not everything again, and it brings what a teammate changed mid-listing.
        ServerProcess server;
        QVERIFY(server.start(
            {QStringLiteral("--demo"), QStringLiteral("1200"), QStringLiteral("--log-requests")}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QString renamed;
        QString deleted;
        connect(sync.engine.get(), &SyncEngine::progressChanged, this,
                [&](const SyncEngine::Progress &progress) {
                    if (progress.pagesDone != 1 || !renamed.isEmpty())
                        return;
                    // Records the first page brought, changed before the listing ends.
                    const QList<CachedOpportunity> cached = sync.store.opportunities().value();
                    QVERIFY(cached.size() >= 2);
                    renamed = cached.at(0).opportunity.id;
                    deleted = cached.at(1).opportunity.id;
                    QCOMPARE(
                        http.put(QStringLiteral("/opportunities/") + renamed,
                                 {{QStringLiteral("name"), QStringLiteral("Renamed meanwhile")}})
                            .status,
                        200);
                    QCOMPARE(http.del(QStringLiteral("/opportunities/") + deleted).status, 204);
                });
        const qsizetype firstFrom = server.requestLog().size();
        QVERIFY(sync.syncOnce());
        disconnect(sync.engine.get(), &SyncEngine::progressChanged, this, nullptr);
        QVERIFY(!renamed.isEmpty());
        QVERIFY(logged(server, firstFrom, QStringLiteral("GET /api/v1/opportunities")) > 2);
        QCOMPARE(logged(server, firstFrom, QStringLiteral("GET /api/v1/changes")), 0);

        const int before = sync.client.requestCount();
        const qsizetype logFrom = server.requestLog().size();
        QVERIFY(sync.syncOnce());
        QCOMPARE(sync.client.requestCount() - before, 1);
        QCOMPARE(logged(server, logFrom, QStringLiteral("GET /api/v1/changes -> 200")), 1);
        QCOMPARE(sync.store.opportunity(renamed)->opportunity.name,
                 QStringLiteral("Renamed meanwhile"));
        QVERIFY(!sync.store.opportunity(deleted));
        QCOMPARE(cachedIds(sync.store), serverIds(http));
        QVERIFY(!sync.store.pullProgress());
    }

    void teammatesChangesArriveAsADelta()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString kept = TestData::createDeal(http, QStringLiteral("Kept"));
        const QString doomed = TestData::createDeal(http, QStringLiteral("Doomed"));
        const QString changing = TestData::createDeal(http, QStringLiteral("Changing"));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(bootstrapped(sync));
        QCOMPARE(cachedIds(sync.store), (QSet<QString>{kept, doomed, changing}));

        // A teammate (another client, plain HTTP) creates, changes and deletes.
        const QString accountId = TestData::createAccount(http, QStringLiteral("Teammate Ltd"));
        const QString created = TestData::createOpportunity(
                                    http, {{QStringLiteral("name"), QStringLiteral("New there")},
                                           {QStringLiteral("account_id"), accountId}})
                                    .value(QStringLiteral("id"))
                                    .toString();
        QCOMPARE(http.put(QStringLiteral("/opportunities/") + changing,
                          {{QStringLiteral("name"), QStringLiteral("Changed there")}})
                     .status,
                 200);
        QCOMPARE(http.del(QStringLiteral("/opportunities/") + doomed).status, 204);

        const int before = sync.client.requestCount();
        QVERIFY(sync.syncOnce());
        QCOMPARE(sync.client.requestCount() - before, 1); // a delta, not a bootstrap
        QCOMPARE(cachedIds(sync.store), (QSet<QString>{kept, changing, created}));
        QCOMPARE(sync.store.opportunity(changing)->opportunity.name,
                 QStringLiteral("Changed there"));
        QCOMPARE(sync.store.opportunity(created)->opportunity.accountName,
                 QStringLiteral("Teammate Ltd"));
        bool accountKnown = false;
        const QList<Account> accounts = sync.store.accounts().value();
        for (const Account &account : accounts)
            accountKnown = accountKnown || account.id == accountId;
        QVERIFY(accountKnown);
        QVERIFY(!sync.store.pullProgress());
    }

    void deletionOfARecordEditedHereIsAConflict()
    {
        // Edited here with a key that may not write: the edit waits for the user (Failed), so
        // the sync sends nothing and the teammate's deletion comes in the feed.
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString id = TestData::createDeal(http, QStringLiteral("Contested"));
        const QString other = TestData::createDeal(http, QStringLiteral("Untouched"));
        SyncFixture sync;
        QVERIFY(sync.open(server, ServerProcess::readKey));
        QVERIFY(bootstrapped(sync));
        Opportunity edited = sync.store.opportunity(id)->opportunity;
        edited.name = QStringLiteral("Renamed here");
        QVERIFY(sync.store.editOpportunity(id, edited, OpportunityField::Name));
        QVERIFY(sync.syncOnce());
        QCOMPARE(sync.store.opportunity(id)->state, SyncState::Failed);

        QCOMPARE(http.del(QStringLiteral("/opportunities/") + id).status, 204);
        QCOMPARE(http.del(QStringLiteral("/opportunities/") + other).status, 204);
        const int before = sync.client.requestCount();
        QVERIFY(sync.syncOnce());
        QCOMPARE(sync.client.requestCount() - before, 1);
        // The untouched record goes; the edited one stays, a conflict for the user, with the
        // edit.
        QVERIFY(!sync.store.opportunity(other));
        const auto conflict = sync.store.opportunity(id);
        QVERIFY(conflict);
        QCOMPARE(conflict->state, SyncState::Conflict);
        QVERIFY(conflict->serverDeleted);
        QCOMPARE(conflict->opportunity.name, QStringLiteral("Renamed here"));
    }

    void goneCursorBootstrapsAgain()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--keep-tombstones"), QStringLiteral("1s"),
                              QStringLiteral("--log-requests")}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString a = TestData::createDeal(http, QStringLiteral("A"));
        const QString b = TestData::createDeal(http, QStringLiteral("B"));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(bootstrapped(sync));
        QCOMPARE(http.del(QStringLiteral("/opportunities/") + a).status, 204);
        const QString c = TestData::createDeal(http, QStringLiteral("C"));
        // The deletion's tombstone is forgotten after a second: the cursor is too old then.
        QTest::qWait(2500);

        const qsizetype logFrom = server.requestLog().size();
        QVERIFY(sync.syncOnce());
        QCOMPARE(logged(server, logFrom, QStringLiteral("GET /api/v1/changes -> 410")), 1);
        QCOMPARE(cachedIds(sync.store), (QSet<QString>{b, c}));
        QCOMPARE(cachedIds(sync.store), serverIds(http));
        QVERIFY(!sync.store.pullProgress());
        QVERIFY(ChangeFeedSettings(sync.store).cursor());
        // Followed again from the new cursor.
        const int before = sync.client.requestCount();
        QVERIFY(sync.syncOnce());
        QCOMPARE(sync.client.requestCount() - before, 1);
    }

    void cutBootstrapResumesFromItsCursor()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--demo"), QStringLiteral("2500")}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(knowsTheFeed(sync.store, server.baseUrl()));
        // Killed after the first page of the bootstrap (1000 changes of about 2,600).
        QSignalSpy finished(sync.engine.get(), &SyncEngine::finished);
        connect(sync.engine.get(), &SyncEngine::progressChanged, this,
                [&](const SyncEngine::Progress &progress) {
                    if (progress.pagesDone == 1 && server.isRunning())
                        server.kill();
                });
        sync.engine->syncNow();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), false);
        disconnect(sync.engine.get(), &SyncEngine::progressChanged, this, nullptr);
        // The page fetched is kept; the bootstrap's position too.
        const std::optional<PullProgress> cut = sync.store.pullProgress();
        QVERIFY(cut);
        QCOMPARE(cut->source, PullProgress::Source::Feed);
        QVERIFY(cut->resumeAt.toLongLong() > 0);
        QVERIFY(cut->recordsSeen > 0);
        QCOMPARE(sync.store.opportunityCount(), cut->recordsSeen);
        QVERIFY(!ChangeFeedSettings(sync.store).cursor());

        // Meanwhile a teammate deletes a record already fetched and creates one.
        QVERIFY(server.start());
        const QString fetched = sync.store.opportunities()->first().opportunity.id;
        QCOMPARE(http.del(QStringLiteral("/opportunities/") + fetched).status, 204);
        const QString created = TestData::createDeal(http, QStringLiteral("Made meanwhile"));
        const int before = sync.client.requestCount();
        QVERIFY2(sync.syncOnce(), qPrintable(sync.engine->lastError().message));
        // Pages two and three only: the first is not fetched again.
        QCOMPARE(sync.client.requestCount() - before, 2);
        const QSet<QString> cached = cachedIds(sync.store);
        QCOMPARE(cached, serverIds(http));
        QVERIFY(!cached.contains(fetched));
        QVERIFY(cached.contains(created));
        QCOMPARE(cached.size(), 2500);
        QVERIFY(!sync.store.pullProgress());
    }

    void editAfterASyncCostsOneRequest()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--log-requests")}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString id = TestData::createDeal(http, QStringLiteral("To edit"));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(bootstrapped(sync));
        // A teammate's change arrives in the feed with the record's new version.
        QCOMPARE(http.put(QStringLiteral("/opportunities/") + id, {{QStringLiteral("value"), 250}})
                     .status,
                 200);
        QVERIFY(sync.syncOnce());
        QCOMPARE(sync.store.opportunity(id)->opportunity.value, 250.0);
        Opportunity edited = sync.store.opportunity(id)->opportunity;
        edited.name = QStringLiteral("Edited here");
        QVERIFY(sync.store.editOpportunity(id, edited, OpportunityField::Name));
        const qsizetype logFrom = server.requestLog().size();
        QVERIFY(sync.syncOnce());
        // The PUT went out with the version the feed gave: no GET before it.
        QCOMPARE(logged(server, logFrom, QStringLiteral("PUT /api/v1/opportunities/")), 1);
        QCOMPARE(logged(server, logFrom, QStringLiteral("GET /api/v1/opportunities/")), 0);
        QCOMPARE(TestData::serverRecord(http, id).value(QStringLiteral("name")).toString(),
                 QStringLiteral("Edited here"));
        // The next edit too, with the version the PUT answered or the feed gave back since.
        edited.name = QStringLiteral("Edited again");
        QVERIFY(sync.store.editOpportunity(id, edited, OpportunityField::Name));
        const qsizetype againFrom = server.requestLog().size();
        QVERIFY(sync.syncOnce());
        QCOMPARE(logged(server, againFrom, QStringLiteral("PUT /api/v1/opportunities/")), 1);
        QCOMPARE(logged(server, againFrom, QStringLiteral("GET /api/v1/opportunities/")), 0);
    }

    void unreadableRecordsInTheFeedStayAsTheyWere()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--demo"), QStringLiteral("40")}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(bootstrapped(sync));
        const QSet<QString> before = cachedIds(sync.store);
        const QString id = *before.cbegin();
        const QString name = sync.store.opportunity(id)->opportunity.name;
        QCOMPARE(http.put(QStringLiteral("/opportunities/") + id,
                          {{QStringLiteral("name"), QStringLiteral("Changed there")}})
                     .status,
                 200);
        // A server whose records cannot be read (a stage no client knows): the sync goes
        // through, names the record and the field, and keeps the cached copy as it was.
        QCOMPARE(server.stop(), 0);
        QVERIFY(server.start({QStringLiteral("--fault-malformed"), QStringLiteral("1")}));
        QVERIFY2(sync.syncOnce(), qPrintable(sync.engine->lastError().message));
        QCOMPARE(sync.engine->unreadableError().kind, ApiError::Kind::BadResponse);
        QVERIFY2(sync.engine->unreadableError().message.contains(id),
                 qPrintable(sync.engine->unreadableError().message));
        QCOMPARE(sync.store.opportunity(id)->opportunity.name, name);
        QCOMPARE(cachedIds(sync.store), before);

        // So does a bootstrap (the cursor forgotten): nothing it could not read is taken for
        // deleted.
        QVERIFY(ChangeFeedSettings(sync.store).setCursor(std::nullopt));
        QVERIFY2(sync.syncOnce(), qPrintable(sync.engine->lastError().message));
        QCOMPARE(sync.engine->unreadableError().kind, ApiError::Kind::BadResponse);
        QCOMPARE(cachedIds(sync.store), before);
        QVERIFY(!sync.store.pullProgress());
    }

    void aServerWithoutTheFeedGetsTheListing()
    {
        // Another server at the address where the cache knew a feed: GET /changes is not there.
        const QJsonObject record{{QStringLiteral("id"), QStringLiteral("opp_1")},
                                 {QStringLiteral("name"), QStringLiteral("Listed")},
                                 {QStringLiteral("value"), 10},
                                 {QStringLiteral("currency"), QStringLiteral("EUR")},
                                 {QStringLiteral("stage"), QStringLiteral("proposal")}};
        ScriptedServer server([&](const ScriptedServer::Request &request) {
            // One live record on the first page, nothing after it.
            const bool first =
                request.query.queryItemValue(QStringLiteral("page")) == QLatin1String("1") &&
                request.query.queryItemValue(QStringLiteral("isArchived")) != QLatin1String("true");
            if (request.path == QLatin1String("/api/v1/opportunities"))
                return ScriptedServer::json(
                    200, QJsonDocument(QJsonObject{
                             {QStringLiteral("data"), first ? QJsonArray{record} : QJsonArray{}}}));
            if (request.path == QLatin1String("/api/v1/accounts"))
                return ScriptedServer::json(
                    200, QJsonDocument(QJsonObject{{QStringLiteral("data"), QJsonArray{}}}));
            return ScriptedServer::notFound();
        });
        QVERIFY(server.isListening());
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok);
        QVERIFY(knowsTheFeed(store, server.baseUrl()));
        QVERIFY(ChangeFeedSettings(store).setCursor(42));
        ApiClient client;
        ApiClient::Settings settings;
        settings.baseUrl = server.baseUrl();
        settings.apiKey = QStringLiteral("kshw_scripted_key");
        settings.maxRetries = 0;
        client.setSettings(settings);
        SyncEngine engine(store, client);
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.syncNow();
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(engine.lastError().message));
        QVERIFY(store.opportunity(QStringLiteral("opp_1")));
        QVERIFY(!ChangeFeedSettings(store).cursor());
        QVERIFY(
            !ChangeFeedSettings(store).features(server.baseUrl()).has(ServerFeatures::changes()));
        // The next sync asks the listing only.
        const qsizetype asked = server.requests().size();
        QVERIFY(engine.state() == SyncEngine::State::UpToDate);
        finished.clear();
        engine.syncNow();
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().first().toBool());
        for (qsizetype i = asked; i < server.requests().size(); ++i)
            QVERIFY(server.requests().at(i).path != QLatin1String("/api/v1/changes"));
    }
};

QTEST_GUILESS_MAIN(TestSyncFeed)
#include "tst_syncfeed.moc"
