// The create/edit dialog: each bad field is refused with its message under it; a good record is
// saved (through the main window) to the store and its outbox.
#include "LocalStore.h"
#include "MainWindow.h"
#include "MemoryCredentialStore.h"
#include "OpportunityDialog.h"
#include "OpportunityListModel.h"
#include "Profile.h"
#include "StageProbabilities.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
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

    // Type a few letters, Down, Enter: the completion is the account, at once, and the Enter
    // that picked it does not also save the dialog.
    void accountPickedFromTheCompleterIsAccepted()
    {
        Opportunity start;
        start.name = QStringLiteral("Good");
        OpportunityDialog dialog(start, accounts(), true);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QComboBox *account = dialog.accountField();
        account->setFocus();
        account->lineEdit()->selectAll();
        QTest::keyClicks(account->lineEdit(), QStringLiteral("glo"));
        QAbstractItemView *popup = account->completer()->popup();
        QTRY_VERIFY(popup->isVisible());
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return);
        QVERIFY(!popup->isVisible());
        QCOMPARE(account->currentText(), QStringLiteral("Globex"));
        QCOMPARE(dialog.errorText(QStringLiteral("accountId")), QString());
        QCOMPARE(dialog.opportunity().accountId, accounts().at(1).id);
        QVERIFY(dialog.buttons()->button(QDialogButtonBox::Save)->isEnabled());
        QVERIFY(dialog.isVisible());
        QCOMPARE(accepted.size(), 0);
    }

    // Typed as a user types it: the figure stays what was typed and is refused, by name.
    void probabilityOutOfRangeIsRefusedNotCut_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("value");
        QTest::newRow("over 100") << "150" << 150;
        QTest::newRow("negative") << "-5" << -5;
    }
    void probabilityOutOfRangeIsRefusedNotCut()
    {
        QFETCH(QString, typed);
        QFETCH(int, value);
        Opportunity start;
        start.name = QStringLiteral("Good");
        OpportunityDialog dialog(start, accounts(), true);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSpinBox *probability = dialog.probabilityField();
        probability->setFocus();
        probability->selectAll();
        QTest::keyClicks(probability, typed);
        QCOMPARE(probability->value(), value);
        QCOMPARE(dialog.errorText(QStringLiteral("probability")),
                 QStringLiteral("Probability must be a whole number from 0 to 100."));
        QVERIFY(!dialog.buttons()->button(QDialogButtonBox::Save)->isEnabled());
        probability->selectAll();
        QTest::keyClicks(probability, QStringLiteral("15"));
        QCOMPARE(dialog.errorText(QStringLiteral("probability")), QString());
        QCOMPARE(dialog.opportunity().probability, 15);
    }

    // Every label names its field with the mnemonic underlined, never a literal "&", and
    // Alt+letter goes to the field.
    void labelsShowTheirMnemonic()
    {
        OpportunityDialog dialog(Opportunity{}, accounts(), true);
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
        int withMnemonic = 0;
        for (const QLabel *label : labels) {
            if (!label->text().contains(QLatin1Char('&')))
                continue;
            ++withMnemonic;
            QVERIFY2(label->buddy(), qPrintable(label->text()));
        }
        QCOMPARE(withMnemonic, 8);
        // One key, one widget: the labels' mnemonics and the buttons' differ, here and under the
        // desktop themes that name the buttons "&Save" and "&Cancel" (GNOME, KDE).
        QSet<QChar> letters{QLatin1Char('s'), QLatin1Char('c')};
        const QList<QAbstractButton *> buttons = dialog.findChildren<QAbstractButton *>();
        QStringList texts;
        for (const QLabel *label : labels)
            texts.append(label->text());
        for (const QAbstractButton *button : buttons)
            texts.append(button->text());
        for (const QString &text : std::as_const(texts)) {
            const qsizetype amp = text.indexOf(QLatin1Char('&'));
            if (amp < 0 || amp + 1 >= text.size())
                continue;
            const QChar letter = text.at(amp + 1).toLower();
            if (text == QLatin1String("&Save") || text == QLatin1String("&Cancel"))
                continue; // counted above
            QVERIFY2(!letters.contains(letter), qPrintable(texts.join(QLatin1Char('|'))));
            letters.insert(letter);
        }
        const QList<QPair<Qt::Key, QWidget *>> keys{
            {Qt::Key_N, dialog.nameField()},        {Qt::Key_A, dialog.accountField()},
            {Qt::Key_T, dialog.stageField()},       {Qt::Key_V, dialog.valueField()},
            {Qt::Key_P, dialog.probabilityField()}, {Qt::Key_O, dialog.dateField()},
            {Qt::Key_D, dialog.descriptionField()}, {Qt::Key_W, dialog.ownerField()}};
        dialog.noDateField()->setChecked(false);
        for (const auto &[key, field] : keys) {
            QTest::keyClick(&dialog, key, Qt::AltModifier);
            QWidget *focused = QApplication::focusWidget();
            QVERIFY2(focused == field || field->isAncestorOf(focused),
                     qPrintable(QKeySequence(key).toString()));
        }
        // With no date ("None" ticked, the date off), Alt+O goes to "None", and leaves it ticked.
        dialog.nameField()->setFocus();
        dialog.noDateField()->setChecked(true);
        QTest::keyClick(&dialog, Qt::Key_O, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), dialog.noDateField());
        QVERIFY(dialog.noDateField()->isChecked());
        // Tab still walks the fields in order: the date row is no stop of its own.
        QList<QWidget *> stops;
        dialog.nameField()->setFocus();
        for (int i = 0; i < 12; ++i) {
            stops.append(QApplication::focusWidget());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        QVERIFY(stops.contains(dialog.noDateField()));
        QVERIFY(stops.indexOf(dialog.noDateField()) > stops.indexOf(dialog.probabilityField()));
        QVERIFY(stops.indexOf(dialog.noDateField()) < stops.indexOf(dialog.descriptionField()));
    }

    // A stage proposes its probability: the closed ones by rule, the open ones the user's
    // figure; a probability the user typed stays.
    void stageProposesItsProbability()
    {
        StageProbabilities mine;
        mine.setProposed(Stage::Proposal, 40);
        OpportunityDialog dialog(Opportunity{}, accounts(), true);
        dialog.setStageProbabilities(mine);
        QSpinBox *probability = dialog.probabilityField();
        dialog.stageField()->setCurrentIndex(int(Stage::Qualification));
        QCOMPARE(probability->value(), 25);
        dialog.stageField()->setCurrentIndex(int(Stage::Proposal));
        QCOMPARE(probability->value(), 40);
        dialog.stageField()->setCurrentIndex(int(Stage::Negotiation));
        QCOMPARE(probability->value(), 75);
        dialog.stageField()->setCurrentIndex(int(Stage::ClosedWon));
        QCOMPARE(probability->value(), 100);
        dialog.stageField()->setCurrentIndex(int(Stage::ClosedLost));
        QCOMPARE(probability->value(), 0);
        dialog.stageField()->setCurrentIndex(int(Stage::Prospecting));
        QCOMPARE(probability->value(), 10);

        // Typed: kept across open stages.
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        probability->setFocus();
        probability->selectAll();
        QTest::keyClicks(probability, QStringLiteral("35"));
        dialog.stageField()->setCurrentIndex(int(Stage::Negotiation));
        QCOMPARE(probability->value(), 35);
        dialog.stageField()->setCurrentIndex(int(Stage::ClosedWon));
        QCOMPARE(probability->value(), 100);
        dialog.stageField()->setCurrentIndex(int(Stage::Proposal));
        QCOMPARE(probability->value(), 35);
        QCOMPARE(dialog.opportunity().probability, 35);
    }

    // An error line coming and going moves nothing: the fields keep their places and the
    // dialog its size.
    void errorsDoNotMoveTheForm()
    {
        Opportunity start;
        start.name = QStringLiteral("Good");
        OpportunityDialog dialog(start, accounts(), true);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QList<QWidget *> fields{dialog.nameField(),        dialog.accountField(),
                                      dialog.stageField(),       dialog.valueField(),
                                      dialog.probabilityField(), dialog.dateField(),
                                      dialog.descriptionField(), dialog.buttons()};
        const auto places = [&] {
            QApplication::processEvents();
            QList<QRect> rects{QRect(QPoint(), dialog.size())};
            for (QWidget *field : fields)
                rects.append(QRect(field->mapTo(&dialog, QPoint()), field->size()));
            return rects;
        };
        const QList<QRect> before = places();
        dialog.nameField()->clear();
        dialog.valueField()->setText(QStringLiteral("lots"));
        dialog.currencyField()->setCurrentText(QStringLiteral("dollars"));
        dialog.probabilityField()->setValue(150);
        QVERIFY(!dialog.errorText(QStringLiteral("name")).isEmpty());
        QVERIFY(!dialog.errorText(QStringLiteral("probability")).isEmpty());
        QCOMPARE(places(), before);
        dialog.nameField()->setText(QStringLiteral("Good"));
        dialog.valueField()->setText(QStringLiteral("5"));
        dialog.currencyField()->setCurrentText(QStringLiteral("USD"));
        dialog.probabilityField()->setValue(50);
        QCOMPARE(dialog.errorText(QStringLiteral("name")), QString());
        QCOMPARE(places(), before);
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

    // A record as a server sent it, with values the form could not show or kashew would refuse
    // from a user: the fields the user does not touch stay exactly as they were, unvalidated.
    void untouchedFieldsStayAsTheServerSentThem()
    {
        Opportunity odd;
        odd.id = QStringLiteral("9854b730-41aa-4152-9296-c896c1ff00c0");
        odd.name = QString(300, QLatin1Char('n'));
        odd.accountId = QStringLiteral("acct-7");
        odd.accountName = QStringLiteral("Acme Corp (old)");
        odd.leadId = QStringLiteral("L-42");
        odd.value = 0.125;
        odd.currency = QStringLiteral("usd");
        odd.stage = Stage::Proposal;
        odd.probability = 150;
        odd.expectedCloseDate = QDate(1700, 1, 1);
        odd.description = QStringLiteral("as sent");
        OpportunityDialog dialog(odd, accounts(), false);
        QPushButton *save = dialog.buttons()->button(QDialogButtonBox::Save);
        QVERIFY(save->isEnabled());
        QCOMPARE(dialog.opportunity(), odd);
        QCOMPARE(dialog.changedFields(), OpportunityFields());

        dialog.stageField()->setCurrentIndex(int(Stage::Negotiation));
        QCOMPARE(dialog.changedFields(), OpportunityField::Stage | OpportunityField::Probability);
        QVERIFY(save->isEnabled());
        dialog.stageField()->setCurrentIndex(int(Stage::Proposal));
        QCOMPARE(dialog.changedFields(), OpportunityFields());

        dialog.nameField()->setText(QStringLiteral("Acme — Pilot"));
        QCOMPARE(dialog.changedFields(), OpportunityFields(OpportunityField::Name));
        QVERIFY(save->isEnabled());
        Opportunity expected = odd;
        expected.name = QStringLiteral("Acme — Pilot");
        QCOMPARE(dialog.opportunity(), expected);

        // What the user changes is still checked.
        dialog.currencyField()->setCurrentText(QStringLiteral("euro"));
        QVERIFY(!dialog.errorText(QStringLiteral("currency")).isEmpty());
        QVERIFY(!save->isEnabled());
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

        const QList<CachedOpportunity> records = store.opportunities().value();
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
        QCOMPARE(store.outbox()->size(), 1);
        QCOMPARE(store.outbox()->first().operation, OutboxEntry::Operation::Create);
    }
};

QTEST_MAIN(TestOpportunityDialog)
#include "tst_opportunitydialog.moc"
