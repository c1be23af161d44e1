// Each sync task on its own against a real kashew-server: finished() says once how it ended, Done
// for a good run, the right error for a fault, and for a pushed entry whether the sync may go on.
#include "FetchDetailTask.h"
#include "OpportunityField.h"
#include "PullAccountsTask.h"
#include "PullListingTask.h"
#include "PushEntryTask.h"
#include "ServerProcess.h"
#include "SyncFixture.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <optional>

namespace {

using Kind = SyncTaskOutcome::Kind;

// Starts `task` and waits for its end: the outcome, or none when it did not finish.
std::optional<SyncTaskOutcome> runTask(SyncTask &task)
{
    std::optional<SyncTaskOutcome> outcome;
    int finishes = 0;
    QObject::connect(&task, &SyncTask::finished, [&](const SyncTaskOutcome &ended) {
        outcome = ended;
        ++finishes;
    });
    task.start();
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 60000))
        return std::nullopt;
    // Once only: a second finished() would sequence the sync's next step twice.
    QTest::qWait(0);
    QObject::disconnect(&task, &SyncTask::finished, nullptr, nullptr);
    return finishes == 1 ? outcome : std::nullopt;
}

Opportunity named(const QString &name)
{
    Opportunity o;
    o.name = name;
    o.value = 100;
    return o;
}

int serverCount(TestHttp &http, const QString &query = {})
{
    const TestHttp::Reply reply = http.get(QStringLiteral("/opportunities?pageSize=1") + query);
    return reply.status == 200 ? reply.json().value(QStringLiteral("totalCount")).toInt() : -1;
}

} // namespace

class TestSyncTasks final : public QObject
{
    Q_OBJECT

private slots:
    void pushedEntryIsDone()
    {
        ServerProcess server;
        QVERIFY(server.start());
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.store.createOpportunity(named(QStringLiteral("Pushed alone"))));
        PushEntryTask task(sync.store, sync.client, sync.store.outbox()->first());
        const auto outcome = runTask(task);
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, Kind::Done);
        QVERIFY(outcome->error.ok());
        QCOMPARE(sync.store.pendingCount(), 0);
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        QCOMPARE(serverCount(http, QStringLiteral("&search=pushed%20alone")), 1);
    }

    // Refusals of this one entry let the sync go on (the entry waits for the user); a fault of
    // the key, the server or the network stops it, and the entry stays pending as it was.
    void pushOutcomeSaysWhetherTheSyncMayGoOn_data()
    {
        QTest::addColumn<QStringList>("serverOptions");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<bool>("serverDown");
        QTest::addColumn<QString>("accountId");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<ApiError::Kind>("error");
        QTest::addColumn<SyncState>("state");

        const QByteArray writeKey = ServerProcess::writeKey;
        const QString unknownAccount = QStringLiteral("00000000-0000-4000-8000-000000000000");
        QTest::newRow("422 refused: entry failed, go on")
            << QStringList() << writeKey << false << unknownAccount << Kind::Refused
            << ApiError::Kind::Validation << SyncState::Failed;
        QTest::newRow("403 read-only key: entry failed, go on")
            << QStringList() << QByteArray(ServerProcess::readKey) << false << QString()
            << Kind::Refused << ApiError::Kind::Forbidden << SyncState::Failed;
        QTest::newRow("401 wrong key: stop")
            << QStringList() << QByteArray("kshw_revoked_key_0000000") << false << QString()
            << Kind::Failed << ApiError::Kind::Unauthorized << SyncState::Pending;
        QTest::newRow("500 server error: stop")
            << QStringList{QStringLiteral("--fault-error"), QStringLiteral("1")} << writeKey
            << false << QString() << Kind::Failed << ApiError::Kind::Server << SyncState::Pending;
        QTest::newRow("server down: stop")
            << QStringList() << writeKey << true << QString() << Kind::Failed
            << ApiError::Kind::Network << SyncState::Pending;
    }

    void pushOutcomeSaysWhetherTheSyncMayGoOn()
    {
        QFETCH(QStringList, serverOptions);
        QFETCH(QByteArray, key);
        QFETCH(bool, serverDown);
        QFETCH(QString, accountId);
        QFETCH(Kind, kind);
        QFETCH(ApiError::Kind, error);
        QFETCH(SyncState, state);

        ServerProcess server;
        QVERIFY(server.start(serverOptions));
        SyncFixture sync;
        QVERIFY(sync.open(server, key));
        Opportunity deal = named(QStringLiteral("Refused or not"));
        deal.accountId = accountId;
        const auto id = sync.store.createOpportunity(deal);
        QVERIFY(id);
        if (serverDown)
            QCOMPARE(server.stop(), 0);
        PushEntryTask task(sync.store, sync.client, *sync.store.entryFor(*id));
        QSignalSpy readOnly(&task, &PushEntryTask::readOnlyDetected);
        const auto outcome = runTask(task);
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, kind);
        QCOMPARE(outcome->error.kind, error);
        QCOMPARE(outcome->mayGoOn(), kind == Kind::Refused);
        QCOMPARE(readOnly.size(), error == ApiError::Kind::Forbidden ? 1 : 0);
        // Never lost: a refused entry waits for the user, a stopped one for the next sync.
        QCOMPARE(sync.store.pendingCount(), 1);
        QCOMPARE(sync.store.opportunity(*id)->state, state);
        if (error == ApiError::Kind::Validation) {
            const CachedOpportunity refused = *sync.store.opportunity(*id);
            QVERIFY2(refused.syncError.contains(QStringLiteral("accountId")),
                     qPrintable(refused.syncError));
            // The fields at fault are kept as values, for the edit dialog to show on each field.
            QCOMPARE(refused.syncFieldErrors.size(), 1);
            QCOMPARE(OpportunityFieldNames::fromName(refused.syncFieldErrors.constFirst().field),
                     std::optional<OpportunityField>(OpportunityField::AccountId));
            QVERIFY(!refused.syncFieldErrors.constFirst().message.isEmpty());
        }
    }

    // A 412: the server changed the record since the cache's version. The task merges the
    // server's change and sends again; both changes end up on the server.
    void changedOnServerIsMergedAndSentAgain()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--log-requests")}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString id = TestData::createDeal(http, QStringLiteral("Both change it"));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.syncOnce());
        // A first push gives the cache the record's version (its ETag) to send with the next.
        Opportunity edited = sync.store.opportunity(id)->opportunity;
        edited.value = 1234;
        QVERIFY(sync.store.editOpportunity(id, edited, OpportunityField::Value));
        PushEntryTask first(sync.store, sync.client, *sync.store.entryFor(id));
        QCOMPARE(runTask(first).value_or(SyncTaskOutcome::settled()).kind, Kind::Done);

        QCOMPARE(http.put(QStringLiteral("/opportunities/") + id,
                          {{QStringLiteral("stage"), QStringLiteral("proposal")}})
                     .status,
                 200);
        edited.value = 4321;
        QVERIFY(sync.store.editOpportunity(id, edited, OpportunityField::Value));
        PushEntryTask task(sync.store, sync.client, *sync.store.entryFor(id));
        const auto outcome = runTask(task);
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, Kind::Done);
        const QRegularExpression refused(QStringLiteral("^PUT \\S+ -> 412 "),
                                         QRegularExpression::MultilineOption);
        QVERIFY2(server.requestLog().contains(refused), qPrintable(server.requestLog()));
        QCOMPARE(sync.store.pendingCount(), 0);
        const QJsonObject onServer = TestData::serverRecord(http, id);
        QCOMPARE(onServer.value(QStringLiteral("stage")).toString(), QStringLiteral("proposal"));
        QCOMPARE(onServer.value(QStringLiteral("value")).toDouble(), 4321.0);
        QCOMPARE(sync.store.opportunity(id)->opportunity.stage, Stage::Proposal);
    }

    // A create whose answer was lost is looked for before it is posted again (the server ignores
    // Idempotency-Key): one record on the server.
    void createInDoubtIsLookedForNotPostedAgain()
    {
        ServerProcess server;
        const QStringList ignoring{QStringLiteral("--ignore-idempotency-key")};
        QVERIFY(server.start(ignoring +
                             QStringList{QStringLiteral("--fault-cut"), QStringLiteral("1")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        const auto id = sync.store.createOpportunity(named(QStringLiteral("Lost answer")));
        QVERIFY(id);
        PushEntryTask cut(sync.store, sync.client, *sync.store.entryFor(*id));
        const auto first = runTask(cut);
        QVERIFY(first);
        QCOMPARE(first->kind, Kind::Failed);
        QVERIFY(sync.store.entryFor(*id)->inDoubt);
        QCOMPARE(server.stop(), 0);
        QVERIFY(server.start(ignoring));
        PushEntryTask again(sync.store, sync.client, *sync.store.entryFor(*id));
        const auto second = runTask(again);
        QVERIFY(second);
        QCOMPARE(second->kind, Kind::Done);
        QCOMPARE(sync.store.pendingCount(), 0);
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        QCOMPARE(serverCount(http), 1);
    }

    void pullTakesEveryPageLiveAndArchived()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--demo"), QStringLiteral("1200")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        PullListingTask task(sync.store, sync.client);
        QSignalSpy pages(&task, &PullListingTask::pageStored);
        const auto outcome = runTask(task);
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, Kind::Done);
        QVERIFY(task.unreadableError().ok());
        QCOMPARE(sync.store.opportunities()->size(), 1200);
        int records = 0;
        qint64 listed = 0;
        for (const QList<QVariant> &page : std::as_const(pages)) {
            records += page.at(0).toInt();
            listed += std::max<qint64>(0, page.at(1).toLongLong());
        }
        QCOMPARE(records, 1200);
        QCOMPARE(listed, 1200);
        QVERIFY(pages.size() >= 4); // three live pages of 500 at most, then the archived ones

        // A record deleted on the server goes at the next pull: the listing was complete.
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString gone = sync.store.opportunities()->first().opportunity.id;
        QCOMPARE(http.del(QStringLiteral("/opportunities/") + gone).status, 204);
        PullListingTask again(sync.store, sync.client);
        const auto second = runTask(again);
        QVERIFY(second);
        QCOMPARE(second->kind, Kind::Done);
        QCOMPARE(sync.store.opportunities()->size(), 1199);
        QVERIFY(!sync.store.opportunity(gone));
    }

    // A page that fails ends the pull Failed with the page's error; the pages before it are kept
    // (the next pull goes on from there), and nothing is taken for deleted.
    void failedPageKeepsThePagesBefore()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--demo"), QStringLiteral("1200")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        PullListingTask task(sync.store, sync.client);
        connect(&task, &PullListingTask::pageStored, this, [&] {
            if (server.isRunning())
                server.kill();
        });
        const auto outcome = runTask(task);
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, Kind::Failed);
        QCOMPARE(outcome->error.kind, ApiError::Kind::Network);
        QCOMPARE(sync.store.opportunities()->size(), 500);
        QVERIFY(sync.store.pullProgress());

        QVERIFY(server.start({QStringLiteral("--fault-error"), QStringLiteral("1")}));
        PullListingTask failing(sync.store, sync.client);
        const auto second = runTask(failing);
        QVERIFY(second);
        QCOMPARE(second->kind, Kind::Failed);
        QCOMPARE(second->error.kind, ApiError::Kind::Server);
        QCOMPARE(sync.store.opportunities()->size(), 500);
    }

    // Records kashew cannot read are named; the pull is Done with the rest.
    void unreadableRecordsAreNamed()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--demo"), QStringLiteral("20"),
                              QStringLiteral("--fault-malformed"), QStringLiteral("1")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        PullListingTask task(sync.store, sync.client);
        const auto outcome = runTask(task);
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, Kind::Done);
        QCOMPARE(task.unreadableError().kind, ApiError::Kind::BadResponse);
        QVERIFY2(task.unreadableError().message.contains(QStringLiteral("stage")),
                 qPrintable(task.unreadableError().message));
    }

    // Account names are a convenience: a server that does not give them refuses this part and
    // the sync may go on, with the names it had.
    void accountsArriveOrAreRefused()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--demo"), QStringLiteral("100")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        PullAccountsTask task(sync.store, sync.client);
        const auto outcome = runTask(task);
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, Kind::Done);
        const qsizetype accounts = sync.store.accounts()->size();
        QVERIFY(accounts > 0);
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        QCOMPARE(qint64(accounts), http.get(QStringLiteral("/accounts?pageSize=1"))
                                       .json()
                                       .value(QStringLiteral("totalCount"))
                                       .toInteger());

        QCOMPARE(server.stop(), 0);
        QVERIFY(server.start({QStringLiteral("--fault-error"), QStringLiteral("1")}));
        PullAccountsTask refused(sync.store, sync.client);
        const auto second = runTask(refused);
        QVERIFY(second);
        QCOMPARE(second->kind, Kind::Refused);
        QCOMPARE(second->error.kind, ApiError::Kind::Server);
        QVERIFY(second->mayGoOn());
        QCOMPARE(sync.store.accounts()->size(), accounts);
    }

    void detailBringsTheHistoryOrSaysWhyNot()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString id = TestData::createDeal(http, QStringLiteral("With history"));
        QCOMPARE(http.put(QStringLiteral("/opportunities/") + id,
                          {{QStringLiteral("stage"), QStringLiteral("proposal")}})
                     .status,
                 200);
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.syncOnce());
        QVERIFY(!sync.store.updates(id)); // not fetched yet
        FetchDetailTask task(sync.store, sync.client, id);
        const auto outcome = runTask(task);
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, Kind::Done);
        QCOMPARE(sync.store.opportunity(id)->opportunity.stage, Stage::Proposal);
        const auto history = sync.store.updates(id);
        QVERIFY(history);
        QCOMPARE(history->size(), 2);

        FetchDetailTask missing(sync.store, sync.client,
                                QStringLiteral("00000000-0000-4000-8000-000000000000"));
        const auto notFound = runTask(missing);
        QVERIFY(notFound);
        QCOMPARE(notFound->kind, Kind::Failed);
        QCOMPARE(notFound->error.kind, ApiError::Kind::NotFound);

        QCOMPARE(server.stop(), 0);
        FetchDetailTask offline(sync.store, sync.client, id);
        const auto down = runTask(offline);
        QVERIFY(down);
        QCOMPARE(down->kind, Kind::Failed);
        QCOMPARE(down->error.kind, ApiError::Kind::Network);
        QCOMPARE(sync.store.updates(id)->size(), 2); // kept for offline reading
    }

    // An aborted task never finishes and acts on no answer; a destroyed one may be outlived by
    // its request.
    void abortedOrDestroyedTasksSayNothing()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--demo"), QStringLiteral("1200")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        PullListingTask aborted(sync.store, sync.client);
        QSignalSpy abortedFinished(&aborted, &SyncTask::finished);
        QSignalSpy abortedPages(&aborted, &PullListingTask::pageStored);
        aborted.start();
        aborted.abort();
        auto destroyed = std::make_unique<PullAccountsTask>(sync.store, sync.client);
        destroyed->start();
        destroyed.reset();
        // Started after both, and one page after another: their answers come while it runs.
        PullListingTask later(sync.store, sync.client);
        const auto outcome = runTask(later);
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, Kind::Done);
        QCOMPARE(abortedPages.size(), 0);
        QCOMPARE(abortedFinished.size(), 0);
        QCOMPARE(sync.store.opportunities()->size(), 1200);
        QCOMPARE(sync.store.accounts()->size(), 0);
    }

    // The engine's tasks go with it: a sync's answers that come after the engine was destroyed
    // (the ApiClient lives on) are dropped, and the client serves others.
    void engineDestroyedMidSyncDropsItsAnswers()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--demo"), QStringLiteral("1200"),
                              QStringLiteral("--fault-delay"), QStringLiteral("1,200")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QSignalSpy progress(sync.engine.get(), &SyncEngine::progressChanged);
        sync.engine->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(
            !progress.isEmpty() &&
                progress.last().first().value<SyncEngine::Progress>().pagesDone == 1,
            60000);
        sync.engine.reset(); // the second page is on its way
        PullAccountsTask later(sync.store, sync.client);
        const auto outcome = runTask(later);
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, Kind::Done);
        QCOMPARE(sync.store.opportunities()->size(), 500); // only the first page was kept
        QVERIFY(!sync.store.accounts()->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSyncTasks)
#include "tst_synctasks.moc"
