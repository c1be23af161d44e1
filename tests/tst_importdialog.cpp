// File ▸ Import CSV…: the dialog over a file (encoding and separator detected, shown and chosen
// again; the preview; the column pickers; the counts and problems; the all-or-nothing choice),
// and what the window writes when it is accepted (the valid rows, one outbox entry each, one
// batch) or cancelled (nothing).
#include "CsvActions.h"
#include "EnglishPlurals.h"
#include "ImportColumnBar.h"
#include "ImportDialog.h"
#include "ImportPreviewModel.h"
#include "ItemRoles.h"
#include "SampleRows.h"
#include "SeededWindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

namespace {

// Deals for the accounts of sampleAccounts(): one row with a bad value, one with the name and
// account of an earlier row (a likely duplicate).
const QByteArray dealsFile = "Deal,Account,Amount,Stage,Zahl\r\n"
                             "Fresh deal,Initech,1000,proposal,10\r\n"
                             "Bad value,Umbrella,abc,proposal,20\r\n"
                             "Fresh deal,Initech,900,prospecting,x\r\n"
                             "Another,Hooli,2500,negotiation,y\r\n";

QList<Account> sampleAccounts()
{
    QList<Account> accounts;
    int n = 0;
    for (const char *name : {"Initech", "Umbrella", "Hooli"}) {
        Account account;
        account.id =
            QStringLiteral("10000000-0000-4000-8000-%1").arg(++n, 12, 10, QLatin1Char('0'));
        account.name = QString::fromLatin1(name);
        accounts.append(account);
    }
    return accounts;
}

// German, `;` separated, in Latin-1: not valid UTF-8.
const QByteArray latin1File = "Name;Kunde;Wert\r\n"
                              "M\xfcller Rahmenvertrag;Initech;1234,5\r\n";

ImportPlan::Context sampleContext()
{
    ImportPlan::Context context;
    for (const OpportunityRow &row : SampleRows::make())
        context.existing.append(row.opportunity);
    context.accounts = sampleAccounts();
    context.locale = QLocale(QLocale::English, QLocale::UnitedStates);
    return context;
}

// As the user picks an entry of a combo box: the current entry changes and it says `activated`.
void pick(QComboBox *box, const QString &text)
{
    QVERIFY(box);
    const int index = box->findText(text);
    QVERIFY2(index >= 0, qPrintable(text));
    box->setCurrentIndex(index);
    emit box->activated(index);
}

int columnOf(const QAbstractItemModel &model, const QString &title)
{
    for (int column = 0; column < model.columnCount(); ++column) {
        if (model.headerData(column, Qt::Horizontal).toString().startsWith(title))
            return column;
    }
    return -1;
}

} // namespace

class TestImportDialog final : public QObject
{
    Q_OBJECT

    EnglishPlurals m_plurals;
    QTemporaryDir m_files;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_files.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    // Runs File ▸ Import CSV… on `path` in the seeded window; `act` gets the dialog (modal).
    void runImport(SeededWindow &seeded, const QString &path,
                   const std::function<void(ImportDialog &)> &act)
    {
        auto *csv = seeded.window->findChild<CsvActions *>();
        QVERIFY(csv);
        csv->setImportPathChooser([path] { return path; });
        QString failure;
        csv->setFailureNotice([&failure](const QString &message) { failure = message; });
        bool shown = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<ImportDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            shown = true;
            act(*dialog);
            if (dialog->isVisible())
                dialog->reject();
        });
        csv->importAction()->trigger();
        QVERIFY(shown);
        QCOMPARE(failure, QString());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCoreApplication::installTranslator(&m_plurals);
        QVERIFY(m_files.isValid());
    }

    void detectionShownAndEncodingChosenAgain()
    {
        const QString path = write(QStringLiteral("latin1.csv"), latin1File);
        ImportDialog dialog(sampleContext());
        QAbstractItemModelTester tester(dialog.previewModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(dialog.open(path).ok());
        QCOMPARE(dialog.encodingBox()->currentIndex(), 0);
        QCOMPARE(dialog.encodingBox()->currentText(), QStringLiteral("Detected: Latin-1"));
        QCOMPARE(dialog.separatorBox()->currentText(), QStringLiteral("Detected: Semicolon (;)"));
        const QAbstractItemModel &model = *dialog.previewModel();
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Müller Rahmenvertrag"));
        QVERIFY(dialog.readErrorLabel()->isHidden());

        // Read as UTF-8 the byte of ü is no letter; as Latin-1 again it is.
        pick(dialog.encodingBox(), QStringLiteral("UTF-8"));
        QVERIFY(model.index(0, 0).data().toString().startsWith(QStringLiteral("M")));
        QVERIFY(!model.index(0, 0).data().toString().contains(QStringLiteral("ü")));
        pick(dialog.encodingBox(), QStringLiteral("Latin-1"));
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Müller Rahmenvertrag"));

        // Another separator reads other columns.
        pick(dialog.separatorBox(), QStringLiteral("Comma (,)"));
        QCOMPARE(model.columnCount(), 2); // the row's "1234,5" splits in two
        QCOMPARE(model.index(0, 0).data().toString(),
                 QStringLiteral("Müller Rahmenvertrag;Initech;1234"));
        pick(dialog.separatorBox(), QStringLiteral("Detected: Semicolon (;)"));
        QCOMPARE(model.columnCount(), 3);
    }

    void utf8DetectedAndLatin1Forced()
    {
        const QString path = write(QStringLiteral("utf8.csv"),
                                   QStringLiteral("Name,Account\nMüller,Initech\n").toUtf8());
        ImportDialog dialog(sampleContext());
        QVERIFY(dialog.open(path).ok());
        QCOMPARE(dialog.encodingBox()->currentText(), QStringLiteral("Detected: UTF-8"));
        QCOMPARE(dialog.separatorBox()->currentText(), QStringLiteral("Detected: Comma (,)"));
        QCOMPARE(dialog.previewModel()->index(0, 0).data().toString(), QStringLiteral("Müller"));
        pick(dialog.encodingBox(), QStringLiteral("Latin-1"));
        QCOMPARE(dialog.previewModel()->index(0, 0).data().toString(), QStringLiteral("MÃ¼ller"));
    }

    void remappingAColumnChangesTheCounts()
    {
        const QString path = write(QStringLiteral("deals.csv"), dealsFile);
        ImportDialog dialog(sampleContext());
        QAbstractItemModelTester tester(dialog.previewModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(dialog.open(path).ok());
        const ImportPreviewModel &model = *dialog.previewModel();
        const int amount = columnOf(model, QStringLiteral("Amount"));
        const int zahl = columnOf(model, QStringLiteral("Zahl"));
        QVERIFY(amount >= 0 && zahl >= 0);
        QCOMPARE(model.headerData(amount, Qt::Horizontal).toString(),
                 QStringLiteral("Amount → value"));
        QCOMPARE(dialog.columnBar()->picker(amount)->currentText(), QStringLiteral("value"));
        QCOMPARE(dialog.countsLabel()->text(),
                 QStringLiteral("3 new, 0 updates, 1 row with errors, 1 likely duplicate"));
        QCOMPARE(model.rowState(1), ImportPreviewModel::RowState::Invalid);
        QCOMPARE(model.rowState(2), ImportPreviewModel::RowState::Duplicate);
        QCOMPARE(dialog.problemList()->count(), 1);
        QVERIFY2(dialog.problemList()->item(0)->text().startsWith(QStringLiteral("line 3, value")),
                 qPrintable(dialog.problemList()->item(0)->text()));
        QCOMPARE(dialog.importButton()->text(), QStringLiteral("&Import 3 valid rows"));

        // "Zahl" fills the value now: its "x" and "y" are not numbers, "abc" is not read.
        pick(dialog.columnBar()->picker(zahl), QStringLiteral("value"));
        QCOMPARE(model.headerData(zahl, Qt::Horizontal).toString(), QStringLiteral("Zahl → value"));
        // The field is taken from the column that had it.
        QCOMPARE(model.headerData(amount, Qt::Horizontal).toString(),
                 QStringLiteral("Amount (not imported)"));
        QCOMPARE(dialog.columnBar()->picker(amount)->currentText(), QStringLiteral("Not imported"));
        QCOMPARE(dialog.countsLabel()->text(),
                 QStringLiteral("2 new, 0 updates, 2 rows with errors, 1 likely duplicate"));
        QCOMPARE(model.rowState(1), ImportPreviewModel::RowState::Valid);
        QCOMPARE(model.rowState(2), ImportPreviewModel::RowState::Invalid);
        QCOMPARE(model.rowState(3), ImportPreviewModel::RowState::Invalid);
        QCOMPARE(dialog.problemList()->count(), 2);
        QCOMPARE(dialog.importButton()->text(), QStringLiteral("&Import 2 valid rows"));

        // "Not imported": no value at all, every row valid.
        pick(dialog.columnBar()->picker(zahl), QStringLiteral("Not imported"));
        QCOMPARE(dialog.countsLabel()->text(),
                 QStringLiteral("4 new, 0 updates, 0 rows with errors, 1 likely duplicate"));
        QCOMPARE(dialog.problemList()->count(), 0);

        // A choice of the user's outlives reading the file again.
        pick(dialog.separatorBox(), QStringLiteral("Comma (,)"));
        QCOMPARE(dialog.columnBar()->picker(amount)->currentText(), QStringLiteral("Not imported"));
        QCOMPARE(dialog.countsLabel()->text(),
                 QStringLiteral("4 new, 0 updates, 0 rows with errors, 1 likely duplicate"));
    }

    void allOrNothingHoldsTheImport()
    {
        const QString path = write(QStringLiteral("deals.csv"), dealsFile);
        ImportDialog dialog(sampleContext());
        QVERIFY(dialog.open(path).ok());
        QVERIFY(!dialog.allOrNothingBox()->isChecked());
        QVERIFY(dialog.importButton()->isEnabled());
        dialog.allOrNothingBox()->setChecked(true);
        QVERIFY(!dialog.importButton()->isEnabled());
        // Once no row has an error the import may go.
        pick(dialog.columnBar()->picker(columnOf(*dialog.previewModel(), QStringLiteral("Amount"))),
             QStringLiteral("Not imported"));
        QVERIFY(dialog.importButton()->isEnabled());
        QCOMPARE(dialog.importButton()->text(), QStringLiteral("&Import 4 valid rows"));
        dialog.allOrNothingBox()->setChecked(false);
        QVERIFY(dialog.importButton()->isEnabled());
    }

    void unreadableFileSaysWhy()
    {
        const QString path =
            write(QStringLiteral("broken.csv"), "Name,Value\n\"Open quote,1\nNext,2\n");
        ImportDialog dialog(sampleContext());
        QVERIFY(dialog.open(path).ok());
        QVERIFY(!dialog.readErrorLabel()->isHidden());
        QVERIFY2(dialog.readErrorLabel()->text().contains(QStringLiteral("2")),
                 qPrintable(dialog.readErrorLabel()->text()));
        QCOMPARE(dialog.readErrorLabel()->textFormat(), Qt::PlainText);
        QCOMPARE(dialog.previewModel()->rowCount(), 0);
        QVERIFY(!dialog.importButton()->isEnabled());
        QVERIFY(!dialog.open(m_files.filePath(QStringLiteral("missing.csv"))).ok());
    }

    void importWritesTheValidRows()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        QVERIFY(seeded.store.storeAccounts(sampleAccounts()).ok());
        const int before = static_cast<int>(seeded.store.opportunities()->size());
        QCOMPARE(seeded.store.outbox()->size(), 0);
        runImport(seeded, write(QStringLiteral("deals.csv"), dealsFile), [](ImportDialog &dialog) {
            QVERIFY(dialog.importButton()->isEnabled());
            dialog.importButton()->click();
        });
        const QList<CachedOpportunity> after = *seeded.store.opportunities();
        QCOMPARE(after.size(), before + 3);
        QStringList names;
        for (const CachedOpportunity &record : after)
            names.append(record.opportunity.name);
        // The likely duplicate is imported too: it is no error.
        QCOMPARE(names.count(QStringLiteral("Fresh deal")), 2);
        QCOMPARE(names.count(QStringLiteral("Another")), 1);
        QVERIFY(!names.contains(QStringLiteral("Bad value")));
        const auto fresh = std::find_if(after.cbegin(), after.cend(), [](const auto &record) {
            return record.opportunity.name == QStringLiteral("Fresh deal") &&
                   record.opportunity.stage == Stage::Proposal;
        });
        QVERIFY(fresh != after.cend());
        QCOMPARE(fresh->opportunity.accountId, sampleAccounts().at(0).id);
        QCOMPARE(fresh->opportunity.value, 1000.0);
        // One create waiting to be sent per deal.
        const QList<OutboxEntry> outbox = *seeded.store.outbox();
        QCOMPARE(outbox.size(), 3);
        for (const OutboxEntry &entry : outbox)
            QCOMPARE(entry.operation, OutboxEntry::Operation::Create);
        QCOMPARE(seeded.window->bannerText(), QStringLiteral("Imported 3 deals (1 row skipped)."));
    }

    void updateByIdChangesTheDeal()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        const QByteArray file =
            "id,name,value\n" + SampleRows::id(3).toLatin1() + ",Acme — Pilot,950\n,Brand new,10\n";
        runImport(seeded, write(QStringLiteral("update.csv"), file), [](ImportDialog &dialog) {
            dialog.updateByIdButton()->click();
            QCOMPARE(dialog.countsLabel()->text(),
                     QStringLiteral("1 new, 1 update, 0 rows with errors, 0 likely duplicates"));
            dialog.importButton()->click();
        });
        QCOMPARE(seeded.store.opportunity(SampleRows::id(3))->opportunity.value, 950.0);
        QCOMPARE(seeded.store.outbox()->size(), 2);
        QCOMPARE(seeded.store.opportunities()->size(), 8);
        QCOMPARE(seeded.window->bannerText(), QStringLiteral("Imported 2 deals."));
    }

    void cancelledImportWritesNothing()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        runImport(seeded, write(QStringLiteral("deals.csv"), dealsFile),
                  [](ImportDialog &dialog) { dialog.reject(); });
        QCOMPARE(seeded.store.opportunities()->size(), 7);
        QCOMPARE(seeded.store.outbox()->size(), 0);
        QVERIFY(!seeded.window->bannerText().contains(QStringLiteral("Imported")));
    }

    void menuOffersImportAndExport()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        auto *csv = seeded.window->findChild<CsvActions *>();
        QVERIFY(csv);
        QVERIFY(csv->importAction()->isEnabled());
        // A read-only key creates nothing: no import either (export still works).
        seeded.window->newAction()->setEnabled(false);
        QVERIFY(!csv->importAction()->isEnabled());
        QVERIFY(csv->exportAction()->isEnabled());
    }
};

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
