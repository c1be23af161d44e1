// The push's "exactly once" on its failure paths, against a real kashew-server that ignores
// Idempotency-Key (as a server may): a refused send is not taken for one that landed, a cache
// that cannot record a send sends nothing, and a lock file left by a killed process does not
// stop syncing for good.
#include "ServerProcess.h"
#include "SyncFixture.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QLockFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace {

Opportunity siteVisit()
{
    Opportunity o;
    o.name = QStringLiteral("Site visit");
    o.value = 500;
    return o;
}

QJsonArray serverRecords(const ServerProcess &server, const QString &query = {})
{
    TestHttp http(server.baseUrl(), ServerProcess::writeKey);
    const TestHttp::Reply reply = http.get(QStringLiteral("/opportunities?pageSize=100") + query);
    if (reply.status != 200)
        qWarning("listing failed: %d", reply.status);
    return reply.json().value(QStringLiteral("opportunities")).toArray();
}

// The cache's own connection, to make it refuse writes as a read-only file would (root, who
// runs CI, may write to any file whatever its mode).
bool setCacheReadOnly(bool readOnly)
{
    for (const QString &name : QSqlDatabase::connectionNames()) {
        if (!name.startsWith(QLatin1String("kashew-cache-")))
            continue;
        QSqlQuery query(QSqlDatabase::database(name));
        return query.exec(QStringLiteral("PRAGMA query_only = %1").arg(readOnly ? 1 : 0));
    }
    return false;
}

} // namespace

class TestPushExactlyOnce final : public QObject
{
    Q_OBJECT

private slots:
    // Two identical deals made a minute apart are two deals, even when the second one's first
    // send was refused (connection refused) and the server cannot tell retries by their key.
    void identicalCreateAfterARefusedSendIsCreatedToo()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--ignore-idempotency-key")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.store.createOpportunity(siteVisit()));
        QVERIFY(sync.syncOnce());
        QCOMPARE(serverRecords(server).size(), 1);

        QVERIFY(sync.store.createOpportunity(siteVisit()));
        QCOMPARE(server.stop(), 0);
        QVERIFY(!sync.syncOnce());
        QCOMPARE(sync.engine->lastError().kind, ApiError::Kind::Network);
        QVERIFY(server.start({QStringLiteral("--ignore-idempotency-key")}));
        QVERIFY(sync.syncOnce());
        QCOMPARE(sync.store.pendingCount(), 0);
        const QJsonArray both = serverRecords(server);
        QCOMPARE(both.size(), 2);
        QVERIFY(both.at(0).toObject().value(QStringLiteral("id")) !=
                both.at(1).toObject().value(QStringLiteral("id")));
        QCOMPARE(sync.store.opportunities()->size(), 2);
    }

    // A create whose answer was lost is found on the server and adopted, not posted again; an
    // identical deal this cache already holds is never mistaken for it.
    void lostAnswerIsAdoptedNotPostedAgain()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--ignore-idempotency-key")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.store.createOpportunity(siteVisit()));
        QVERIFY(sync.syncOnce());
        QCOMPARE(server.stop(), 0);
        // Every answer is cut after the server did the work.
        QVERIFY(server.start({QStringLiteral("--ignore-idempotency-key"),
                              QStringLiteral("--fault-cut"), QStringLiteral("1")}));
        const auto second = sync.store.createOpportunity(siteVisit());
        QVERIFY(second);
        QVERIFY(!sync.syncOnce());
        QVERIFY2(sync.engine->lastError().message.contains(QStringLiteral("in the middle")),
                 qPrintable(sync.engine->lastError().message));
        QVERIFY(sync.store.entryFor(*second)->inDoubt);
        QCOMPARE(server.stop(), 0);
        QVERIFY(server.start({QStringLiteral("--ignore-idempotency-key")}));
        QCOMPARE(serverRecords(server).size(), 2); // the cut POST did land
        QVERIFY(sync.syncOnce());
        QCOMPARE(serverRecords(server).size(), 2);
        QCOMPARE(sync.store.pendingCount(), 0);
        QCOMPARE(sync.store.opportunities()->size(), 2);
    }

    // The server dies after committing a create and is back at once: the create must not be
    // sent again on the new connection (Qt 6.4 resends a request whose connection closed before
    // any answer, POSTs included), but looked up.
    void serverKilledAfterACommittedCreateGetsItOnce()
    {
        ServerProcess server;
        const QStringList options{QStringLiteral("--ignore-idempotency-key"),
                                  QStringLiteral("--log-requests")};
        QVERIFY(server.start(
            options + QStringList{QStringLiteral("--fault-delay"), QStringLiteral("1,1500")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.store.createOpportunity(siteVisit()));
        QSignalSpy finished(sync.engine.get(), &SyncEngine::finished);
        sync.engine->syncNow();
        // The client runs in this thread: read the server's log while the event loop turns.
        const QRegularExpression committed(QStringLiteral("^POST \\S+ -> 201 "));
        QVERIFY(
            QTest::qWaitFor([&] { return !server.waitForLine(committed, 0).isEmpty(); }, 20000));
        server.kill();
        QVERIFY(server.start(options));
        QVERIFY(finished.wait(60000) || !finished.isEmpty());
        for (int round = 0; round < 3 && sync.store.pendingCount() > 0; ++round)
            sync.syncOnce();
        QCOMPARE(sync.store.pendingCount(), 0);
        QCOMPARE(serverRecords(server).size(), 1);
        QCOMPARE(sync.store.opportunities()->size(), 1);
    }

    // An edit whose answer was lost, then a newer edit of the same field: the server's value is
    // our own first edit, not a change made there, so there is nothing to ask the user.
    void ownLandedEditIsNoConflict()
    {
        ServerProcess server;
        QVERIFY(server.start());
        SyncFixture sync;
        QVERIFY(sync.open(server));
        const auto id = sync.store.createOpportunity(siteVisit());
        QVERIFY(id);
        QVERIFY(sync.syncOnce());
        const QString serverId = sync.store.renamedTo(*id).value_or(*id);
        QCOMPARE(server.stop(), 0);
        QVERIFY(server.start({QStringLiteral("--fault-cut"), QStringLiteral("1")}));
        Opportunity edited = sync.store.opportunity(serverId)->opportunity;
        edited.value = 600;
        QVERIFY(sync.store.editOpportunity(serverId, edited, OpportunityField::Value));
        QVERIFY(!sync.syncOnce()); // the PUT landed, its answer was cut
        QVERIFY(sync.store.entryFor(serverId)->inDoubt);
        edited.value = 700;
        QVERIFY(sync.store.editOpportunity(serverId, edited, OpportunityField::Value));
        QCOMPARE(server.stop(), 0);
        QVERIFY(server.start());
        QVERIFY(sync.syncOnce());
        QCOMPARE(sync.store.opportunity(serverId)->state, SyncState::Synced);
        QCOMPARE(sync.store.pendingCount(), 0);
        const QJsonArray records = serverRecords(server);
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().toObject().value(QStringLiteral("value")).toDouble(), 700.0);
    }

    // The look-up for a lost create fails (the server is still down): that says nothing of the
    // create, which stays in doubt and is looked up again rather than posted a second time.
    void failedLookUpKeepsTheCreateInDoubt()
    {
        ServerProcess server;
        const QStringList ignoring{QStringLiteral("--ignore-idempotency-key")};
        QVERIFY(server.start(ignoring +
                             QStringList{QStringLiteral("--fault-cut"), QStringLiteral("1")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        const auto id = sync.store.createOpportunity(siteVisit());
        QVERIFY(!sync.syncOnce()); // landed, answer cut
        QCOMPARE(server.stop(), 0);
        QVERIFY(!sync.syncOnce()); // the look-up is refused
        QVERIFY(sync.store.entryFor(*id)->inDoubt);
        QVERIFY(server.start(ignoring));
        QVERIFY(sync.syncOnce());
        QCOMPARE(serverRecords(server).size(), 1);
        QCOMPARE(sync.store.pendingCount(), 0);
    }

    // A PUT committed by a server that then dies: Qt sends it again by itself, and the refused
    // reconnect must not pass for "never sent". Our own landed edit is then no conflict.
    void updateResentByQtToADeadServerStaysInDoubt()
    {
        ServerProcess server;
        QVERIFY(server.start());
        SyncFixture sync;
        QVERIFY(sync.open(server));
        const auto id = sync.store.createOpportunity(siteVisit());
        QVERIFY(sync.syncOnce());
        const QString serverId = sync.store.renamedTo(*id).value_or(*id);
        QCOMPARE(server.stop(), 0);
        QVERIFY(server.start({QStringLiteral("--log-requests"), QStringLiteral("--fault-delay"),
                              QStringLiteral("1,1500")}));
        Opportunity edited = sync.store.opportunity(serverId)->opportunity;
        edited.value = 600;
        QVERIFY(sync.store.editOpportunity(serverId, edited, OpportunityField::Value));
        QSignalSpy finished(sync.engine.get(), &SyncEngine::finished);
        sync.engine->syncNow();
        const QRegularExpression committed(QStringLiteral("^PUT \\S+ -> 200 "));
        QVERIFY(
            QTest::qWaitFor([&] { return !server.waitForLine(committed, 0).isEmpty(); }, 20000));
        server.kill();
        QVERIFY(finished.wait(60000) || !finished.isEmpty());
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(sync.store.entryFor(serverId)->inDoubt);
        edited.value = 700;
        QVERIFY(sync.store.editOpportunity(serverId, edited, OpportunityField::Value));
        QVERIFY(server.start());
        QVERIFY(sync.syncOnce());
        QCOMPARE(sync.store.opportunity(serverId)->state, SyncState::Synced);
        QCOMPARE(serverRecords(server).first().toObject().value(QStringLiteral("value")).toDouble(),
                 700.0);
    }

    // A cache that cannot record that a send is under way sends nothing: otherwise every sync
    // would post the same records again.
    void unwritableCacheSendsNothing()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--ignore-idempotency-key")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        for (int i = 0; i < 3; ++i) {
            Opportunity o = siteVisit();
            o.name += QStringLiteral(" %1").arg(i);
            QVERIFY(sync.store.createOpportunity(o));
        }
        QVERIFY(setCacheReadOnly(true));
        for (int round = 0; round < 3; ++round) {
            QVERIFY(!sync.syncOnce());
            QVERIFY2(sync.engine->lastError().message.contains(QStringLiteral("cache")),
                     qPrintable(sync.engine->lastError().message));
        }
        QCOMPARE(serverRecords(server).size(), 0);
        QVERIFY(setCacheReadOnly(false));
        QVERIFY(sync.syncOnce());
        QCOMPARE(serverRecords(server).size(), 3);
        QCOMPARE(sync.store.pendingCount(), 0);
    }

    // A process killed between creating the lock file and writing its owner leaves it empty.
    void emptyLockFileLeftByAKillIsTakenOver()
    {
        ServerProcess server;
        QVERIFY(server.start());
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.store.createOpportunity(siteVisit()));
        for (const QString &suffix :
             {QStringLiteral(".sync-lock"), QStringLiteral(".sync-lock.rmlock")}) {
            QFile empty(sync.store.path() + suffix);
            QVERIFY(empty.open(QIODevice::WriteOnly));
        }
        QVERIFY(sync.syncOnce());
        QCOMPARE(serverRecords(server).size(), 1);
    }

    // An owner that is alive keeps its lock, written or not yet written.
    void liveLockIsRespected()
    {
        ServerProcess server;
        QVERIFY(server.start());
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.store.createOpportunity(siteVisit()));
        const QString lockPath = sync.store.path() + QStringLiteral(".sync-lock");
        {
            // Another process's lock: written, and held (QLockFile holds an flock on it).
            QLockFile other(lockPath);
            QVERIFY(other.tryLock(0));
            QVERIFY(!syncStarts(sync));
        }
        {
            // Created and held but not yet written: an owner in the middle of taking the lock.
            const int fd =
                ::open(QFile::encodeName(lockPath).constData(), O_CREAT | O_EXCL | O_WRONLY, 0600);
            QVERIFY(fd >= 0);
            QCOMPARE(::flock(fd, LOCK_EX | LOCK_NB), 0);
            QVERIFY(!syncStarts(sync));
            QVERIFY(QFile::exists(lockPath));
            ::unlink(QFile::encodeName(lockPath).constData());
            ::close(fd);
        }
        QCOMPARE(serverRecords(server).size(), 0);
        QVERIFY(sync.syncOnce());
        QCOMPARE(serverRecords(server).size(), 1);
    }

private:
    static bool syncStarts(SyncFixture &sync)
    {
        sync.engine->syncNow();
        const bool started = sync.engine->state() == SyncEngine::State::Syncing;
        if (started)
            sync.syncOnce();
        return started;
    }
};

QTEST_GUILESS_MAIN(TestPushExactlyOnce)
#include "tst_pushexactlyonce.moc"
