// The edit dialog's owner: picked from the known people (me first, by name, with avatars) or
// typed (a name, or any id as typed); a new deal proposes me; a refusal of the owner shows on
// the owner field. Through the window, the chosen owner reaches the cache and its outbox.
#include "ItemRoles.h"
#include "LocalStore.h"
#include "MainWindow.h"
#include "OpportunityDialog.h"
#include "OpportunityFilterProxy.h"
#include "SampleRows.h"
#include "SeededWindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

using SampleRows::id;

namespace {

PeopleBook people(const QString &me)
{
    PeopleBook book;
    book.insert({QStringLiteral("ana"), QStringLiteral("Ana Souza"), QString()});
    book.insert({QStringLiteral("ben"), QStringLiteral("Bruno Lima"), QString()});
    book.insert({QStringLiteral("dee"), QStringLiteral("Dee Park"), QString()});
    book.setMeId(me);
    return book;
}

Opportunity dealOf(const QString &owner)
{
    Opportunity o = SampleRows::make().at(0).opportunity;
    o.ownerId = owner;
    return o;
}

QStringList texts(const QComboBox *box)
{
    QStringList texts;
    for (int index = 0; index < box->count(); ++index)
        texts.append(box->itemText(index));
    return texts;
}

void type(QComboBox *box, const QString &text)
{
    box->lineEdit()->selectAll();
    QTest::keyClicks(box->lineEdit(), text);
}

} // namespace

class TestOwnerPicker final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void pickingAPersonSetsTheOwner()
    {
        OpportunityDialog dialog(dealOf(QStringLiteral("ana")), {}, false);
        dialog.setPeople(people(QStringLiteral("ben")));
        QComboBox *owner = dialog.ownerField();
        QCOMPARE(texts(owner),
                 (QStringList{QStringLiteral("Bruno Lima (me)"), QStringLiteral("Ana Souza"),
                              QStringLiteral("Dee Park")}));
        QCOMPARE(owner->currentText(), QStringLiteral("Ana Souza"));
        for (int index = 0; index < owner->count(); ++index)
            QVERIFY(!owner->itemIcon(index).isNull());
        // Unchanged: the owner is not among the changes.
        QVERIFY(!(dialog.changedFields() & OpportunityField::OwnerId));
        owner->setCurrentIndex(owner->findText(QStringLiteral("Dee Park")));
        QCOMPARE(dialog.opportunity().ownerId, QStringLiteral("dee"));
        QVERIFY(dialog.changedFields() & OpportunityField::OwnerId);
        QVERIFY(dialog.buttons()->button(QDialogButtonBox::Save)->isEnabled());
    }

    void aTypedNamePicksItsPersonAnyOtherTextIsAnId_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("owner");
        QTest::newRow("name") << "Dee Park"
                              << "dee";
        QTest::newRow("name in other case") << "bruno lima"
                                            << "ben";
        QTest::newRow("me without the mark") << "Bruno Lima"
                                             << "ben";
        QTest::newRow("me as listed") << "Bruno Lima (me)"
                                      << "ben";
        QTest::newRow("a known id") << "dee"
                                    << "dee";
        QTest::newRow("an unknown id") << "auth0|5f1c9a7e2b"
                                       << "auth0|5f1c9a7e2b";
        QTest::newRow("spaces around") << "  google-oauth2|42  "
                                       << "google-oauth2|42";
    }
    void aTypedNamePicksItsPersonAnyOtherTextIsAnId()
    {
        QFETCH(QString, typed);
        QFETCH(QString, owner);
        OpportunityDialog dialog(dealOf(QStringLiteral("ana")), {}, false);
        dialog.setPeople(people(QStringLiteral("ben")));
        type(dialog.ownerField(), typed);
        QCOMPARE(dialog.ownerField()->currentText(), typed); // kept as typed
        QCOMPARE(dialog.opportunity().ownerId, owner);
        QVERIFY(dialog.buttons()->button(QDialogButtonBox::Save)->isEnabled());
    }

    void anUnknownOwnerStaysAsItIs()
    {
        const QString unknown = QStringLiteral("google-oauth2|104857600123456789012");
        OpportunityDialog dialog(dealOf(unknown), {}, false);
        dialog.setPeople(people(QStringLiteral("ben")));
        QComboBox *owner = dialog.ownerField();
        QCOMPARE(owner->currentText(), PeopleBook::shortenedId(unknown));
        QCOMPARE(owner->itemData(owner->currentIndex(), Qt::ToolTipRole).toString(),
                 PeopleBook().nameWithId(unknown));
        QCOMPARE(dialog.opportunity().ownerId, unknown);
        QVERIFY(!(dialog.changedFields() & OpportunityField::OwnerId));
    }

    void aNewDealProposesMe()
    {
        OpportunityDialog dialog(Opportunity{}, {}, true);
        dialog.setPeople(people(QStringLiteral("ben")));
        QCOMPARE(dialog.ownerField()->currentText(), QStringLiteral("Bruno Lima (me)"));
        QCOMPARE(dialog.opportunity().ownerId, QStringLiteral("ben"));
    }

    void aNewDealWithoutMeLeavesTheOwnerToTheServer()
    {
        OpportunityDialog dialog(Opportunity{}, {}, true);
        dialog.setPeople(people(QString()));
        QCOMPARE(dialog.ownerField()->currentText(), QString());
        QCOMPARE(dialog.ownerField()->count(), 3); // the people are offered all the same
        dialog.nameField()->setText(QStringLiteral("Initech — Pilot"));
        QCOMPARE(dialog.opportunity().ownerId, QString());
        QCOMPARE(dialog.errorText(QStringLiteral("ownerId")), QString());
        QVERIFY(dialog.buttons()->button(QDialogButtonBox::Save)->isEnabled());
    }

    void aDealKeepsAnOwner()
    {
        OpportunityDialog dialog(dealOf(QStringLiteral("ana")), {}, false);
        dialog.setPeople(people(QStringLiteral("ben")));
        dialog.ownerField()->lineEdit()->clear();
        QCOMPARE(dialog.errorText(QStringLiteral("ownerId")),
                 QStringLiteral("Pick an owner, or type their id."));
        QVERIFY(!dialog.buttons()->button(QDialogButtonBox::Save)->isEnabled());
        type(dialog.ownerField(), QStringLiteral("Ana Souza"));
        QCOMPARE(dialog.errorText(QStringLiteral("ownerId")), QString());
        QVERIFY(dialog.buttons()->button(QDialogButtonBox::Save)->isEnabled());
    }

    void aRefusedOwnerShowsOnTheOwnerField()
    {
        OpportunityDialog dialog(dealOf(QStringLiteral("ana")), {}, false);
        dialog.showFieldErrors({{QStringLiteral("ownerId"), QStringLiteral("No such user.")}});
        QCOMPARE(dialog.errorText(QStringLiteral("ownerId")), QStringLiteral("No such user."));
        QCOMPARE(dialog.errorText(QStringLiteral("name")), QString());
    }

    void tabGoesFromTheDateToTheOwnerToTheDescription()
    {
        OpportunityDialog dialog(dealOf(QStringLiteral("ana")), {}, false);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        dialog.noDateField()->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *focused = QApplication::focusWidget();
        QVERIFY(focused == dialog.ownerField() || dialog.ownerField()->isAncestorOf(focused));
        QTest::keyClick(focused, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog.descriptionField());
    }

    // Through the window: the dialog offers the cache's people book; the owner chosen is saved.
    void theChosenOwnerIsSaved()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        QAbstractItemModelTester tester(seeded.window->proxy(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(seeded.store.setLocalPerson(
            {QStringLiteral("ben"), QStringLiteral("Bruno Lima"), QString()}));
        QVERIFY(seeded.store.setLocalMeId(QStringLiteral("cy")));

        // A new deal: me proposed and saved as the owner.
        QString proposed;
        QTimer::singleShot(0, this, [&proposed] {
            auto *dialog = qobject_cast<OpportunityDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            proposed = dialog->ownerField()->currentData().toString();
            dialog->nameField()->setText(QStringLiteral("Initech — Pilot"));
            dialog->buttons()->button(QDialogButtonBox::Save)->click();
            if (dialog->isVisible()) {
                dialog->reject();
                QFAIL("not saved");
            }
        });
        seeded.window->newAction()->trigger();
        QCOMPARE(proposed, QStringLiteral("cy"));
        QString created;
        const Result<QList<CachedOpportunity>> records = seeded.store.opportunities();
        QVERIFY(records);
        for (const CachedOpportunity &record : *records) {
            if (record.opportunity.name == QStringLiteral("Initech — Pilot"))
                created = record.opportunity.ownerId;
        }
        QCOMPARE(created, QStringLiteral("cy"));

        // An edit: a person picked by name becomes the owner, and goes to the server.
        QTableView *table = seeded.window->table();
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, 0).data(ItemRoles::Id).toString() == id(3))
                table->setCurrentIndex(table->model()->index(row, 0));
        }
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<OpportunityDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QComboBox *owner = dialog->ownerField();
            owner->setCurrentIndex(owner->findText(QStringLiteral("Bruno Lima")));
            dialog->buttons()->button(QDialogButtonBox::Save)->click();
            if (dialog->isVisible()) {
                dialog->reject();
                QFAIL(qPrintable(QStringLiteral("not saved: ") + owner->currentText()));
            }
        });
        seeded.window->editAction()->trigger();
        QCOMPARE(seeded.store.opportunity(id(3))->opportunity.ownerId, QStringLiteral("ben"));
        const auto entry = seeded.store.entryFor(id(3));
        QVERIFY(entry);
        QVERIFY(entry->fields & OpportunityField::OwnerId);
    }
};

QTEST_MAIN(TestOwnerPicker)
#include "tst_ownerpicker.moc"
