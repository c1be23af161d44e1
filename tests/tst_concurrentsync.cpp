// The desktop app and the `kashew` command syncing one profile at the same time: one sync at a
// time per cache (the lock), the one that finds it taken tries again (the retry), and every edit
// made on either side reaches the server exactly once.
#include "ApiClient.h"
#include "LocalStore.h"
#include "OpportunityJson.h"
#include "Profile.h"
#include "ServerProcess.h"
#include "SyncEngine.h"
#include "TestHttp.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

// What the server must end with for one record, and how many edits of each field were made.
struct Expected
{
    double value = 0;
    int probability = 0;
    int valueEdits = 0;
    int probabilityEdits = 0;
};

// How many of the record's updates (its creation included) changed `field`.
int changesOf(const QJsonObject &record, const QString &field)
{
    int count = 0;
    for (const QJsonValue &update : record.value(QStringLiteral("updates")).toArray())
        count += update.toObject().value(QStringLiteral("changes")).toObject().contains(field);
    return count;
}

} // namespace

class TestConcurrentSync final : public QObject
{
    Q_OBJECT

private:
    QProcessEnvironment cliEnvironment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("KASHEW_API_KEY"),
                           QString::fromLatin1(ServerProcess::writeKey));
        return environment;
    }
    QStringList cliArguments(const QStringList &command) const
    {
        return QStringList{QStringLiteral("--profile"), m_profile, QStringLiteral("--server"),
                           m_server.toString()} +
               command;
    }
    // Runs a `kashew` command to its end; fails the test unless it exits 0.
    QString cli(const QStringList &command)
    {
        QProcess process;
        process.setProcessEnvironment(cliEnvironment());
        process.start(QStringLiteral(KASHEW_CLI_PATH), cliArguments(command));
        process.waitForFinished(60000);
        const QString output = QString::fromUtf8(process.readAllStandardOutput());
        if (process.exitCode() != 0)
            qWarning("kashew %s: exit %d: %s", qPrintable(command.join(QLatin1Char(' '))),
                     process.exitCode(), process.readAllStandardError().constData());
        return process.exitCode() == 0 ? output : QString();
    }
    QString idOf(LocalStore &store, const QString &name)
    {
        const QList<CachedOpportunity> records = store.opportunities().value();
        for (const CachedOpportunity &record : records) {
            if (record.opportunity.name == name)
                return record.opportunity.id;
        }
        return {};
    }

    // One whole sync of `store` by the app's engine; fails the test unless it succeeds.
    void syncOnce(LocalStore &store, const QUrl &server)
    {
        ApiClient client;
        ApiClient::Settings settings;
        settings.baseUrl = server;
        settings.apiKey = QString::fromLatin1(ServerProcess::writeKey);
        client.setSettings(settings);
        SyncEngine engine(store, client);
        engine.setPushDelay(std::chrono::hours(1));
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 30000);
        QVERIFY2(finished.last().first().toBool(), qPrintable(engine.lastError().message));
    }
    // What `kashew sync` (PushEntryTask) does with an entry it read: marks the send, sends it,
    // then completes the entry with the server's answer in its own store.
    void sendAndComplete(LocalStore &store, const QUrl &server, const OutboxEntry &entry,
                         const QJsonObject &body, const QByteArray &etag)
    {
        ApiClient client;
        ApiClient::Settings settings;
        settings.baseUrl = server;
        settings.apiKey = QString::fromLatin1(ServerProcess::writeKey);
        client.setSettings(settings);
        QVERIFY(store.markAttempt(entry.sequence, body));
        std::optional<ApiClient::Detail> answer;
        const auto answered = [&](const ApiError &error, const ApiClient::Detail &detail) {
            QVERIFY2(error.ok(), qPrintable(error.message));
            answer = detail;
        };
        if (entry.operation == OutboxEntry::Operation::Create)
            client.createOpportunity(body, entry.idempotencyKey, answered);
        else
            client.updateOpportunity(entry.opportunityId, body, etag, answered);
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 30000);
        const Status completed =
            store.completeEntry(entry.sequence, answer->opportunity, answer->etag);
        QVERIFY2(completed, qPrintable(completed.error()));
    }

    QString m_profile;
    QUrl m_server;

private slots:
    // The app undoes an edit (its entry goes) after `kashew sync` has read that entry and before
    // its send is answered; maybe the user edits another field then (a newer entry). Forced by
    // calls on two stores of one cache file, as the two processes would make them.
    void anEditUndoneWhileItIsSent_data()
    {
        QTest::addColumn<bool>("editedAgain");
        QTest::newRow("undone") << false;
        QTest::newRow("undone, then another field edited") << true;
    }
    void anEditUndoneWhileItIsSent()
    {
        QFETCH(bool, editedAgain);
        ServerProcess server;
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache.sqlite"));
        LocalStore app;
        QVERIFY(app.open(cache).ok);
        LocalStore cli;
        QVERIFY(cli.open(cache).ok);
        Opportunity created;
        created.name = QStringLiteral("Undone");
        created.value = 100;
        created.probability = 10;
        const auto id = app.createOpportunity(created);
        QVERIFY(id);
        syncOnce(app, server.baseUrl());
        QVERIFY(!QTest::currentTestFailed());
        const QString serverId = app.opportunities()->constFirst().opportunity.id;

        const auto setField = [&](OpportunityField field, int to) {
            Opportunity edited = app.opportunity(serverId)->opportunity;
            if (field == OpportunityField::Value)
                edited.value = to;
            else
                edited.probability = to;
            const Status saved = app.editOpportunity(serverId, edited, field);
            QVERIFY2(saved, qPrintable(saved.error()));
        };
        setField(OpportunityField::Value, 200);
        // The command reads the entry and the record and makes its request body...
        const QList<OutboxEntry> read = cli.outbox().value();
        QCOMPARE(read.size(), 1);
        const CachedOpportunity record = *cli.opportunity(serverId);
        QVERIFY(!record.etag.isEmpty());
        const QJsonObject body = OpportunityJson::toRequestBody(record.opportunity, read[0].fields);
        // ...while the app takes the edit back, and maybe edits another field.
        setField(OpportunityField::Value, 100);
        QCOMPARE(app.pendingCount(), 0);
        if (editedAgain)
            setField(OpportunityField::Probability, 40);
        sendAndComplete(cli, server.baseUrl(), read[0], body, record.etag);
        QVERIFY(!QTest::currentTestFailed());

        // What the user has now reaches the server in the next sync; the send answered is not
        // sent again.
        syncOnce(app, server.baseUrl());
        QVERIFY(!QTest::currentTestFailed());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QJsonObject onServer = http.get(QStringLiteral("/opportunities/") + serverId).json();
        const QString what = QString::fromUtf8(QJsonDocument(onServer).toJson());
        QVERIFY2(onServer.value(QStringLiteral("value")).toDouble() == 100, qPrintable(what));
        QVERIFY2(onServer.value(QStringLiteral("probability")).toInt() == (editedAgain ? 40 : 10),
                 qPrintable(what));
        // Created, sent as 200 by the command, taken back by the app.
        QVERIFY2(changesOf(onServer, QStringLiteral("value")) == 3, qPrintable(what));
        QVERIFY2(changesOf(onServer, QStringLiteral("probability")) == (editedAgain ? 2 : 1),
                 qPrintable(what));
        QCOMPARE(app.pendingCount(), 0);
        const CachedOpportunity cached = *app.opportunity(serverId);
        QCOMPARE(cached.state, SyncState::Synced);
        QCOMPARE(cached.opportunity.value, 100.0);
        QCOMPARE(cached.opportunity.probability, editedAgain ? 40 : 10);
    }

    // The app deletes a record it created after `kashew sync` has read its create and before the
    // create is answered: the record the server made is deleted there too, once.
    void aCreateDeletedWhileItIsSent()
    {
        ServerProcess server;
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache.sqlite"));
        LocalStore app;
        QVERIFY(app.open(cache).ok);
        LocalStore cli;
        QVERIFY(cli.open(cache).ok);
        Opportunity created;
        created.name = QStringLiteral("Deleted at once");
        created.value = 5;
        const auto id = app.createOpportunity(created);
        QVERIFY(id);

        const QList<OutboxEntry> read = cli.outbox().value();
        QCOMPARE(read.size(), 1);
        const QJsonObject body = OpportunityJson::toRequestBody(
            cli.opportunity(*id)->opportunity,
            OpportunityFieldNames::writable() & ~OpportunityFields(OpportunityField::OwnerId));
        QVERIFY(app.deleteOpportunity(*id));
        QCOMPARE(app.pendingCount(), 0);
        sendAndComplete(cli, server.baseUrl(), read[0], body, {});
        QVERIFY(!QTest::currentTestFailed());

        syncOnce(app, server.baseUrl());
        QVERIFY(!QTest::currentTestFailed());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QJsonArray all = http.get(QStringLiteral("/opportunities?pageSize=100"))
                                   .json()
                                   .value(QStringLiteral("opportunities"))
                                   .toArray();
        QVERIFY2(all.isEmpty(), QJsonDocument(all).toJson().constData());
        QCOMPARE(app.pendingCount(), 0);
        QVERIFY(app.opportunities()->isEmpty());
    }

    void appAndCliSyncOneProfileTogether()
    {
        // Slow answers make the two syncs overlap. The server ignores Idempotency-Key: a create
        // sent by both would then exist twice, so only the lock keeps it single.
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--fault-delay"), QStringLiteral("0.7,120"),
                              QStringLiteral("--fault-seed"), QStringLiteral("11"),
                              QStringLiteral("--ignore-idempotency-key")}));
        QTemporaryDir profileDir;
        m_profile = profileDir.path();
        m_server = server.baseUrl();

        // The app's side, wired as app/main.cpp wires it: the profile's cache for this server,
        // the client with the key, the engine over both.
        const Profile profile(m_profile);
        LocalStore store;
        QVERIFY(store.open(profile.cachePath(m_server)).ok);
        ApiClient client;
        ApiClient::Settings settings;
        settings.baseUrl = m_server;
        settings.apiKey = QString::fromLatin1(ServerProcess::writeKey);
        client.setSettings(settings);
        SyncEngine engine(store, client);
        // The test decides when the app syncs (to order it against the command's sync); the
        // app's own push after a quiet period would start syncs of its own in between.
        engine.setPushDelay(std::chrono::hours(1));
        QSignalSpy finished(&engine, &SyncEngine::finished);
        const QString lockPath = store.path() + QStringLiteral(".sync-lock");

        QHash<QString, Expected> expected;
        const auto appCreates = [&](const QString &name, double value) {
            Opportunity o;
            o.name = name;
            o.value = value;
            QVERIFY(store.createOpportunity(o));
            expected.insert(name, Expected{value, 0, 1, 1});
        };
        const auto cliCreates = [&](const QString &name, double value) {
            QVERIFY(!cli({QStringLiteral("new"), QStringLiteral("name=") + name,
                          QStringLiteral("value=%1").arg(value)})
                         .isEmpty());
            expected.insert(name, Expected{value, 0, 1, 1});
        };
        const auto appSets = [&](const QString &name, double value) {
            const auto record = store.opportunity(idOf(store, name));
            QVERIFY(record);
            Opportunity edited = record->opportunity;
            edited.value = value;
            const Status saved = store.editOpportunity(edited.id, edited, OpportunityField::Value);
            QVERIFY2(saved, qPrintable(saved.error()));
            expected[name].value = value;
            ++expected[name].valueEdits;
        };
        const auto cliSets = [&](const QString &name, const QString &field, int value) {
            const QString id = idOf(store, name);
            QVERIFY(!id.isEmpty());
            QVERIFY(!cli({QStringLiteral("set"), id.left(13),
                          QStringLiteral("%1=%2").arg(field).arg(value)})
                         .isEmpty());
            if (field == QLatin1String("value")) {
                expected[name].value = value;
                ++expected[name].valueEdits;
            } else {
                expected[name].probability = value;
                ++expected[name].probabilityEdits;
            }
        };

        for (int i = 0; i < 3; ++i) {
            appCreates(QStringLiteral("App %1").arg(i), 10 + i);
            cliCreates(QStringLiteral("Cli %1").arg(i), 20 + i);
        }
        appCreates(QStringLiteral("Typed during sync"), 1);
        const QStringList names = expected.keys();
        engine.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 60000);
        QVERIFY(finished.last().first().toBool());
        QCOMPARE(store.pendingCount(), 0);

        QRandomGenerator random(3);
        int cliFoundItTaken = 0;
        int appFoundItTaken = 0;
        constexpr int rounds = 9;
        for (int round = 0; round < rounds; ++round) {
            // Both sides have edits waiting: new records, a value each, and both on one record.
            appCreates(QStringLiteral("App new %1").arg(round), 100 + round);
            cliCreates(QStringLiteral("Cli new %1").arg(round), 200 + round);
            const QString appTarget = names.at(random.bounded(names.size()));
            QString cliTarget = appTarget;
            while (cliTarget == appTarget || cliTarget == QLatin1String("Typed during sync"))
                cliTarget = names.at(random.bounded(names.size()));
            if (appTarget != QLatin1String("Typed during sync"))
                appSets(appTarget, 1000 * (round + 1) + 1);
            cliSets(cliTarget, QStringLiteral("value"), 1000 * (round + 1) + 2);
            if (appTarget != QLatin1String("Typed during sync"))
                cliSets(appTarget, QStringLiteral("probability"), 10 + round);
            QVERIFY(store.pendingCount() >= 3);

            // Then both sync: the app first, the command first, or both at once.
            const qsizetype finishedBefore = finished.size();
            QProcess sync;
            sync.setProcessEnvironment(cliEnvironment());
            const auto appSyncs = [&] {
                engine.syncNow();
                if (finished.size() == finishedBefore &&
                    engine.state() != SyncEngine::State::Syncing)
                    ++appFoundItTaken; // it tries again by itself a little later
            };
            const int order = round % 3;
            if (order == 0)
                appSyncs();
            sync.start(QStringLiteral(KASHEW_CLI_PATH), cliArguments({QStringLiteral("sync")}));
            QVERIFY(sync.waitForStarted());
            if (order == 1) {
                QTRY_VERIFY_WITH_TIMEOUT(
                    QFile::exists(lockPath) || sync.state() == QProcess::NotRunning, 20000);
            }
            if (order != 0)
                appSyncs();
            // The user goes on working in the app meanwhile.
            QTest::qWait(random.bounded(50, 400));
            appSets(QStringLiteral("Typed during sync"), round + 2);

            QTRY_VERIFY_WITH_TIMEOUT(
                sync.state() == QProcess::NotRunning && finished.size() > finishedBefore, 120000);
            const QString said =
                QString::fromUtf8(sync.readAllStandardOutput() + sync.readAllStandardError());
            QVERIFY2(sync.exitStatus() == QProcess::NormalExit && sync.exitCode() == 0,
                     qPrintable(QStringLiteral("round %1: exit %2: %3")
                                    .arg(round)
                                    .arg(sync.exitCode())
                                    .arg(said)));
            cliFoundItTaken += said.contains(QStringLiteral("another kashew is syncing"));
            QVERIFY2(finished.last().first().toBool(),
                     qPrintable(QStringLiteral("round %1: the app's sync failed: %2")
                                    .arg(round)
                                    .arg(engine.lastError().message)));
            // Only the edit typed during the syncs may still wait; send it before the next round.
            QVERIFY(store.pendingCount() <= 1);
            if (store.pendingCount() == 1) {
                const qsizetype before = finished.size();
                engine.syncNow();
                QTRY_VERIFY_WITH_TIMEOUT(finished.size() > before, 60000);
                QVERIFY(finished.last().first().toBool());
            }
            QCOMPARE(store.pendingCount(), 0);
            QVERIFY(!QFile::exists(lockPath));
        }

        // Both ways of finding the lock taken really happened.
        qInfo("the lock was found taken %d time(s) by the command, %d time(s) by the app",
              cliFoundItTaken, appFoundItTaken);
        QVERIFY2(cliFoundItTaken >= 1, qPrintable(QString::number(cliFoundItTaken)));
        QVERIFY2(appFoundItTaken >= 1, qPrintable(QString::number(appFoundItTaken)));

        // The server holds every record once, with every edit applied once.
        TestHttp http(m_server, ServerProcess::writeKey);
        const TestHttp::Reply list = http.get(QStringLiteral("/opportunities?pageSize=100"));
        QCOMPARE(list.status, 200);
        const QJsonArray all = list.json().value(QStringLiteral("opportunities")).toArray();
        QHash<QString, QString> idByName;
        for (const QJsonValue &item : all) {
            const QJsonObject o = item.toObject();
            const QString name = o.value(QStringLiteral("name")).toString();
            QVERIFY2(!idByName.contains(name), qPrintable(QStringLiteral("twice: ") + name));
            idByName.insert(name, o.value(QStringLiteral("id")).toString());
        }
        QCOMPARE(idByName.size(), expected.size());
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            QVERIFY2(idByName.contains(it.key()), qPrintable(QStringLiteral("lost: ") + it.key()));
            const QJsonObject record =
                http.get(QStringLiteral("/opportunities/") + idByName.value(it.key())).json();
            const QString what =
                it.key() + QStringLiteral(": ") + QString::fromUtf8(QJsonDocument(record).toJson());
            QVERIFY2(record.value(QStringLiteral("value")).toDouble() == it->value,
                     qPrintable(what));
            QVERIFY2(record.value(QStringLiteral("probability")).toInt() == it->probability,
                     qPrintable(what));
            QVERIFY2(changesOf(record, QStringLiteral("value")) == it->valueEdits,
                     qPrintable(what));
            QVERIFY2(changesOf(record, QStringLiteral("probability")) == it->probabilityEdits,
                     qPrintable(what));
        }
        // And the cache agrees, everything synced.
        const QList<CachedOpportunity> records = store.opportunities().value();
        for (const CachedOpportunity &record : records)
            QCOMPARE(record.state, SyncState::Synced);
        QCOMPARE(store.opportunities()->size(), expected.size());
    }
};

QTEST_GUILESS_MAIN(TestConcurrentSync)
#include "tst_concurrentsync.moc"
