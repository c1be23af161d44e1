// The create/edit dialog: each bad field is refused with its message under it; a good record is
// saved (through the main window) to the store and its outbox.
#include "LocalStore.h"
#include "MainWindow.h"
#include "MemoryCredentialStore.h"
#include "OpportunityDialog.h"
#include "OpportunityListModel.h"
#include "Profile.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {

QList<Account> accounts()
{
    Account acme;
    acme.id = QStringLiteral("543d15e7-0000-4000-8000-000000000001");
    acme.name = QStringLiteral("Acme Corp");
    Account globex;
    globex.id = QStringLiteral("543d15e7-0000-4000-8000-000000000002");
    globex.name = QStringLiteral("Globex");
    return {acme, globex};
}

} // namespace

class TestOpportunityDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void refusesEachBadFieldWithItsMessage_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("blank name") << "name"
                                    << "Name is required.";
        QTest::newRow("long name") << "name"
                                   << "Name must be at most 255 characters.";
        QTest::newRow("value not a number") << "value"
                                            << "Value must be a number, such as 50,000.";
        QTest::newRow("negative value") << "value"
                                        << "Value must be zero or more.";
        QTest::newRow("currency")
            << "currency"
            << "Currency must be an ISO 4217 code of three capital letters, such as USD.";
        QTest::newRow("account typed, not chosen")
            << "accountId"
            << "Choose an account from the list, or \"No account\".";
    }
    void refusesEachBadFieldWithItsMessage()
    {
        QFETCH(QString, field);
        QFETCH(QString, message);
        Opportunity start;
        start.name = QStringLiteral("Good");
        OpportunityDialog dialog(start, accounts(), true);
        QPushButton *save = dialog.buttons()->button(QDialogButtonBox::Save);
        QVERIFY(save->isEnabled());
        const QString row = QString::fromLatin1(QTest::currentDataTag());
        if (row == QLatin1String("blank name"))
            dialog.nameField()->setText(QStringLiteral("   "));
        else if (row == QLatin1String("long name"))
            dialog.nameField()->setText(QString(256, QLatin1Char('n')));
        else if (row == QLatin1String("value not a number"))
            dialog.valueField()->setText(QStringLiteral("lots"));
        else if (row == QLatin1String("negative value"))
            dialog.valueField()->setText(QStringLiteral("-5"));
        else if (row == QLatin1String("currency"))
            dialog.currencyField()->setCurrentText(QStringLiteral("dollars"));
        else if (row == QLatin1String("account typed, not chosen"))
            dialog.accountField()->setEditText(QStringLiteral("Initech"));
        QCOMPARE(dialog.errorText(field), message);
        QVERIFY(!save->isEnabled());

        // Shown as the window shows it; every way to say "save" leaves it open and unaccepted.
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QSignalSpy finished(&dialog, &QDialog::finished);
        dialog.open();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(save, Qt::LeftButton);
        save->click();
        QTest::keyClick(dialog.nameField(), Qt::Key_Return); // the default button, if any
        QVERIFY(dialog.isVisible());
        QCOMPARE(accepted.size(), 0);
        QCOMPARE(finished.size(), 0);
        QVERIFY(dialog.result() != int(QDialog::Accepted));
        // The button box's "accepted" (what an enabled Save sends) is checked again too: the
        // form is validated on save, not only when the button is enabled.
        save->setEnabled(true);
        save->click();
        QVERIFY(dialog.isVisible());
        QCOMPARE(accepted.size(), 0);
        QVERIFY(dialog.result() != int(QDialog::Accepted));
        QCOMPARE(dialog.errorText(field), message);
        // Fixed, the same dialog saves: the clicks above would have been seen.
        dialog.nameField()->setText(QStringLiteral("Good"));
        dialog.valueField()->setText(QStringLiteral("5"));
        dialog.currencyField()->setCurrentText(QStringLiteral("USD"));
        dialog.accountField()->setCurrentIndex(0);
        QVERIFY(save->isEnabled());
        save->click();
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
    }

    void probabilityFollowsClosedStages()
    {
        OpportunityDialog dialog(Opportunity{}, accounts(), true);
        dialog.probabilityField()->setValue(40);
        dialog.stageField()->setCurrentIndex(int(Stage::ClosedWon));
        QCOMPARE(dialog.probabilityField()->value(), 100);
        dialog.stageField()->setCurrentIndex(int(Stage::ClosedLost));
        QCOMPARE(dialog.probabilityField()->value(), 0);
    }

    void serverRefusalsLandOnTheirFields()
    {
        OpportunityDialog dialog(Opportunity{}, accounts(), false);
        dialog.showFieldErrors(
            {{QStringLiteral("probability"), QStringLiteral("too high for this stage")}});
        QCOMPARE(dialog.errorText(QStringLiteral("probability")),
                 QStringLiteral("too high for this stage"));
    }

    void savesAGoodRecordToTheStoreAndOutbox()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok);
        QVERIFY(store.storeAccounts(accounts()));
        OpportunityListModel model;
        ApiClient client;
        SyncEngine engine(store, client);
        Profile profile(dir.filePath(QStringLiteral("profile")));
        MemoryCredentialStore credentials;
        MainWindow window({store, model, engine, client, profile, credentials});
        window.setLocalOnly(true);

        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<OpportunityDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->nameField()->setText(QStringLiteral("Acme Corp — Enterprise Deal"));
            dialog->accountField()->setCurrentIndex(
                dialog->accountField()->findText(QStringLiteral("Acme Corp")));
            dialog->stageField()->setCurrentIndex(int(Stage::Proposal));
            dialog->valueField()->setText(QStringLiteral("50,000"));
            dialog->currencyField()->setCurrentText(QStringLiteral("EUR"));
            dialog->probabilityField()->setValue(60);
            dialog->noDateField()->setChecked(false);
            dialog->dateField()->setDate(QDate(2026, 7, 15));
            dialog->descriptionField()->setPlainText(
                QStringLiteral("Enterprise license for 50 seats"));
            dialog->buttons()->button(QDialogButtonBox::Save)->click();
        });
        window.newAction()->trigger();

        const QList<CachedOpportunity> records = store.opportunities();
        QCOMPARE(records.size(), 1);
        const Opportunity &saved = records.first().opportunity;
        QCOMPARE(saved.name, QStringLiteral("Acme Corp — Enterprise Deal"));
        QCOMPARE(saved.accountId, accounts().first().id);
        QCOMPARE(saved.stage, Stage::Proposal);
        QCOMPARE(saved.value, 50000.0);
        QCOMPARE(saved.currency, QStringLiteral("EUR"));
        QCOMPARE(saved.probability, 60);
        QCOMPARE(saved.expectedCloseDate, QDate(2026, 7, 15));
        QCOMPARE(saved.description, QStringLiteral("Enterprise license for 50 seats"));
        QCOMPARE(records.first().state, SyncState::Pending);
        QCOMPARE(store.outbox().size(), 1);
        QCOMPARE(store.outbox().first().operation, OutboxEntry::Operation::Create);
    }
};

QTEST_MAIN(TestOpportunityDialog)
#include "tst_opportunitydialog.moc"
