// Quick add on the board: a column's "+" opens an inline card (name, value, account) at the top
// of that column; Enter creates the deal in that stage through the LocalStore, with one outbox
// entry, and makes it the board's current card. Invalid input is named under the card and kept;
// Esc, or the focus leaving an empty card, cancels; values read in the user's locale; "More…"
// opens the full dialog prefilled; a read-only key (a real kashew-server's) disables the "+".
#include "BoardView.h"
#include "DetailPanel.h"
#include "MainWindow.h"
#include "OpportunityDialog.h"
#include "QuickAddCard.h"
#include "SeededBoard.h"
#include "ServerProcess.h"
#include "StageColumnProxy.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>

namespace {

const QString globexId = QStringLiteral("1b4e28ba-2fa1-41d2-883f-0016d3cca427");

} // namespace

class TestQuickAdd final : public QObject, private SeededBoard
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        setUpBoard();
        if (QTest::currentTestFailed())
            return;
        Account globex;
        globex.id = globexId;
        globex.name = QStringLiteral("Globex");
        QVERIFY(m_seeded->store.storeAccounts({globex}).ok());
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        m_before = ids();
        QCOMPARE(m_seeded->store.pendingCount(), 0);
    }

    void cleanup() { tearDownBoard(); }

    void plusSaysWhereItAdds()
    {
        QToolButton *plus = m_board->addButton(Stage::Proposal);
        QVERIFY(plus);
        QCOMPARE(plus->toolTip(), QStringLiteral("Add a deal to Proposal"));
        QCOMPARE(plus->accessibleName(), QStringLiteral("Add a deal to Proposal"));
        QVERIFY(plus->isEnabled());
        QCOMPARE(card(), nullptr);
    }

    void enterCreatesTheDealInThatStage()
    {
        QuickAddCard *added = open(Stage::Proposal);
        QVERIFY(added);
        // At the top of the Proposal column, above its cards.
        QCOMPARE(added->parentWidget(), m_board->columnView(Stage::Proposal)->parentWidget());
        QVERIFY(added->geometry().bottom() < m_board->columnView(Stage::Proposal)->y());
        type(QStringLiteral("Initech pilot"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        type(QStringLiteral("12,500.75"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        type(QStringLiteral("Globex"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);

        const QString created = onlyNewDeal();
        QVERIFY(!created.isEmpty());
        const Opportunity deal = m_seeded->store.opportunity(created)->opportunity;
        QCOMPARE(deal.name, QStringLiteral("Initech pilot"));
        QCOMPARE(deal.stage, Stage::Proposal);
        QCOMPARE(deal.value, 12500.75);
        QCOMPARE(deal.currency, QStringLiteral("USD")); // as the full dialog's new deal
        QCOMPARE(deal.probability, 50);                 // the stage's proposal
        QCOMPARE(deal.accountId, globexId);
        const QList<OutboxEntry> outbox = m_seeded->store.outbox().value();
        QCOMPARE(outbox.size(), 1);
        QCOMPARE(outbox.first().opportunityId, created);
        QCOMPARE(outbox.first().operation, OutboxEntry::Operation::Create);
        // The card is gone; the new deal is the board's one current card, shown in the detail.
        QCOMPARE(card(), nullptr);
        QVERIFY(column(Stage::Proposal).contains(created));
        QCOMPARE(m_board->currentId(), created);
        QCOMPARE(m_board->selectedIds(), QStringList{created});
        QCOMPARE(m_window->detail()->currentId(), created);
        QCOMPARE(QApplication::focusWidget(), m_board->columnView(Stage::Proposal));
    }

    void aClosedStageGetsItsProbability()
    {
        // As a move there would: closed won is 100 %, whatever the profile proposes elsewhere.
        QuickAddCard *added = open(Stage::ClosedWon);
        QVERIFY(added);
        type(QStringLiteral("Signed last week"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        const QString created = onlyNewDeal();
        QVERIFY(!created.isEmpty());
        QCOMPARE(m_seeded->store.opportunity(created)->opportunity.stage, Stage::ClosedWon);
        QCOMPARE(m_seeded->store.opportunity(created)->opportunity.probability, 100);
        QCOMPARE(m_seeded->store.opportunity(created)->opportunity.value, 0.0); // none typed
        QCOMPARE(m_board->currentId(), created);
    }

    void invalidInputIsNamedAndKept_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("named");
        QTest::addColumn<int>("focused"); // 0 name, 1 value, 2 account
        QTest::newRow("empty name") << ""
                                    << "100"
                                    << ""
                                    << "Name is required" << 0;
        QTest::newRow("blank name") << "   "
                                    << ""
                                    << "Globex"
                                    << "Name is required" << 0;
        QTest::newRow("no number") << "Deal"
                                   << "lots"
                                   << ""
                                   << "Value must be a number" << 1;
        QTest::newRow("negative") << "Deal"
                                  << "-5"
                                  << ""
                                  << "Value must be zero or more" << 1;
        QTest::newRow("unknown account") << "Deal"
                                         << ""
                                         << "Nobody Inc"
                                         << "Account must be one of the list" << 2;
    }
    void invalidInputIsNamedAndKept()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, account);
        QFETCH(QString, named);
        QFETCH(int, focused);
        QuickAddCard *added = open(Stage::Qualification);
        QVERIFY(added);
        added->nameField()->setText(name);
        added->valueField()->setText(value);
        added->accountField()->setEditText(account);
        added->accountField()->setFocus();
        QTest::keyClick(added->accountField(), Qt::Key_Return);
        QVERIFY2(added->errorText().contains(named), qPrintable(added->errorText()));
        QCOMPARE(card(), added);
        QCOMPARE(ids(), m_before);
        QCOMPARE(m_seeded->store.pendingCount(), 0);
        QCOMPARE(added->nameField()->text(), name);
        QCOMPARE(added->valueField()->text(), value);
        QCOMPARE(added->accountField()->currentText(), account);
        const QList<QWidget *> fields{added->nameField(), added->valueField(),
                                      added->accountField()};
        QCOMPARE(QApplication::focusWidget(), fields.at(focused));

        // Put right, the same card creates it.
        added->nameField()->setText(QStringLiteral("Put right"));
        added->valueField()->setText(QStringLiteral("7"));
        added->accountField()->setEditText(QString());
        QTest::keyClick(added->nameField(), Qt::Key_Enter); // the keypad's Enter too
        const QString created = onlyNewDeal();
        QVERIFY(!created.isEmpty());
        QCOMPARE(m_seeded->store.opportunity(created)->opportunity.stage, Stage::Qualification);
        QCOMPARE(m_seeded->store.opportunity(created)->opportunity.accountId, QString());
        QCOMPARE(card(), nullptr);
    }

    void accountCompletesFromTheCache()
    {
        QuickAddCard *added = open(Stage::Proposal);
        QVERIFY(added);
        type(QStringLiteral("Completed"));
        added->accountField()->setFocus();
        type(QStringLiteral("obe")); // any part of the name, any case
        QAbstractItemView *popup = added->accountField()->completer()->popup();
        QVERIFY(popup->isVisible());
        QCOMPARE(popup->model()->rowCount(), 1);
        QCOMPARE(popup->model()->index(0, 0).data().toString(), QStringLiteral("Globex"));
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return); // picks the completion, creates nothing yet
        QCOMPARE(added->accountField()->currentText(), QStringLiteral("Globex"));
        QCOMPARE(card(), added);
        QTest::keyClick(added->accountField(), Qt::Key_Return);
        const QString created = onlyNewDeal();
        QVERIFY(!created.isEmpty());
        QCOMPARE(m_seeded->store.opportunity(created)->opportunity.accountId, globexId);
        QCOMPARE(m_seeded->store.opportunity(created)->opportunity.accountName,
                 QStringLiteral("Globex"));
    }

    void escapeCancels()
    {
        QuickAddCard *added = open(Stage::Negotiation);
        QVERIFY(added);
        type(QStringLiteral("Half typed"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(card(), nullptr);
        QCOMPARE(ids(), m_before);
        QCOMPARE(m_seeded->store.pendingCount(), 0);
        QCOMPARE(QApplication::focusWidget(), m_board->addButton(Stage::Negotiation));
    }

    void focusLeavingAnEmptyCardCancels()
    {
        QuickAddCard *added = open(Stage::Negotiation);
        QVERIFY(added);
        m_board->columnView(Stage::Prospecting)->setFocus();
        QCOMPARE(card(), nullptr);
        QCOMPARE(ids(), m_before);

        // With something typed it stays, for the rep to come back to.
        added = open(Stage::Negotiation);
        QVERIFY(added);
        type(QStringLiteral("Keep me"));
        m_board->columnView(Stage::Prospecting)->setFocus();
        QCOMPARE(card(), added);
        QCOMPARE(added->nameField()->text(), QStringLiteral("Keep me"));
    }

    void valueReadsInTheUsersLocale()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QuickAddCard *added = open(Stage::Prospecting);
        QVERIFY(added);
        type(QStringLiteral("Hamburg"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        type(QStringLiteral("1.234,50"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        const QString created = onlyNewDeal();
        QVERIFY2(!created.isEmpty(), qPrintable(added->errorText()));
        QCOMPARE(m_seeded->store.opportunity(created)->opportunity.value, 1234.5);
        QCOMPARE(m_seeded->store.opportunity(created)->opportunity.probability, 10);
    }

    void keyboardOnly()
    {
        // From the "+" (Space) through the fields in order (Tab) to Enter, no mouse.
        QToolButton *plus = m_board->addButton(Stage::Negotiation);
        plus->setFocus();
        QCOMPARE(QApplication::focusWidget(), plus);
        QTest::keyClick(plus, Qt::Key_Space);
        QuickAddCard *added = card();
        QVERIFY(added);
        QCOMPARE(QApplication::focusWidget(), added->nameField());
        type(QStringLiteral("By keys"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), added->valueField());
        type(QStringLiteral("900"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), added->accountField());
        type(QStringLiteral("Globex"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), added->moreButton());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(QApplication::focusWidget(), added->accountField());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        const QString created = onlyNewDeal();
        QVERIFY(!created.isEmpty());
        const Opportunity deal = m_seeded->store.opportunity(created)->opportunity;
        QCOMPARE(deal.name, QStringLiteral("By keys"));
        QCOMPARE(deal.value, 900.0);
        QCOMPARE(deal.stage, Stage::Negotiation);
        QCOMPARE(deal.accountId, globexId);
        QCOMPARE(m_board->currentId(), created);
    }

    void moreOpensTheFullDialogPrefilled()
    {
        QuickAddCard *added = open(Stage::Proposal);
        QVERIFY(added);
        added->nameField()->setText(QStringLiteral("Needs a date"));
        added->valueField()->setText(QStringLiteral("2,000"));
        added->accountField()->setEditText(QStringLiteral("globex"));

        // Cancelled, the card keeps what was typed.
        bool asked = false;
        QTimer::singleShot(0, this, [&asked] {
            auto *dialog = qobject_cast<OpportunityDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            asked = true;
            dialog->reject();
        });
        QTest::mouseClick(added->moreButton(), Qt::LeftButton);
        QVERIFY(asked);
        QCOMPARE(card(), added);
        QCOMPARE(added->nameField()->text(), QStringLiteral("Needs a date"));
        QCOMPARE(ids(), m_before);

        // Saved, the deal is created with what the card and the dialog say.
        asked = false;
        QTimer::singleShot(0, this, [&asked] {
            auto *dialog = qobject_cast<OpportunityDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            asked = true;
            QCOMPARE(dialog->nameField()->text(), QStringLiteral("Needs a date"));
            QCOMPARE(dialog->valueField()->text(), QStringLiteral("2,000"));
            QCOMPARE(dialog->currencyField()->currentText(), QStringLiteral("USD"));
            QCOMPARE(dialog->stageField()->currentIndex(), int(Stage::Proposal));
            QCOMPARE(dialog->probabilityField()->value(), 50);
            QCOMPARE(dialog->accountField()->currentText(), QStringLiteral("Globex"));
            dialog->noDateField()->setChecked(false);
            dialog->dateField()->setDate(QDate(2026, 9, 30));
            dialog->buttons()->button(QDialogButtonBox::Save)->click();
        });
        QTest::mouseClick(added->moreButton(), Qt::LeftButton);
        QVERIFY(asked);
        const QString created = onlyNewDeal();
        QVERIFY(!created.isEmpty());
        const Opportunity deal = m_seeded->store.opportunity(created)->opportunity;
        QCOMPARE(deal.name, QStringLiteral("Needs a date"));
        QCOMPARE(deal.value, 2000.0);
        QCOMPARE(deal.stage, Stage::Proposal);
        QCOMPARE(deal.accountId, globexId);
        QCOMPARE(deal.expectedCloseDate, QDate(2026, 9, 30));
        QCOMPARE(m_seeded->store.pendingCount(), 1);
        QCOMPARE(card(), nullptr);
        QCOMPARE(m_board->currentId(), created);
    }

    void readOnlyKeyDisablesThePlus()
    {
        // A server that lets this key read but not write, as the app finds out: by its first
        // write (here a quick-added deal) being refused.
        ServerProcess server;
        QVERIFY(server.start());
        connectReadOnly(server.baseUrl());
        QSignalSpy finished(m_seeded->engine.get(), &SyncEngine::finished);
        m_seeded->engine->syncNow();
        QVERIFY(finished.wait(60000));
        QVERIFY(m_board->addButton(Stage::Proposal)->isEnabled());

        QSignalSpy readOnly(m_seeded->engine.get(), &SyncEngine::readOnlyDetected);
        finished.clear();
        QuickAddCard *added = open(Stage::Proposal);
        QVERIFY(added);
        type(QStringLiteral("Refused upstream"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(card(), nullptr);
        QVERIFY(finished.wait(60000));
        QCOMPARE(readOnly.size(), 1);

        for (Stage stage : Stages::all())
            QVERIFY(!m_board->addButton(stage)->isEnabled());
        QTest::mouseClick(m_board->addButton(Stage::Negotiation), Qt::LeftButton);
        QCOMPARE(card(), nullptr); // nothing opens
    }

private:
    // Clicks the column's "+": the card it opens, focused on its name.
    QuickAddCard *open(Stage stage)
    {
        QTest::mouseClick(m_board->addButton(stage), Qt::LeftButton);
        QuickAddCard *opened = card();
        if (opened && QApplication::focusWidget() != opened->nameField())
            return nullptr;
        return opened;
    }

    // The card shown on the board, if any.
    QuickAddCard *card() const
    {
        const QList<QuickAddCard *> cards = m_board->findChildren<QuickAddCard *>();
        for (QuickAddCard *shown : cards) {
            if (shown->isVisible())
                return shown;
        }
        return nullptr;
    }

    void type(const QString &text) { QTest::keyClicks(QApplication::focusWidget(), text); }

    QStringList ids() const
    {
        QStringList all;
        const QList<CachedOpportunity> records = m_seeded->store.opportunities().value();
        for (const CachedOpportunity &record : records)
            all.append(record.opportunity.id);
        all.sort();
        return all;
    }

    // The id of the one deal created since init(); empty unless exactly one was.
    QString onlyNewDeal() const
    {
        QStringList added = ids();
        for (const QString &id : m_before)
            added.removeOne(id);
        return added.size() == 1 ? added.first() : QString();
    }

    QStringList m_before;
};

QTEST_MAIN(TestQuickAdd)
#include "tst_quickadd.moc"
