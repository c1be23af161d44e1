// The window shows owners as the cache's people book names them: the book the cache already
// holds when the window opens, and every change to it after (a sync's /users, the user's own
// names), without a restart.
#include "ApiClient.h"
#include "LocalStore.h"
#include "MainWindow.h"
#include "MemoryCredentialStore.h"
#include "ModelFeeder.h"
#include "OpportunityListModel.h"
#include "Profile.h"
#include "SampleRows.h"
#include "SyncEngine.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace {

// The owner cell of the sample record `number` (1-based), as the list shows it.
QString ownerShown(const OpportunityListModel &model, int number)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, OpportunityListModel::Owner);
        if (model.rowAt(row).opportunity.id == SampleRows::id(number))
            return index.data(Qt::DisplayRole).toString();
    }
    return QStringLiteral("<no such record>");
}

} // namespace

class TestWindowPeople final : public QObject
{
    Q_OBJECT

private slots:
    void ownersByTheCachesNames()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok);
        QList<Opportunity> records;
        for (const OpportunityRow &row : SampleRows::make())
            records.append(row.opportunity);
        QVERIFY(store.beginPull() && store.stagePulled(records) && store.commitPull(true));
        // What an earlier session learnt: the server's names and the user's own.
        QVERIFY(store.storeServerPeople({Person{QStringLiteral("ana"), QStringLiteral("Ana Souza"),
                                                QStringLiteral("ana@example.com")}}));
        QVERIFY(store.storeServerMeId(QStringLiteral("ana")));
        QVERIFY(
            store.setLocalPerson(Person{QStringLiteral("ben"), QStringLiteral("Ben Okafor"), {}}));

        OpportunityListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelFeeder feeder(store, model);
        feeder.reload();
        ApiClient client;
        SyncEngine engine(store, client);
        Profile profile(dir.filePath(QStringLiteral("profile")));
        MemoryCredentialStore credentials;
        MainWindow window({store, model, engine, client, profile, credentials});
        window.setLocalOnly(true);

        // Sample 1 is Ana's, 2 Ben's, 5 Cy's (whom nobody named).
        QCOMPARE(ownerShown(model, 1), QStringLiteral("Ana Souza"));
        QCOMPARE(ownerShown(model, 2), QStringLiteral("Ben Okafor"));
        QCOMPARE(ownerShown(model, 5), QStringLiteral("cy"));
        QCOMPARE(model.people().meId(), QStringLiteral("ana"));

        // The user names Cy (the settings' people page, `kashew people set`): shown at once.
        QVERIFY(store.setLocalPerson(Person{QStringLiteral("cy"), QStringLiteral("Cy Tan"), {}}));
        QCOMPARE(ownerShown(model, 5), QStringLiteral("Cy Tan"));
        // A sync's /users renames Ana.
        QVERIFY(store.storeServerPeople(
            {Person{QStringLiteral("ana"), QStringLiteral("Ana Souza-Reis"), {}}}));
        QCOMPARE(ownerShown(model, 1), QStringLiteral("Ana Souza-Reis"));
        QCOMPARE(model.people(), store.people().value());
    }
};

QTEST_MAIN(TestWindowPeople)
#include "tst_windowpeople.moc"
