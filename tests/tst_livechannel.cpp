// The live channel (kashew-server's WebSocket /api/v1/events, heartbeat 1 s): a teammate's change
// reaches this client's cache (and the open detail panel) with no timer-driven sync and no full
// pull, one request; a burst of changes is at most one follow-up sync; the channel comes back by
// itself after the server is killed and restarted, and after it went silent (stopped with
// SIGSTOP: detected after about 2.5 heartbeats), catching up what it missed; a refused key is
// not retried; the key never goes over plain ws:// beyond this computer; a stopped engine or
// one without a key holds no connection.
#include "ConnectedWindow.h"
#include "DetailPanel.h"
#include "LiveChannel.h"
#include "OpportunityFilterProxy.h"
#include "RequestGate.h"
#include "ServerProcess.h"
#include "SyncFixture.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <signal.h>

namespace {

const QStringList liveArguments{QStringLiteral("--heartbeat"), QStringLiteral("1"),
                                QStringLiteral("--log-requests")};

// Lines of a request log for this method and path prefix, e.g. "GET", "/api/v1/opportunities".
int logged(const QString &log, const QString &method, const QString &path)
{
    const QRegularExpression line(
        QStringLiteral("^%1 %2\\S* -> ").arg(method, QRegularExpression::escape(path)),
        QRegularExpression::MultilineOption);
    int count = 0;
    for (auto it = line.globalMatch(log); it.hasNext(); it.next())
        ++count;
    return count;
}

QString cachedName(LocalStore &store, const QString &id)
{
    const auto record = store.opportunity(id);
    return record ? record->opportunity.name : QString();
}

// The engine started with no timer (interval 0): only the live channel can bring changes. Waits
// for its first sync and for the channel's hello, then until it is idle.
void startLive(SyncEngine &engine)
{
    QSignalSpy finished(&engine, &SyncEngine::finished);
    engine.start(std::chrono::milliseconds(0));
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.first().first().toBool());
    QTRY_COMPARE_WITH_TIMEOUT(engine.liveState(), LiveChannel::State::Connected, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(engine.state() != SyncEngine::State::Syncing, 10000);
}

// Continues a stopped process however the test ends.
struct ContinueOnExit
{
    qint64 pid;
    ~ContinueOnExit() { ::kill(static_cast<pid_t>(pid), SIGCONT); }
};

} // namespace

class TestLiveChannel final : public QObject
{
    Q_OBJECT

private slots:
    void eventsUrlFollowsTheApiAddress()
    {
        QCOMPARE(LiveChannel::eventsUrl(QUrl(QStringLiteral("https://a.example/api/v1/"))),
                 QUrl(QStringLiteral("wss://a.example/api/v1/events")));
        QCOMPARE(LiveChannel::eventsUrl(QUrl(QStringLiteral("http://127.0.0.1:8080/api/v1"))),
                 QUrl(QStringLiteral("ws://127.0.0.1:8080/api/v1/events")));
        QVERIFY(!LiveChannel::eventsUrl(QUrl(QStringLiteral("ftp://a.example/api/v1"))).isValid());
    }

    void keyNeverGoesOverPlainWebSocketBeyondThisComputer()
    {
        LiveChannel channel;
        QSignalSpy states(&channel, &LiveChannel::stateChanged);
        // ws:// to another machine (a documentation address): the channel does not even try.
        channel.open(QUrl(QStringLiteral("http://192.0.2.1:8080/api/v1")),
                     QStringLiteral("kshw_secret"));
        QCOMPARE(channel.state(), LiveChannel::State::Off);
        QTest::qWait(200);
        QVERIFY(states.isEmpty());
    }

    void teammateChangeArrivesLiveWithOneRequest()
    {
        ServerProcess server;
        QVERIFY(server.start(liveArguments));
        TestHttp teammate(server.baseUrl(), ServerProcess::writeKey);
        const QString id = TestData::createDeal(teammate, QStringLiteral("Before"));
        SyncFixture me;
        QVERIFY(me.open(server));
        startLive(*me.engine);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(cachedName(me.store, id), QStringLiteral("Before"));

        const int mark = server.requestLog().size();
        const int requests = me.client.requestCount();
        QSignalSpy syncs(me.engine.get(), &SyncEngine::finished);
        QCOMPARE(teammate
                     .put(QStringLiteral("/opportunities/") + id,
                          {{QStringLiteral("name"), QStringLiteral("After")}})
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(cachedName(me.store, id), QStringLiteral("After"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(me.engine->state() != SyncEngine::State::Syncing, 5000);
        // Heartbeats that follow ask for nothing more.
        QTest::qWait(1500);
        QCOMPARE(syncs.size(), 1);
        QVERIFY(syncs.first().first().toBool());
        // One request: the change feed since the cursor, no listing.
        QCOMPARE(me.client.requestCount() - requests, 1);
        const QString log = server.requestLog().mid(mark);
        QCOMPARE(logged(log, QStringLiteral("GET"), QStringLiteral("/api/v1/opportunities")), 0);
        QCOMPARE(logged(log, QStringLiteral("GET"), QStringLiteral("/api/v1/changes")), 1);
    }

    void burstOfChangesIsAtMostOneFollowUp()
    {
        ServerProcess server;
        QVERIFY(server.start(liveArguments));
        TestHttp teammate(server.baseUrl(), ServerProcess::writeKey);
        QStringList ids;
        for (int i = 0; i < 5; ++i)
            ids << TestData::createDeal(teammate, QStringLiteral("Deal %1").arg(i));
        SyncFixture me;
        QVERIFY(me.open(server));
        startLive(*me.engine);
        if (QTest::currentTestFailed())
            return;

        QSignalSpy syncs(me.engine.get(), &SyncEngine::finished);
        // Five edits at once, from another program: several announcements in a burst.
        QNetworkAccessManager network;
        QList<QNetworkReply *> replies;
        for (const QString &id : ids) {
            QNetworkRequest request(
                QUrl(server.baseUrl().toString() + QStringLiteral("/opportunities/") + id));
            request.setRawHeader("Authorization", QByteArray("Bearer ") + ServerProcess::writeKey);
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
            replies << network.put(request, QByteArrayLiteral("{\"name\":\"Burst\"}"));
        }
        for (QNetworkReply *reply : replies) {
            if (!reply->isFinished())
                QVERIFY(QSignalSpy(reply, &QNetworkReply::finished).wait(10000));
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
        }
        for (const QString &id : ids)
            QTRY_COMPARE_WITH_TIMEOUT(cachedName(me.store, id), QStringLiteral("Burst"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(me.engine->state() != SyncEngine::State::Syncing, 5000);
        QTest::qWait(2500); // two heartbeats: they ask for nothing more
        QVERIFY2(syncs.size() >= 1 && syncs.size() <= 2, qPrintable(QString::number(syncs.size())));
    }

    void reconnectsAfterRestartAndCatchesUp()
    {
        ServerProcess server;
        QVERIFY(server.start(liveArguments));
        TestHttp teammate(server.baseUrl(), ServerProcess::writeKey);
        const QString id = TestData::createDeal(teammate, QStringLiteral("Before"));
        SyncFixture me;
        QVERIFY(me.open(server));
        startLive(*me.engine);
        if (QTest::currentTestFailed())
            return;

        server.kill();
        QTRY_COMPARE_WITH_TIMEOUT(me.engine->liveState(), LiveChannel::State::Connecting, 5000);
        QVERIFY(server.start(liveArguments)); // same port, same database
        // Right after the restart, before the client is back: only the hello can tell it.
        QCOMPARE(teammate
                     .put(QStringLiteral("/opportunities/") + id,
                          {{QStringLiteral("name"), QStringLiteral("Changed meanwhile")}})
                     .status,
                 200);
        QSignalSpy syncs(me.engine.get(), &SyncEngine::finished);
        QTRY_COMPARE_WITH_TIMEOUT(me.engine->liveState(), LiveChannel::State::Connected, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(cachedName(me.store, id), QStringLiteral("Changed meanwhile"),
                                  5000);
        QTRY_VERIFY_WITH_TIMEOUT(me.engine->state() != SyncEngine::State::Syncing, 5000);
        QTest::qWait(1500);
        QCOMPARE(syncs.size(), 1);
    }

    void silentServerIsDetectedAndReconnected()
    {
        ServerProcess server;
        QVERIFY(server.start(liveArguments));
        TestHttp teammate(server.baseUrl(), ServerProcess::writeKey);
        const QString id = TestData::createDeal(teammate, QStringLiteral("Before"));
        SyncFixture me;
        QVERIFY(me.open(server));
        startLive(*me.engine);
        if (QTest::currentTestFailed())
            return;

        // Heartbeats keep a live connection: several of them go by without a drop.
        QSignalSpy states(me.engine.get(), &SyncEngine::liveStateChanged);
        QTest::qWait(4000);
        QVERIFY2(states.isEmpty(), "a connection with heartbeats was dropped");

        // Stopped, the server keeps the connection open and says nothing.
        const ContinueOnExit resume{server.processId()};
        QCOMPARE(::kill(static_cast<pid_t>(server.processId()), SIGSTOP), 0);
        QTRY_COMPARE_WITH_TIMEOUT(me.engine->liveState(), LiveChannel::State::Connecting, 10000);
        QCOMPARE(::kill(static_cast<pid_t>(server.processId()), SIGCONT), 0);
        QTRY_COMPARE_WITH_TIMEOUT(me.engine->liveState(), LiveChannel::State::Connected, 20000);

        QCOMPARE(teammate
                     .put(QStringLiteral("/opportunities/") + id,
                          {{QStringLiteral("name"), QStringLiteral("After the pause")}})
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(cachedName(me.store, id), QStringLiteral("After the pause"),
                                  5000);
    }

    // Each connect is a request of the key's budget; with none left, the channel waits.
    void connectsCountAgainstTheBudget()
    {
        ServerProcess server;
        QVERIFY(server.start(liveArguments));
        SyncFixture me;
        QVERIFY(me.open(server));
        int hourly = 1000;
        RequestGate gate(me.store, [&hourly] {
            RequestBudget budget = RequestBudget::forPlan(RequestBudget::Plan::Custom);
            budget.requestsPerHour = hourly;
            budget.writesPerDay = 0;
            return budget;
        });
        QVERIFY(gate.open());
        me.client.setRequestGate(&gate);
        startLive(*me.engine);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(gate.usage()->requestsThisHour, me.client.requestCount() + 1);

        // The hour is spent: dropped, the channel does not connect again.
        hourly = gate.usage()->requestsThisHour;
        server.kill();
        QVERIFY(server.start(liveArguments));
        QTest::qWait(4000);
        QCOMPARE(me.engine->liveState(), LiveChannel::State::Connecting);
        QCOMPARE(gate.usage()->requestsThisHour, hourly);
        me.engine->stop();
    }

    void refusedKeyIsNotRetried()
    {
        ServerProcess server;
        QVERIFY(server.start(liveArguments));
        LiveChannel channel;
        channel.setBackoff(100, 200);
        const int mark = server.requestLog().size();
        channel.open(server.baseUrl(), QStringLiteral("kshw_not_a_key_0123456789"));
        QTRY_VERIFY_WITH_TIMEOUT(channel.isRefused(), 10000);
        QCOMPARE(channel.state(), LiveChannel::State::Off);
        // Many backoffs' worth of time: no second attempt.
        QTest::qWait(1500);
        QCOMPARE(logged(server.requestLog().mid(mark), QStringLiteral("GET"),
                        QStringLiteral("/api/v1/events")),
                 1);
        // The same settings again change nothing; a good key connects.
        channel.open(server.baseUrl(), QStringLiteral("kshw_not_a_key_0123456789"));
        QCOMPARE(channel.state(), LiveChannel::State::Off);
        channel.open(server.baseUrl(), QString::fromLatin1(ServerProcess::writeKey));
        QTRY_COMPARE_WITH_TIMEOUT(channel.state(), LiveChannel::State::Connected, 10000);
    }

    void noConnectionWhenStoppedOrWithoutKey()
    {
        ServerProcess server;
        QVERIFY(server.start(liveArguments));
        SyncFixture me;
        QVERIFY(me.open(server));
        startLive(*me.engine);
        if (QTest::currentTestFailed())
            return;
        me.engine->stop();
        QCOMPARE(me.engine->liveState(), LiveChannel::State::Off);

        SyncFixture keyless;
        QVERIFY(keyless.open(server, QByteArray()));
        keyless.engine->start(std::chrono::milliseconds(0));
        QTest::qWait(1500);
        QCOMPARE(keyless.engine->liveState(), LiveChannel::State::Off);
        keyless.engine->stop();
    }

    void openDetailPanelRefreshes()
    {
        ServerProcess server;
        QVERIFY(server.start(liveArguments));
        TestHttp teammate(server.baseUrl(), ServerProcess::writeKey);
        const QString id = TestData::createDeal(teammate, QStringLiteral("Shown before"));
        ConnectedWindow app(server);
        QVERIFY(app.ok);
        QAbstractItemModelTester modelTester(
            &app.model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            app.window->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        app.window->show();
        startLive(*app.engine);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(app.select(id));
        auto *panel = app.window->findChild<DetailPanel *>();
        QVERIFY(panel);
        QTRY_VERIFY(panel->shownTexts().contains(QStringLiteral("Shown before")));

        QCOMPARE(teammate
                     .put(QStringLiteral("/opportunities/") + id,
                          {{QStringLiteral("name"), QStringLiteral("Shown after")}})
                     .status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(panel->shownTexts().contains(QStringLiteral("Shown after")), 5000);
        QVERIFY(!panel->shownTexts().contains(QStringLiteral("Shown before")));
        app.engine->stop();
    }
};

QTEST_MAIN(TestLiveChannel)
#include "tst_livechannel.moc"
