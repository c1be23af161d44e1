// A cache that cannot be read says so, never passing for an empty pipeline or a missing record:
// the bulk reads are errors naming what failed, every failed read emits readFailed, the window
// keeps the rows it had and says why in its banner, an edit that cannot be saved says so, and
// `kashew` ends with the reason. The cache is made unreadable as a damaged file or another
// program would: a table renamed under the open store through a connection of its own.
#include "CliRun.h"
#include "ItemRoles.h"
#include "LocalStore.h"
#include "MainWindow.h"
#include "OpportunityDialog.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"
#include "Profile.h"
#include "SampleRows.h"
#include "SeededWindow.h"
#include "ServerProcess.h"
#include "SyncFixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {

// Renames `table` of the cache at `path` through a second connection: the open store's next
// read of it fails.
bool hideTable(const QString &path, const QString &table)
{
    const QString connection = QStringLiteral("tst_cachereadfailures");
    bool hidden = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            hidden = query.exec(QStringLiteral("ALTER TABLE %1 RENAME TO %1_gone").arg(table));
            if (!hidden)
                qWarning("%s", qPrintable(query.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return hidden;
}

// Runs a read of the cache by name, for the data-driven tests.
void read(LocalStore &store, const QString &name, const QString &id)
{
    if (name == QLatin1String("opportunity"))
        static_cast<void>(store.opportunity(id));
    else if (name == QLatin1String("opportunityCount"))
        static_cast<void>(store.opportunityCount());
    else if (name == QLatin1String("etagOf"))
        static_cast<void>(store.etagOf(id));
    else if (name == QLatin1String("entryFor"))
        static_cast<void>(store.entryFor(id));
    else if (name == QLatin1String("pendingCount"))
        static_cast<void>(store.pendingCount());
    else if (name == QLatin1String("history"))
        static_cast<void>(store.history(id));
    else if (name == QLatin1String("updates"))
        static_cast<void>(store.updates(id));
    else if (name == QLatin1String("renamedTo"))
        static_cast<void>(store.renamedTo(id));
    else if (name == QLatin1String("setting"))
        static_cast<void>(store.setting(QStringLiteral("lastSyncAt")));
    else
        QFAIL(qPrintable(QStringLiteral("no read named ") + name));
}

} // namespace

class TestCacheReadFailures final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Each bulk read of an unreadable table is an error that names it, not an empty list.
    void bulkReadIsAnErrorNamingWhatFailed_data()
    {
        QTest::addColumn<QString>("table");
        QTest::newRow("opportunities") << QStringLiteral("opportunities");
        QTest::newRow("accounts") << QStringLiteral("accounts");
        QTest::newRow("outbox") << QStringLiteral("outbox");
    }
    void bulkReadIsAnErrorNamingWhatFailed()
    {
        QFETCH(QString, table);
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        LocalStore &store = seeded.store;
        QVERIFY(store.opportunities());
        QVERIFY(store.accounts());
        QVERIFY(store.outbox());
        QVERIFY(hideTable(store.path(), table));
        QSignalSpy failed(&store, &LocalStore::readFailed);

        QString error;
        if (table == QLatin1String("opportunities")) {
            const auto records = store.opportunities();
            QVERIFY(!records);
            error = records.error();
        } else if (table == QLatin1String("accounts")) {
            const auto accounts = store.accounts();
            QVERIFY(!accounts);
            error = accounts.error();
        } else {
            const auto outbox = store.outbox();
            QVERIFY(!outbox);
            error = outbox.error();
        }
        QVERIFY2(error.contains(table), qPrintable(error));
        // The window and the command line hear of it too.
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().toString(), error);
    }

    // A single read that fails says so through readFailed, though its answer looks like "none";
    // a read of a table that is still there says nothing.
    void singleReadEmitsReadFailed_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("read");
        const QString records = QStringLiteral("opportunities");
        const QString outbox = QStringLiteral("outbox");
        const QString histories = QStringLiteral("opportunity_updates");
        QTest::newRow("opportunity") << records << QStringLiteral("opportunity");
        QTest::newRow("opportunityCount") << records << QStringLiteral("opportunityCount");
        QTest::newRow("etagOf") << records << QStringLiteral("etagOf");
        QTest::newRow("entryFor") << outbox << QStringLiteral("entryFor");
        QTest::newRow("pendingCount") << outbox << QStringLiteral("pendingCount");
        QTest::newRow("history") << histories << QStringLiteral("history");
        QTest::newRow("updates") << histories << QStringLiteral("updates");
        QTest::newRow("renamedTo") << QStringLiteral("id_aliases") << QStringLiteral("renamedTo");
        QTest::newRow("setting") << QStringLiteral("settings") << QStringLiteral("setting");
    }
    void singleReadEmitsReadFailed()
    {
        QFETCH(QString, table);
        QFETCH(QString, read);
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        LocalStore &store = seeded.store;
        const QString id = SampleRows::id(1);
        QSignalSpy failed(&store, &LocalStore::readFailed);
        ::read(store, read, id);
        QCOMPARE(failed.size(), 0);

        QVERIFY(hideTable(store.path(), table));
        ::read(store, read, id);
        QCOMPARE(failed.size(), 1);
        const QString reason = failed.first().first().toString();
        QVERIFY2(reason.contains(table), qPrintable(reason));
        // Another table still reads, and says nothing.
        const QString other = table == QLatin1String("settings") ? QStringLiteral("opportunity")
                                                                 : QStringLiteral("setting");
        ::read(store, other, id);
        QCOMPARE(failed.size(), 1);
    }

    // The window over a cache that stops being readable keeps showing the rows it had (a reload
    // or a change it cannot read removes nothing) and says why in its banner.
    void windowKeepsItsRowsAndSaysWhy()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        QAbstractItemModelTester modelTester(
            &seeded.model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            seeded.window->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QStringList shown = ids(seeded.model);
        QCOMPARE(shown.size(), SampleRows::make().size());
        QVERIFY(!seeded.window->bannerText().contains(QStringLiteral("opportunities")));

        QVERIFY(hideTable(seeded.store.path(), QStringLiteral("opportunities")));
        seeded.feeder->reload();
        QCOMPARE(ids(seeded.model), shown);
        QVERIFY2(
            seeded.window->bannerText().contains(QStringLiteral("no such table: opportunities")),
            qPrintable(seeded.window->bannerText()));

        // A record the store says changed but cannot read stays as it was, and the banner says
        // why again.
        seeded.window->showBanner(QStringLiteral("Something else"), false, false);
        emit seeded.store.opportunitiesChanged({SampleRows::id(1), SampleRows::id(2)});
        QCOMPARE(ids(seeded.model), shown);
        QVERIFY2(seeded.window->bannerText().contains(QStringLiteral("could not be read")),
                 qPrintable(seeded.window->bannerText()));
    }

    // A sync whose outbox cannot be read stops there and says so, rather than pushing nothing
    // and going on as if no edit waited.
    void syncStopsWhenTheOutboxCannotBeRead()
    {
        ServerProcess server;
        QVERIFY(server.start());
        SyncFixture sync;
        QVERIFY(sync.open(server));
        Opportunity deal;
        deal.name = QStringLiteral("Waiting in an unreadable outbox");
        deal.value = 1000;
        deal.currency = QStringLiteral("EUR");
        QVERIFY(sync.store.createOpportunity(deal));
        QVERIFY(hideTable(sync.store.path(), QStringLiteral("outbox")));

        QVERIFY(!sync.syncOnce());
        QCOMPARE(sync.engine->state(), SyncEngine::State::Error);
        const QString message = sync.engine->lastError().message;
        QVERIFY2(message.contains(QStringLiteral("could not be read")) &&
                     message.contains(QStringLiteral("outbox")),
                 qPrintable(message));
    }

    // An edit the cache refuses to save says why in the banner, though the record is still
    // there (as it was).
    void editThatCannotBeSavedSaysWhy()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        MainWindow &window = *seeded.window;
        QAbstractItemModelTester proxyTester(
            window.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString id = SampleRows::id(1);
        const QString name = seeded.store.opportunity(id)->opportunity.name;
        QVERIFY(select(window, id));
        QVERIFY(hideTable(seeded.store.path(), QStringLiteral("outbox")));

        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<OpportunityDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->nameField()->setText(QStringLiteral("Renamed where it cannot be saved"));
            dialog->buttons()->button(QDialogButtonBox::Save)->click();
            if (dialog->isVisible())
                dialog->reject();
        });
        window.editAction()->trigger();
        const auto record = seeded.store.opportunity(id);
        QVERIFY(record);
        QCOMPARE(record->opportunity.name, name);
        QVERIFY2(window.bannerText().contains(QStringLiteral("could not be saved")) &&
                     window.bannerText().contains(QStringLiteral("outbox")),
                 qPrintable(window.bannerText()));
    }

    // `kashew list` and `kashew show` on an unreadable cache fail (1, not "not found") and say
    // why on one line; nothing is listed.
    void cliFailsWithTheReason_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("list") << QStringLiteral("list");
        QTest::newRow("show") << QStringLiteral("show");
    }
    void cliFailsWithTheReason()
    {
        QFETCH(QString, command);
        QTemporaryDir profile;
        QVERIFY(profile.isValid());
        const QUrl server(QStringLiteral("http://127.0.0.1:9/api/v1"));
        const QString path = Profile(profile.path()).cachePath(server);
        QString id;
        {
            LocalStore store;
            QVERIFY(store.open(path).ok);
            Opportunity deal;
            deal.name = QStringLiteral("Kept but unreadable");
            deal.value = 1000;
            deal.currency = QStringLiteral("EUR");
            const auto created = store.createOpportunity(deal);
            QVERIFY(created);
            id = *created;
        }
        QVERIFY(hideTable(path, QStringLiteral("opportunities")));

        QStringList arguments{QStringLiteral("--profile"), profile.path(),
                              QStringLiteral("--server"), server.toString(), command};
        if (command == QLatin1String("show"))
            arguments.append(id.left(8));
        QProcess process;
        process.start(QStringLiteral(KASHEW_CLI_PATH), arguments);
        QVERIFY(process.waitForFinished(60000));
        const CliRun run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                         QString::fromUtf8(process.readAllStandardOutput()),
                         QString::fromUtf8(process.readAllStandardError()), QString()};
        EXPECT_EXIT(run, 1);
        QCOMPARE(run.out, QString());
        QVERIFY2(run.err.startsWith(QStringLiteral("kashew: reading ")), qPrintable(describe(run)));
        QVERIFY2(run.err.count(QLatin1Char('\n')) == 1, qPrintable(describe(run)));
        if (command == QLatin1String("list"))
            QVERIFY2(run.err.contains(QStringLiteral("no such table: opportunities")),
                     qPrintable(describe(run)));
    }

private:
    static QStringList ids(const QAbstractItemModel &model)
    {
        QStringList shown;
        for (int row = 0; row < model.rowCount(); ++row)
            shown.append(model.index(row, 0).data(ItemRoles::Id).toString());
        return shown;
    }
    static bool select(MainWindow &window, const QString &id)
    {
        OpportunityFilterProxy *proxy = window.proxy();
        for (int row = 0; row < proxy->rowCount(); ++row) {
            const QModelIndex index = proxy->index(row, 0);
            if (index.data(ItemRoles::Id).toString() == id) {
                window.table()->setCurrentIndex(index);
                return true;
            }
        }
        return false;
    }
};

QTEST_MAIN(TestCacheReadFailures)
#include "tst_cachereadfailures.moc"
