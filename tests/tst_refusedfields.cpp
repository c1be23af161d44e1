// A refusal (422) shown where it belongs, end to end against a real kashew-server: the server
// refuses an edit and names the field at fault; the record waits as refused, and the edit dialog
// opens with the server's message on that field, not a sentence searched for field names.
#include "ConnectedWindow.h"
#include "OpportunityDialog.h"

#include <QApplication>
#include <QLocale>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

class TestRefusedFields final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void theEditDialogShowsTheServersMessageOnItsField()
    {
        ServerProcess server;
        QVERIFY(server.start());
        ConnectedWindow app(server);
        QVERIFY(app.ok);
        app.window->show();

        // An account the server does not know: the client cannot tell, the server refuses.
        Opportunity deal;
        deal.name = QStringLiteral("Northwind — Pilot");
        deal.value = 1000;
        deal.currency = QStringLiteral("EUR");
        deal.accountId = QStringLiteral("00000000-0000-4000-8000-000000000000");
        const auto id = app.store.createOpportunity(deal);
        QVERIFY(id);
        app.sync();
        const auto refused = app.store.opportunity(*id);
        QVERIFY(refused);
        QCOMPARE(refused->state, SyncState::Failed);
        QCOMPARE(refused->syncFieldErrors.size(), 1);
        const QString message = refused->syncFieldErrors.constFirst().message;
        QVERIFY(!message.isEmpty());

        QVERIFY(app.select(*id));
        QString accountError, nameError;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<OpportunityDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto close = qScopeGuard([dialog] { dialog->reject(); });
            accountError = dialog->errorText(QStringLiteral("accountId"));
            nameError = dialog->errorText(QStringLiteral("name"));
        });
        app.window->editAction()->trigger();
        // The server's own words, on the account and nowhere else.
        QCOMPARE(accountError, message);
        QCOMPARE(nameError, QString());
    }
};

QTEST_MAIN(TestRefusedFields)
#include "tst_refusedfields.moc"
