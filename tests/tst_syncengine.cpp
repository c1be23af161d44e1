// SyncEngine against a real kashew-server: round trips, offline edits, conflicts, refusals and
// faults. Nothing is lost, nothing is applied twice.
#include "ServerProcess.h"
#include "SyncFixture.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

namespace {

int serverCount(TestHttp &http, const QString &query = {})
{
    const TestHttp::Reply reply = http.get(QStringLiteral("/opportunities?pageSize=1") + query);
    if (reply.status != 200)
        return -1;
    return reply.json().value(QStringLiteral("totalCount")).toInt();
}

using TestData::serverRecord;

Opportunity named(const QString &name, double value = 100)
{
    Opportunity o;
    o.name = name;
    o.value = value;
    return o;
}

} // namespace

class TestSyncEngine final : public QObject
{
    Q_OBJECT

private slots:
    void firstSyncPullsLiveArchivedAndAccounts()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--demo"), QStringLiteral("1200")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QSignalSpy progress(sync.engine.get(), &SyncEngine::progressChanged);
        QVERIFY(sync.syncOnce());
        QCOMPARE(sync.engine->state(), SyncEngine::State::UpToDate);
        QCOMPARE(sync.store.opportunities()->size(), 1200);
        QCOMPARE(sync.store.accounts()->size(), 60);
        QCOMPARE(sync.engine->progress().recordsDone, 1200);
        QCOMPARE(sync.engine->progress().recordsTotal, 1200);
        QVERIFY(progress.size() > 3);
        QVERIFY(sync.engine->lastSuccess().isValid());
        // Nothing changed: a second sync writes nothing and signals no change.
        QSignalSpy changed(&sync.store, &LocalStore::opportunitiesChanged);
        QVERIFY(sync.syncOnce());
        QCOMPARE(changed.size(), 0);
    }

    void editsReachTheServerAndServerChangesArrive()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString accountId = TestData::createAccount(http, QStringLiteral("Acme"));
        const QString existing = TestData::createOpportunity(
                                     http, {{QStringLiteral("name"), QStringLiteral("Existing")}})
                                     .value(QStringLiteral("id"))
                                     .toString();
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.syncOnce());

        Opportunity fresh = named(QStringLiteral("Made offline-first"), 5000);
        fresh.accountId = accountId;
        fresh.currency = QStringLiteral("EUR");
        QVERIFY(sync.store.createOpportunity(fresh));
        Opportunity moved = sync.store.opportunity(existing)->opportunity;
        moved.stage = Stage::ClosedWon;
        moved.probability = 100;
        QVERIFY(sync.store.editOpportunity(
            existing, moved, OpportunityField::Stage | OpportunityField::Probability));
        QVERIFY(sync.syncOnce());
        QCOMPARE(sync.store.pendingCount(), 0);

        const QJsonObject onServer = serverRecord(http, existing);
        QCOMPARE(onServer.value(QStringLiteral("stage")).toString(), QStringLiteral("closed_won"));
        QCOMPARE(onServer.value(QStringLiteral("probability")).toInt(), 100);
        const QJsonObject created = http.get(QStringLiteral("/opportunities?search=offline-first"))
                                        .json()
                                        .value(QStringLiteral("opportunities"))
                                        .toArray()
                                        .first()
                                        .toObject();
        QCOMPARE(created.value(QStringLiteral("currency")).toString(), QStringLiteral("EUR"));
        QCOMPARE(created.value(QStringLiteral("account_name")).toString(), QStringLiteral("Acme"));
        // The local record now carries the server's id.
        QVERIFY(sync.store.opportunity(created.value(QStringLiteral("id")).toString()));

        // Archive, then delete.
        Opportunity archived = sync.store.opportunity(existing)->opportunity;
        archived.isArchived = true;
        QVERIFY(sync.store.editOpportunity(existing, archived, OpportunityField::IsArchived));
        QVERIFY(sync.syncOnce());
        QCOMPARE(serverRecord(http, existing).value(QStringLiteral("is_archived")).toBool(), true);
        QVERIFY(sync.store.deleteOpportunity(existing));
        QVERIFY(sync.syncOnce());
        QCOMPARE(http.get(QStringLiteral("/opportunities/") + existing).status, 404);

        // Changes made on the server arrive.
        const QString id = created.value(QStringLiteral("id")).toString();
        QCOMPARE(http.put(QStringLiteral("/opportunities/") + id,
                          {{QStringLiteral("name"), QStringLiteral("Renamed there")}})
                     .status,
                 200);
        TestData::createOpportunity(
            http, {{QStringLiteral("name"), QStringLiteral("Born on the server")}});
        QVERIFY(sync.syncOnce());
        QCOMPARE(sync.store.opportunity(id)->opportunity.name, QStringLiteral("Renamed there"));
        QCOMPARE(sync.store.opportunities()->size(), 2);
    }

    void offlineEditsArePushedOnceInOrderCoalesced()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString a =
            TestData::createOpportunity(http, {{QStringLiteral("name"), QStringLiteral("A")}})
                .value(QStringLiteral("id"))
                .toString();
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.syncOnce());

        QCOMPARE(server.stop(), 0);
        Opportunity edited = sync.store.opportunity(a)->opportunity;
        for (int value : {10, 20, 30, 40, 50}) {
            edited.value = value;
            QVERIFY(sync.store.editOpportunity(a, edited, OpportunityField::Value));
        }
        const auto b = sync.store.createOpportunity(named(QStringLiteral("B offline")));
        Opportunity bEdited = sync.store.opportunity(*b)->opportunity;
        bEdited.stage = Stage::Qualification;
        QVERIFY(sync.store.editOpportunity(*b, bEdited, OpportunityField::Stage));
        const auto c = sync.store.createOpportunity(named(QStringLiteral("C offline")));
        QVERIFY(sync.store.deleteOpportunity(*c));
        QCOMPARE(sync.store.pendingCount(), 2);

        QVERIFY(!sync.syncOnce());
        QCOMPARE(sync.engine->state(), SyncEngine::State::Offline);
        QCOMPARE(sync.store.pendingCount(), 2);
        QCOMPARE(sync.store.opportunity(a)->opportunity.value, 50.0);

        QVERIFY(server.start());
        QVERIFY(sync.syncOnce());
        QCOMPARE(sync.store.pendingCount(), 0);
        const QJsonObject onServer = serverRecord(http, a);
        QCOMPARE(onServer.value(QStringLiteral("value")).toDouble(), 50.0);
        // Five edits, one PUT: one history entry after the creation.
        QCOMPARE(onServer.value(QStringLiteral("updates")).toArray().size(), 2);
        QCOMPARE(serverCount(http, QStringLiteral("&search=b%20offline")), 1);
        const QJsonObject bOnServer = http.get(QStringLiteral("/opportunities?search=b%20offline"))
                                          .json()
                                          .value(QStringLiteral("opportunities"))
                                          .toArray()
                                          .first()
                                          .toObject();
        QCOMPARE(bOnServer.value(QStringLiteral("stage")).toString(),
                 QStringLiteral("qualification"));
        QCOMPARE(serverCount(http, QStringLiteral("&search=c%20offline")), 0);
        // Pushing again sends nothing.
        QVERIFY(sync.syncOnce());
        QCOMPARE(serverRecord(http, a).value(QStringLiteral("updates")).toArray().size(), 2);
    }

    void conflictsMergeFieldByFieldAndKeepBothValues()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString same = TestData::createOpportunity(
                                 http, {{QStringLiteral("name"), QStringLiteral("Same field")},
                                        {QStringLiteral("value"), 100}})
                                 .value(QStringLiteral("id"))
                                 .toString();
        const QString other = TestData::createOpportunity(
                                  http, {{QStringLiteral("name"), QStringLiteral("Other field")},
                                         {QStringLiteral("value"), 100}})
                                  .value(QStringLiteral("id"))
                                  .toString();
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.syncOnce());

        Opportunity mine = sync.store.opportunity(same)->opportunity;
        mine.value = 111;
        QVERIFY(sync.store.editOpportunity(same, mine, OpportunityField::Value));
        Opportunity mineOther = sync.store.opportunity(other)->opportunity;
        mineOther.value = 222;
        QVERIFY(sync.store.editOpportunity(other, mineOther, OpportunityField::Value));
        QCOMPARE(
            http.put(QStringLiteral("/opportunities/") + same, {{QStringLiteral("value"), 999}})
                .status,
            200);
        QCOMPARE(http.put(QStringLiteral("/opportunities/") + other,
                          {{QStringLiteral("name"), QStringLiteral("Renamed there")}})
                     .status,
                 200);

        QVERIFY(sync.syncOnce());
        const auto conflict = sync.store.opportunity(same);
        QVERIFY(conflict);
        QCOMPARE(conflict->state, SyncState::Conflict);
        QCOMPARE(conflict->opportunity.value, 111.0);
        QCOMPARE(conflict->serverState->value, 999.0);
        QCOMPARE(conflict->conflictFields, OpportunityFields(OpportunityField::Value));
        QCOMPARE(serverRecord(http, same).value(QStringLiteral("value")).toDouble(),
                 999.0); // not overwritten
        const QJsonObject merged = serverRecord(http, other);
        QCOMPARE(merged.value(QStringLiteral("value")).toDouble(), 222.0);
        QCOMPARE(merged.value(QStringLiteral("name")).toString(), QStringLiteral("Renamed there"));

        // The user keeps their value: it goes out as a normal edit.
        QVERIFY(sync.store.resolveConflict(same, conflict->opportunity));
        QVERIFY(sync.syncOnce());
        QCOMPARE(serverRecord(http, same).value(QStringLiteral("value")).toDouble(), 111.0);
        QCOMPARE(sync.store.opportunity(same)->state, SyncState::Synced);
    }

    void recordDeletedOnServerWhileEditedIsAConflict()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString id =
            TestData::createOpportunity(http, {{QStringLiteral("name"), QStringLiteral("Doomed")}})
                .value(QStringLiteral("id"))
                .toString();
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.syncOnce());
        Opportunity edited = sync.store.opportunity(id)->opportunity;
        edited.value = 5;
        QVERIFY(sync.store.editOpportunity(id, edited, OpportunityField::Value));
        QCOMPARE(http.del(QStringLiteral("/opportunities/") + id).status, 204);
        QVERIFY(sync.syncOnce());
        const auto kept = sync.store.opportunity(id);
        QVERIFY(kept);
        QCOMPARE(kept->state, SyncState::Conflict);
        QVERIFY(kept->serverDeleted);
        QCOMPARE(kept->opportunity.value, 5.0);
        QCOMPARE(serverCount(http), 0);
    }

    void readOnlyKeyMarksEditsFailedAndSaysSo()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        TestData::createOpportunity(http, {{QStringLiteral("name"), QStringLiteral("Look only")}});
        SyncFixture sync;
        QVERIFY(sync.open(server, ServerProcess::readKey));
        QVERIFY(sync.syncOnce());
        QSignalSpy readOnly(sync.engine.get(), &SyncEngine::readOnlyDetected);
        const auto id = sync.store.createOpportunity(named(QStringLiteral("Not allowed")));
        sync.syncOnce();
        QCOMPARE(readOnly.size(), 1);
        QVERIFY(sync.engine->isReadOnly());
        const auto failed = sync.store.opportunity(*id);
        QVERIFY(failed);
        QCOMPARE(failed->state, SyncState::Failed);
        QVERIFY2(failed->syncError.contains(QStringLiteral("only read")),
                 qPrintable(failed->syncError));
        QCOMPARE(serverCount(http), 1);
        QCOMPARE(sync.store.pendingCount(), 1); // kept, not lost
    }

    void serverRefusalNamesTheField()
    {
        ServerProcess server;
        QVERIFY(server.start());
        SyncFixture sync;
        QVERIFY(sync.open(server));
        Opportunity unknownAccount = named(QStringLiteral("Orphan"));
        unknownAccount.accountId = QStringLiteral("00000000-0000-4000-8000-000000000000");
        const auto id = sync.store.createOpportunity(unknownAccount);
        QVERIFY(sync.syncOnce());
        const auto failed = sync.store.opportunity(*id);
        QVERIFY(failed);
        QCOMPARE(failed->state, SyncState::Failed);
        QVERIFY2(failed->syncError.contains(QStringLiteral("accountId")),
                 qPrintable(failed->syncError));
        // Fixing the field sends it.
        Opportunity fixed = failed->opportunity;
        fixed.accountId.clear();
        QVERIFY(sync.store.editOpportunity(*id, fixed, OpportunityField::AccountId));
        QVERIFY(sync.syncOnce());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        QCOMPARE(serverCount(http, QStringLiteral("&search=orphan")), 1);
    }

    void faultyServerLosesAndDuplicatesNothing()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--fault-error"), QStringLiteral("0.25"),
                              QStringLiteral("--fault-cut"), QStringLiteral("0.25"),
                              QStringLiteral("--fault-delay"), QStringLiteral("0.2,300"),
                              QStringLiteral("--fault-seed"), QStringLiteral("11")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QStringList ids;
        for (int i = 0; i < 12; ++i)
            ids.append(*sync.store.createOpportunity(named(QStringLiteral("Faulty %1").arg(i), i)));
        for (int i = 0; i < 12; i += 3) {
            Opportunity o = sync.store.opportunity(ids.at(i))->opportunity;
            o.stage = Stage::Negotiation;
            QVERIFY(sync.store.editOpportunity(ids.at(i), o, OpportunityField::Stage));
        }
        bool done = false;
        for (int round = 0; round < 15 && !done; ++round)
            done = sync.syncOnce() && sync.store.pendingCount() == 0;
        QVERIFY(done);
        // Read the outcome from the same database without faults.
        QCOMPARE(server.stop(), 0);
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QJsonArray all = http.get(QStringLiteral("/opportunities?pageSize=100"))
                                   .json()
                                   .value(QStringLiteral("opportunities"))
                                   .toArray();
        QCOMPARE(all.size(), 12);
        QSet<QString> names;
        for (const QJsonValue &item : all) {
            const QJsonObject o = item.toObject();
            const int i =
                o.value(QStringLiteral("name")).toString().section(QLatin1Char(' '), 1).toInt();
            names.insert(o.value(QStringLiteral("name")).toString());
            QCOMPARE(o.value(QStringLiteral("value")).toInt(), i);
            QCOMPARE(o.value(QStringLiteral("stage")).toString(),
                     i % 3 == 0 ? QStringLiteral("negotiation") : QStringLiteral("prospecting"));
        }
        QCOMPARE(names.size(), 12);
        QCOMPARE(sync.store.opportunities()->size(), 12);
    }

    void serverKilledMidPullKeepsItsPages()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--demo"), QStringLiteral("3000"),
                              QStringLiteral("--fault-delay"), QStringLiteral("1,150")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        const auto local =
            sync.store.createOpportunity(named(QStringLiteral("Mine, not yet sent")));
        QSignalSpy finished(sync.engine.get(), &SyncEngine::finished);
        connect(sync.engine.get(), &SyncEngine::progressChanged, this,
                [&](const SyncEngine::Progress &progress) {
                    if (progress.pagesDone == 2 && server.isRunning())
                        server.kill();
                });
        sync.engine->syncNow();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), false);
        // The two pages kept, whole; the record created here went out before the pull and, the
        // newest, is on the first. A third page asked for ahead may have come in too (behind
        // nginx, the process not killed answers it): kept as well, never a part of one.
        const qsizetype kept = sync.store.opportunities()->size();
        QVERIFY2(kept >= 1000 && kept < 3001 && kept % 500 == 0, qPrintable(QString::number(kept)));
        Q_UNUSED(local);
        disconnect(sync.engine.get(), &SyncEngine::progressChanged, this, nullptr);
        QVERIFY(server.start());
        QVERIFY(sync.syncOnce());
        QCOMPARE(sync.store.opportunities()->size(), 3001);
    }

    void unreadableResponsesChangeNothing()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--demo"), QStringLiteral("300")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.syncOnce());
        const QList<CachedOpportunity> before = sync.store.opportunities().value();
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString changedThere = before.first().opportunity.id;
        QCOMPARE(http.put(QStringLiteral("/opportunities/") + changedThere,
                          {{QStringLiteral("name"), QStringLiteral("Changed there")}})
                     .status,
                 200);
        QCOMPARE(server.stop(), 0);
        QVERIFY(server.start({QStringLiteral("--fault-malformed"), QStringLiteral("1")}));
        // The sync goes through without the records it cannot read, names the field at fault,
        // and keeps the cached copies as they were.
        QVERIFY2(sync.syncOnce(), qPrintable(sync.engine->lastError().message));
        QCOMPARE(sync.engine->unreadableError().kind, ApiError::Kind::BadResponse);
        QVERIFY2(sync.engine->unreadableError().message.contains(QStringLiteral("stage")),
                 qPrintable(sync.engine->unreadableError().message));
        QCOMPARE(sync.store.opportunities()->size(), before.size());
        QCOMPARE(sync.store.opportunity(changedThere)->opportunity.name,
                 before.first().opportunity.name);
    }

    void wrongKeyIsReportedAndLosesNothing()
    {
        ServerProcess server;
        QVERIFY(server.start());
        SyncFixture sync;
        QVERIFY(sync.open(server, "kshw_revoked_key_0000000"));
        QVERIFY(sync.store.createOpportunity(named(QStringLiteral("Waiting"))));
        QVERIFY(!sync.syncOnce());
        QCOMPARE(sync.engine->state(), SyncEngine::State::Error);
        QCOMPARE(sync.engine->lastError().kind, ApiError::Kind::Unauthorized);
        QCOMPARE(sync.store.pendingCount(), 1);
    }

    void openedRecordsKeepTheirHistoryForOfflineReading()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString id = TestData::createOpportunity(
                               http, {{QStringLiteral("name"), QStringLiteral("With history")}})
                               .value(QStringLiteral("id"))
                               .toString();
        QCOMPARE(http.put(QStringLiteral("/opportunities/") + id,
                          {{QStringLiteral("stage"), QStringLiteral("proposal")}})
                     .status,
                 200);
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(sync.syncOnce());
        QVERIFY(!sync.store.updates(id)); // not fetched yet
        QSignalSpy fetched(sync.engine.get(), &SyncEngine::detailFetched);
        sync.engine->fetchDetail(id);
        QVERIFY(fetched.wait(10000));
        QCOMPARE(server.stop(), 0);
        const auto history = sync.store.updates(id);
        QVERIFY(history);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->first().changes.first().field, QStringLiteral("stage"));
        QCOMPARE(history->first().changes.first().to.toString(), QStringLiteral("proposal"));
    }

    void rateLimitStopsTheSyncWithTheWait()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--rate-limit"), QStringLiteral("3"),
                              QStringLiteral("--demo"), QStringLiteral("1200")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QVERIFY(!sync.syncOnce());
        QCOMPARE(sync.engine->state(), SyncEngine::State::Error);
        QCOMPARE(sync.engine->lastError().kind, ApiError::Kind::RateLimited);
        QVERIFY(sync.engine->lastError().retryAfterSeconds > 0);
        QVERIFY(sync.engine->lastError().message.contains(QStringLiteral("Try again in")));
        // An interrupted pull keeps the pages it got, and where it stopped.
        QVERIFY(sync.store.opportunities()->size() > 0);
        QVERIFY(sync.store.opportunities()->size() < 1200);
        QVERIFY(sync.store.pullProgress());
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
