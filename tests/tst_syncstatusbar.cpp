// What the status bar and banner say about the sync, in the main window over a real kashew-server
// (and, for a server without /accounts, a scripted one of that dialect): never "up to date" next
// to edits waiting or once the server stopped answering; a rate limit said at once with the time;
// a server without account names says so. Edits, moves and undo reach the server without anyone
// asking for a sync.
#include "ConnectedWindow.h"
#include "ScriptedServer.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QAction>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

namespace {

const QString upToDate = QStringLiteral("Online · up to date");

using TestData::serverRecord;

QString pendingLabel(const ConnectedWindow &app)
{
    const auto *label = app.window->findChild<QLabel *>(QStringLiteral("syncPending"));
    return label ? label->text() : QStringLiteral("(no pending label)");
}

QJsonObject scriptedRecord(const QString &id, const QString &name)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("account_id"), QStringLiteral("acct-1")},
            {QStringLiteral("value"), 600},
            {QStringLiteral("currency"), QStringLiteral("GBP")},
            {QStringLiteral("stage"), QStringLiteral("proposal")},
            {QStringLiteral("probability"), 50},
            {QStringLiteral("is_archived"), false},
            {QStringLiteral("created_at"), QStringLiteral("2026-05-20T10:30:00Z")},
            {QStringLiteral("updated_at"), QStringLiteral("2026-05-21T08:00:00Z")}};
}

} // namespace

class TestSyncStatusBar final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void upToDateOnlyWithNothingWaiting()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString id = createDeal(http);
        ConnectedWindow app(server);
        QVERIFY(app.ok);
        QVERIFY(app.sync());
        QCOMPARE(app.window->statusText(), upToDate);
        QCOMPARE(pendingLabel(app), QStringLiteral("All changes saved"));

        edit(app, id, 2000);
        QCOMPARE(app.window->statusText(), QStringLiteral("Online · 1 edit waiting"));
        QCOMPARE(pendingLabel(app), QStringLiteral("1 edit waiting to be sent"));
        QVERIFY(app.settle()); // no syncNow(): the window's engine sends it by itself
        QCOMPARE(serverRecord(http, id).value(QStringLiteral("value")).toDouble(), 2000.0);
        QCOMPARE(app.window->statusText(), upToDate);
        QCOMPARE(pendingLabel(app), QStringLiteral("All changes saved"));
    }

    // The server is killed: the next attempt (the edit's own) says Offline, never "up to date".
    void serverThatStoppedAnsweringIsOffline()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString id = createDeal(http);
        ConnectedWindow app(server);
        QVERIFY(app.ok);
        QVERIFY(app.sync());
        QCOMPARE(app.window->statusText(), upToDate);

        server.kill();
        edit(app, id, 3000);
        QVERIFY(app.window->statusText() != upToDate);
        QTRY_COMPARE_WITH_TIMEOUT(app.window->statusText(), QStringLiteral("Offline"), 20000);
        QCOMPARE(pendingLabel(app), QStringLiteral("1 edit waiting to be sent"));
        QVERIFY2(app.window->bannerText().startsWith(QStringLiteral("Offline")),
                 qPrintable(app.window->bannerText()));
    }

    // A move on the board, then undo and redo: each reaches the server by itself.
    void moveUndoAndRedoReachTheServer()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString id = createDeal(http);
        ConnectedWindow app(server);
        QVERIFY(app.ok);
        QVERIFY(app.sync());
        const QString before = serverRecord(http, id).value(QStringLiteral("stage")).toString();
        QVERIFY(before != QLatin1String("negotiation"));

        QVERIFY(app.model.requestMove({id}, Stage::Negotiation));
        QVERIFY(app.settle());
        QCOMPARE(serverRecord(http, id).value(QStringLiteral("stage")).toString(),
                 QStringLiteral("negotiation"));
        app.window->undoStack()->undo();
        QVERIFY(app.settle());
        QCOMPARE(serverRecord(http, id).value(QStringLiteral("stage")).toString(), before);
        app.window->undoStack()->redo();
        QVERIFY(app.settle());
        QCOMPARE(serverRecord(http, id).value(QStringLiteral("stage")).toString(),
                 QStringLiteral("negotiation"));
        QCOMPARE(app.window->statusText(), upToDate);
    }

    // The documented 429: said while the sync waits, with the time it goes on; then it does.
    void rateLimitIsSaidAtOnceWithTheTime()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--rate-limit"), QStringLiteral("3"),
                              QStringLiteral("--rate-window"), QStringLiteral("2")}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        TestData::spendRateBudget(http, 3);
        ConnectedWindow app(server); // sits out waits of up to 2 s
        QVERIFY(app.ok);
        app.engine->syncNow();
        const QString said = QStringLiteral("Rate limit reached: kashew tries again at ");
        QTRY_VERIFY_WITH_TIMEOUT(app.window->statusText().startsWith(said), 10000);
        QCOMPARE(app.engine->state(), SyncEngine::State::Syncing); // said before the wait ends
        const QString banner = app.window->bannerText();
        QVERIFY2(banner.startsWith(said) && banner.contains(QStringLiteral("seconds")),
                 qPrintable(banner));
        QVERIFY(app.settle());
        QCOMPARE(app.window->statusText(), upToDate);
    }

    // A server of another dialect, without /accounts: the opportunities sync, "last sync" is
    // set, and the status bar says that account names are unavailable.
    void serverWithoutAccountsStillSyncs()
    {
        const QJsonArray live{scriptedRecord(QStringLiteral("opp-1"), QStringLiteral("One")),
                              scriptedRecord(QStringLiteral("opp-2"), QStringLiteral("Two"))};
        ScriptedServer server([&](const ScriptedServer::Request &request) {
            if (request.path != QLatin1String("/api/v1/opportunities"))
                return ScriptedServer::notFound();
            const bool archived =
                request.query.queryItemValue(QStringLiteral("isArchived")) == QLatin1String("true");
            const QJsonArray items = archived ? QJsonArray() : live;
            return ScriptedServer::json(
                200, QJsonDocument(QJsonObject{{QStringLiteral("opportunities"), items},
                                               {QStringLiteral("totalCount"), items.size()}}));
        });
        QVERIFY(server.isListening());
        ConnectedWindow app(server.baseUrl());
        QVERIFY(app.ok);
        QVERIFY2(app.sync(), qPrintable(app.engine->lastError().message));
        QCOMPARE(app.store.opportunityCount(), 2);
        QVERIFY(app.engine->lastSuccess().isValid());
        QCOMPARE(
            app.window->statusText(),
            QStringLiteral("Online · up to date · account names unavailable from this server"));
        // Asked once: the server has none to give.
        QVERIFY(app.sync());
        int asked = 0;
        for (const ScriptedServer::Request &request : server.requests())
            asked += request.path == QLatin1String("/api/v1/accounts");
        QCOMPARE(asked, 1);
    }

private:
    static QString createDeal(TestHttp &http)
    {
        return TestData::createDeal(http, QStringLiteral("Acme — Pilot"));
    }

    static void edit(ConnectedWindow &app, const QString &id, double value)
    {
        Opportunity edited = app.store.opportunity(id)->opportunity;
        edited.value = value;
        QVERIFY(app.store.editOpportunity(id, edited, OpportunityField::Value));
    }
};

QTEST_MAIN(TestSyncStatusBar)
#include "tst_syncstatusbar.moc"
