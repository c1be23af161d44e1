// The desktop opens its cache without the integrity check and runs it beside the first window
// (DeferredCheck): a sound cache is shown before the check ends, nothing syncs until it passed,
// and damage the open did not see takes the same recovery as damage found at open: moved aside,
// pending edits kept (those made meanwhile too), a new cache, the recovery message.
#include "CacheSeed.h"
#include "DeferredCheck.h"
#include "LocalStore.h"
#include "ModelFeeder.h"
#include "OpportunityListModel.h"
#include "Profile.h"
#include "SqlitePages.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using CacheSeed::seed;
using CacheSeed::serverRecord;

namespace {

constexpr int deals = 400;

QString dealId(int i)
{
    return QStringLiteral("id-%1").arg(i, 4, 10, QLatin1Char('0'));
}

QStringList asideFiles(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList({QStringLiteral("cache.sqlite.corrupt-*")});
}

} // namespace

class TestDeferredCheck final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<LocalStore::OpenResult>(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_path = m_dir->filePath(QStringLiteral("cache.sqlite"));
        LocalStore store;
        QVERIFY(store.open(m_path).ok);
        QList<Opportunity> server;
        for (int i = 0; i < deals; ++i)
            server.append(serverRecord(dealId(i), QStringLiteral("Deal %1").arg(i)));
        seed(store, server);
        // Histories of the records: a table the first screen and the edits never read.
        for (int i = 0; i < deals; ++i) {
            OpportunityUpdate update;
            update.id = QStringLiteral("u-%1").arg(i);
            update.createdAt = QDateTime(QDate(2026, 1, 2), QTime(9, 0), Qt::UTC);
            update.ownerId = QStringLiteral("owner-1");
            QVERIFY(store.storeUpdates(dealId(i), {update}));
        }
        Opportunity edited = store.opportunity(dealId(7))->opportunity;
        edited.value = 42;
        QVERIFY(store.editOpportunity(edited.id, edited, OpportunityField::Value));
        QVERIFY(store.deleteOpportunity(dealId(200)));
        QVERIFY(store.createOpportunity(serverRecord({}, QStringLiteral("Fresh"))));
    }

    // The histories table is garbage: the open does not look, the window shows the cache as it
    // was; the check then finds the damage, and the store and the list end up on a new cache
    // with every pending edit, the one made after the open too.
    void damageFoundBesideTheWindowTakesTheRecoveryPath()
    {
        const int histories = rootPage(m_path, QStringLiteral("opportunity_updates"));
        QVERIFY(histories > 1);
        QVERIFY(PageFile(m_path).overwrite(histories));

        LocalStore store;
        const LocalStore::OpenResult opened = store.open(m_path, LocalStore::Check::Deferred);
        QVERIFY2(opened.ok, qPrintable(opened.error));
        QVERIFY(opened.recoveryMessage.isEmpty());
        DeferredCheck check(store);
        QSignalSpy recovered(&check, &DeferredCheck::recovered);
        QSignalSpy passed(&check, &DeferredCheck::passed);
        OpportunityListModel model;
        QAbstractItemModelTester tester(&model);
        ModelFeeder feeder(store, model);
        feeder.loadFirstScreen(100);
        QCOMPARE(model.rowCount(), 100); // the cache as it is, not yet checked
        QVERIFY(asideFiles(*m_dir).isEmpty());
        // An edit in the meantime is a pending edit like the others.
        Opportunity edited = store.opportunity(dealId(350))->opportunity;
        edited.stage = Stage::Negotiation;
        QVERIFY(store.editOpportunity(edited.id, edited, OpportunityField::Stage));

        check.start();
        QTRY_COMPARE_WITH_TIMEOUT(recovered.count(), 1, 20000);
        QCOMPARE(passed.count(), 0);
        const auto result = recovered.at(0).at(0).value<LocalStore::OpenResult>();
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY2(result.recoveryMessage.contains(QStringLiteral("4 pending edit")),
                 qPrintable(result.recoveryMessage));
        QCOMPARE(asideFiles(*m_dir).size(), 1);
        QCOMPARE(store.pendingCount(), 4);
        QCOMPARE(store.opportunityCount(), 3); // the edited and created ones; the deleted hidden
        QCOMPARE(store.opportunity(dealId(7))->opportunity.value, 42.0);
        QCOMPARE(store.opportunity(dealId(350))->opportunity.stage, Stage::Negotiation);
        QVERIFY(!store.opportunity(dealId(200)));
        QCOMPARE(store.entryFor(dealId(200))->operation, OutboxEntry::Operation::Delete);
        // The sync may run now, on the new cache.
        QLockFile syncLock(m_path + QStringLiteral(".sync-lock"));
        QVERIFY(syncLock.tryLock(0));
        feeder.reload();
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.rowOf(dealId(7)) >= 0);
        QVERIFY(model.rowOf(dealId(0)) < 0);
    }

    // A sound cache is shown before its check ends, and syncs only once the check passed.
    void soundCacheIsShownFirstAndSyncedAfterTheCheck()
    {
        LocalStore store;
        const LocalStore::OpenResult opened = store.open(m_path, LocalStore::Check::Deferred);
        QVERIFY2(opened.ok, qPrintable(opened.error));
        DeferredCheck check(store);
        QSignalSpy passed(&check, &DeferredCheck::passed);
        QSignalSpy recovered(&check, &DeferredCheck::recovered);
        check.start();
        OpportunityListModel model;
        QAbstractItemModelTester tester(&model);
        ModelFeeder feeder(store, model);
        feeder.loadFirstScreen(100);
        // The outcome comes through the event loop: the first screen never waits for it.
        QCOMPARE(model.rowCount(), 100);
        QVERIFY(check.isRunning());
        QLockFile syncLock(m_path + QStringLiteral(".sync-lock"));
        syncLock.setStaleLockTime(0);
        QVERIFY(!syncLock.tryLock(0)); // as SyncEngine::syncNow() tries it: it waits
        QTRY_COMPARE_WITH_TIMEOUT(passed.count(), 1, 20000);
        QCOMPARE(recovered.count(), 0);
        QVERIFY(syncLock.tryLock(0));
        QVERIFY(asideFiles(*m_dir).isEmpty());
        QCOMPARE(store.pendingCount(), 3);
    }

    // Without the option (the command line, every other caller) the open checks first.
    void openChecksBeforeUseByDefault()
    {
        QVERIFY(
            PageFile(m_path).overwrite(rootPage(m_path, QStringLiteral("opportunity_updates"))));
        LocalStore store;
        const LocalStore::OpenResult opened = store.open(m_path);
        QVERIFY2(opened.ok, qPrintable(opened.error));
        QVERIFY2(opened.recoveryMessage.contains(QStringLiteral("3 pending edit")),
                 qPrintable(opened.recoveryMessage));
        QCOMPARE(asideFiles(*m_dir).size(), 1);
        QCOMPARE(store.opportunityCount(), 2);
    }

    // A check that cannot run is no pass: it says so and the sync stays held.
    void checkThatCannotRunHoldsTheSync()
    {
        LocalStore store;
        QVERIFY(store.open(m_path, LocalStore::Check::Deferred).ok);
        DeferredCheck check(store);
        QSignalSpy passed(&check, &DeferredCheck::passed);
        QSignalSpy unchecked(&check, &DeferredCheck::unchecked);
        // The file taken away under the open store: the check's own connection cannot open it.
        QVERIFY(QFile::rename(m_path, m_path + QStringLiteral(".away")));
        check.start();
        QTRY_COMPARE_WITH_TIMEOUT(unchecked.count() + passed.count(), 1, 20000);
        QCOMPARE(passed.count(), 0);
        // The cache stays in use, so the message must not say it cannot be opened.
        const QString message = unchecked.at(0).at(0).toString();
        QVERIFY2(message.contains(m_path), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("could not be checked")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("nothing is synced")), qPrintable(message));
        QLockFile syncLock(m_path + QStringLiteral(".sync-lock"));
        syncLock.setStaleLockTime(0);
        QVERIFY(!syncLock.tryLock(0));
    }

    // kashew-desktop itself (offscreen, quitting once started up, as for bench_ui) on a cache
    // whose damage its open does not see: it ends on a new cache with the pending edits.
    void desktopOnADamagedCacheEndsOnANewOne()
    {
        const QString profileDir = m_dir->filePath(QStringLiteral("profile"));
        const Profile profile(profileDir);
        const QString cache = profile.cachePath(profile.serverUrl());
        QVERIFY(QDir().mkpath(QFileInfo(cache).path()));
        QVERIFY(QFile::rename(m_path, cache));
        QVERIFY(PageFile(cache).overwrite(rootPage(cache, QStringLiteral("opportunity_updates"))));
        QProcess app;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("KASHEW_REPORT_FIRST_FRAME"), QStringLiteral("1"));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.remove(QStringLiteral("KASHEW_API_KEY"));
        app.setProcessEnvironment(environment);
        app.start(QStringLiteral(KASHEW_DESKTOP_PATH), {QStringLiteral("--profile"), profileDir});
        QVERIFY(app.waitForFinished(60000));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);
        QVERIFY(app.readAllStandardOutput().contains("all-loaded"));
        QCOMPARE(QDir(QFileInfo(cache).path())
                     .entryList({QFileInfo(cache).fileName() + QStringLiteral(".corrupt-*")})
                     .size(),
                 1);
        LocalStore store;
        const LocalStore::OpenResult reopened = store.open(cache);
        QVERIFY2(reopened.ok, qPrintable(reopened.error));
        QVERIFY(reopened.recoveryMessage.isEmpty()); // sound now
        QCOMPARE(store.pendingCount(), 3);
        QCOMPARE(store.opportunityCount(), 2);
        QCOMPARE(store.opportunity(dealId(7))->opportunity.value, 42.0);
    }

    void cleanup() { m_dir.reset(); }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_MAIN(TestDeferredCheck)
#include "tst_deferredcheck.moc"
