// Conflicts settled in the main window's conflict dialog, end to end against a real
// kashew-server: the same fields changed here (in the edit dialog) and on the server (over
// HTTP), a sync that finds the conflict, the user's choice per field (mine for one, the server's
// for another), a sync that sends it; the server ends exactly as chosen, with the changes each
// side made alone kept.
#include "ConflictDialog.h"
#include "ConnectedWindow.h"
#include "DetailPanel.h"
#include "OpportunityDialog.h"
#include "OpportunityFilterProxy.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

class TestConflictDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void theServerEndsAsChosenFieldByField()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString id =
            TestData::createOpportunity(
                http, {{QStringLiteral("name"), QStringLiteral("Northwind — Renewal")},
                       {QStringLiteral("value"), 1000},
                       {QStringLiteral("probability"), 20},
                       {QStringLiteral("description"), QStringLiteral("As agreed")}})
                .value(QStringLiteral("id"))
                .toString();
        QVERIFY(!id.isEmpty());

        ConnectedWindow app(server);
        QVERIFY(app.ok);
        QAbstractItemModelTester modelTester(
            &app.model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            app.window->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        app.window->show();
        QVERIFY(app.sync());
        QVERIFY(app.store.opportunity(id));

        // On the server: a new name and value, and a description only there.
        QCOMPARE(http.put(QStringLiteral("/opportunities/") + id,
                          {{QStringLiteral("name"), QStringLiteral("Northwind — Renewal 2027")},
                           {QStringLiteral("value"), 2000},
                           {QStringLiteral("description"), QStringLiteral("Legal signed off")}})
                     .status,
                 200);
        // Here, in the edit dialog: another name and value, and a probability only here. Saving
        // sends it at once, and the server's change is found.
        QVERIFY(app.select(id));
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<OpportunityDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto closeOnFailure = qScopeGuard([dialog] {
                if (dialog->isVisible())
                    dialog->reject();
            });
            dialog->nameField()->setText(QStringLiteral("Northwind — Renewal (3 years)"));
            dialog->valueField()->setText(QStringLiteral("3,000"));
            dialog->probabilityField()->setValue(40);
            dialog->buttons()->button(QDialogButtonBox::Save)->click();
        });
        app.window->editAction()->trigger();
        QVERIFY(app.settle());
        const auto conflict = app.store.opportunity(id);
        QVERIFY(conflict);
        QCOMPARE(conflict->state, SyncState::Conflict);
        QCOMPARE(conflict->conflictFields, OpportunityField::Name | OpportunityField::Value);
        QCOMPARE(http.get(QStringLiteral("/opportunities/") + id)
                     .json()
                     .value(QStringLiteral("value"))
                     .toDouble(),
                 2000.0); // nothing overwritten meanwhile

        // The detail offers to resolve; the dialog asks about exactly the two fields. The user
        // keeps their value and takes the server's name.
        QPushButton *resolve = nullptr;
        for (QPushButton *button : app.window->detail()->findChildren<QPushButton *>()) {
            if (button->text() == QStringLiteral("Resolve conflict…"))
                resolve = button;
        }
        QVERIFY(resolve);
        QVERIFY(resolve->isVisible());
        bool asked = false;
        QTimer::singleShot(0, this, [&asked] {
            auto *dialog = qobject_cast<ConflictDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto closeOnFailure = qScopeGuard([dialog] {
                if (dialog->isVisible())
                    dialog->reject();
            });
            for (OpportunityField field : OpportunityFieldNames::all()) {
                const bool inConflict =
                    field == OpportunityField::Name || field == OpportunityField::Value;
                QCOMPARE(dialog->mineButton(field) != nullptr, inConflict);
                QCOMPARE(dialog->theirsButton(field) != nullptr, inConflict);
            }
            QCOMPARE(dialog->mineButton(OpportunityField::Name)->text(),
                     QStringLiteral("Northwind — Renewal (3 years)"));
            QCOMPARE(dialog->theirsButton(OpportunityField::Name)->text(),
                     QStringLiteral("Northwind — Renewal 2027"));
            QTest::mouseClick(dialog->theirsButton(OpportunityField::Name), Qt::LeftButton);
            QTest::mouseClick(dialog->mineButton(OpportunityField::Value), Qt::LeftButton);
            QVERIFY(dialog->theirsButton(OpportunityField::Name)->isChecked());
            QVERIFY(dialog->mineButton(OpportunityField::Value)->isChecked());
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
            asked = true;
        });
        resolve->click();
        QVERIFY(asked);
        QVERIFY(app.settle());

        // The server as chosen: its name, my value, and what each side changed alone.
        const TestHttp::Reply there = http.get(QStringLiteral("/opportunities/") + id);
        QCOMPARE(there.status, 200);
        const QJsonObject onServer = there.json();
        QCOMPARE(onServer.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Northwind — Renewal 2027"));
        QCOMPARE(onServer.value(QStringLiteral("value")).toDouble(), 3000.0);
        QCOMPARE(onServer.value(QStringLiteral("probability")).toInt(), 40);
        QCOMPARE(onServer.value(QStringLiteral("description")).toString(),
                 QStringLiteral("Legal signed off"));
        // And the cache in step with it, nothing left to send.
        const auto settled = app.store.opportunity(id);
        QVERIFY(settled);
        QCOMPARE(settled->state, SyncState::Synced);
        QCOMPARE(settled->opportunity.name, QStringLiteral("Northwind — Renewal 2027"));
        QCOMPARE(settled->opportunity.value, 3000.0);
        QCOMPARE(settled->opportunity.probability, 40);
        QCOMPARE(settled->opportunity.description, QStringLiteral("Legal signed off"));
        QCOMPARE(app.store.pendingCount(), 0);
        QCOMPARE(http.get(QStringLiteral("/opportunities?pageSize=1"))
                     .json()
                     .value(QStringLiteral("totalCount"))
                     .toInt(),
                 1);
    }
};

QTEST_MAIN(TestConflictDialog)
#include "tst_conflictdialog.moc"
