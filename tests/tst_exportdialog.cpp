// File ▸ Export CSV…: the deals the list shows (its rows in its order, its visible columns in
// their order, as API fields) or all deals (every field), neutral or as a spreadsheet in the
// user's language reads them, written where the user says; a write that fails says which file
// and why and leaves nothing behind (no half file, an existing file as it was).
#include "CsvActions.h"
#include "CsvReader.h"
#include "EnglishPlurals.h"
#include "ExportDialog.h"
#include "FilterBar.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"
#include "SampleRows.h"
#include "SeededWindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/resource.h>
#endif

namespace {

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TestExportDialog final : public QObject
{
    Q_OBJECT

    EnglishPlurals m_plurals;
    std::unique_ptr<SeededWindow> m_seeded;
    std::unique_ptr<QTemporaryDir> m_out;
    QString m_failure;
    QString m_suggested;

    CsvActions *csv() const { return m_seeded->window->findChild<CsvActions *>(); }

    // Runs File ▸ Export CSV… to `path`; `choose` picks in the dialog before Export is pressed.
    void runExport(const QString &path, const std::function<void(ExportDialog &)> &choose)
    {
        QVERIFY(csv());
        csv()->setExportPathChooser([this, path](const QString &suggested) {
            m_suggested = suggested;
            return path;
        });
        bool shown = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            shown = true;
            choose(*dialog);
            if (dialog->isVisible())
                dialog->accept();
        });
        csv()->exportAction()->trigger();
        QVERIFY(shown);
    }

    // The list shows the two Acme deals, the larger first, with the columns Account, Name,
    // Value, Close date and Stale in that order (the others hidden).
    void showAcmeDeals()
    {
        OpportunityFilter filter;
        filter.setSearch(QStringLiteral("acme"));
        m_seeded->window->filterBar()->setFilter(filter, QStringLiteral("acme"));
        QTableView *list = m_seeded->window->table();
        list->sortByColumn(OpportunityListModel::Value, Qt::DescendingOrder);
        QHeaderView *header = list->horizontalHeader();
        for (int column = 0; column < OpportunityListModel::ColumnCount; ++column)
            header->setSectionHidden(column, true);
        for (int column : {OpportunityListModel::Name, OpportunityListModel::Account,
                           OpportunityListModel::Value, OpportunityListModel::CloseDate,
                           OpportunityListModel::StaleColumn})
            header->setSectionHidden(column, false);
        header->moveSection(header->visualIndex(OpportunityListModel::Account),
                            header->visualIndex(OpportunityListModel::Name));
        QCOMPARE(m_seeded->window->proxy()->rowCount(), 2);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::installTranslator(&m_plurals);
    }

    void init()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_seeded = std::make_unique<SeededWindow>();
        QVERIFY(m_seeded->ok);
        m_out = std::make_unique<QTemporaryDir>();
        QVERIFY(m_out->isValid());
        m_failure.clear();
        QVERIFY(csv());
        csv()->setFailureNotice([this](const QString &message) { m_failure = message; });
    }

    void cleanup()
    {
        m_seeded.reset();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void dialogCountsTheChoices()
    {
        showAcmeDeals();
        const QString path = m_out->filePath(QStringLiteral("shown.csv"));
        runExport(path, [](ExportDialog &dialog) {
            QCOMPARE(dialog.shownButton()->text(), QStringLiteral("The deals &shown (2)"));
            QCOMPARE(dialog.allButton()->text(), QStringLiteral("&All deals (7)"));
            QVERIFY(dialog.shownButton()->isChecked());
            QVERIFY(dialog.neutralButton()->isChecked());
            QCOMPARE(dialog.localeButton()->text(),
                     QStringLiteral("For a s&preadsheet in English"));
            dialog.reject();
        });
        // Cancelled: nothing asked, nothing written.
        QCOMPARE(m_suggested, QString());
        QVERIFY(!QFile::exists(path));
    }

    void exportsTheDealsShown()
    {
        showAcmeDeals();
        const QString path = m_out->filePath(QStringLiteral("shown.csv"));
        runExport(path, [](ExportDialog &dialog) { dialog.shownButton()->click(); });
        QCOMPARE(m_failure, QString());
        QVERIFY(m_suggested.endsWith(QStringLiteral(".csv")));
        const Result<CsvTable> table = CsvReader::read(contents(path));
        QVERIFY2(table.ok(), qPrintable(table.error()));
        QCOMPARE(table->separator, QLatin1Char(','));
        QVERIFY(!table->hadBom);
        // The columns in the list's order; the value with its currency; Stale is no field.
        QCOMPARE(table->header, (QStringList{QStringLiteral("account_name"), QStringLiteral("name"),
                                             QStringLiteral("value"), QStringLiteral("currency"),
                                             QStringLiteral("expected_close_date")}));
        QCOMPARE(table->rows.size(), 2);
        QCOMPARE(table->rows.at(0),
                 (QStringList{QStringLiteral("Account B"), QStringLiteral("Acme — Expansion"),
                              QStringLiteral("250000.00"), QStringLiteral("USD"),
                              QStringLiteral("2026-04-01")}));
        QCOMPARE(table->rows.at(1),
                 (QStringList{QStringLiteral("Account B"), QStringLiteral("Acme — Pilot"),
                              QStringLiteral("900.00"), QStringLiteral("USD"),
                              QStringLiteral("2026-05-20")}));
        QVERIFY2(m_seeded->window->bannerText().startsWith(QStringLiteral("Exported 2 deals to")),
                 qPrintable(m_seeded->window->bannerText()));
    }

    void exportsAllDeals()
    {
        showAcmeDeals();
        const QString path = m_out->filePath(QStringLiteral("all.csv"));
        runExport(path, [](ExportDialog &dialog) { dialog.allButton()->click(); });
        QCOMPARE(m_failure, QString());
        const Result<CsvTable> table = CsvReader::read(contents(path));
        QVERIFY2(table.ok(), qPrintable(table.error()));
        // Every field, whatever the list shows.
        QCOMPARE(
            table->header,
            (QStringList{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("account_id"),
                         QStringLiteral("account_name"), QStringLiteral("lead_id"),
                         QStringLiteral("value"), QStringLiteral("currency"),
                         QStringLiteral("stage"), QStringLiteral("probability"),
                         QStringLiteral("expected_close_date"), QStringLiteral("description"),
                         QStringLiteral("owner_id"), QStringLiteral("is_archived"),
                         QStringLiteral("created_at"), QStringLiteral("updated_at")}));
        // The archived deal too.
        QCOMPARE(table->rows.size(), 7);
        QStringList ids;
        for (const QStringList &row : table->rows)
            ids.append(row.at(0));
        ids.sort();
        QStringList expected;
        for (int n = 1; n <= 7; ++n)
            expected.append(SampleRows::id(n));
        QCOMPARE(ids, expected);
        const auto archived =
            std::find_if(table->rows.cbegin(), table->rows.cend(),
                         [](const QStringList &row) { return row.at(0) == SampleRows::id(6); });
        QCOMPARE(archived->at(1), QStringLiteral("Globex — Old deal"));
        QCOMPARE(archived->at(12), QStringLiteral("true"));
    }

    void exportsForASpreadsheetInGerman()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        showAcmeDeals();
        const QString path = m_out->filePath(QStringLiteral("de.csv"));
        runExport(path, [](ExportDialog &dialog) {
            QCOMPARE(dialog.localeButton()->text(), QStringLiteral("For a s&preadsheet in German"));
            dialog.localeButton()->click();
        });
        QCOMPARE(m_failure, QString());
        const QByteArray bytes = contents(path);
        // Excel reads UTF-8 only after a byte order mark.
        QVERIFY(bytes.startsWith("\xef\xbb\xbf"));
        const Result<CsvTable> table = CsvReader::read(bytes);
        QVERIFY2(table.ok(), qPrintable(table.error()));
        QCOMPARE(table->separator, QLatin1Char(';'));
        QCOMPARE(table->rows.size(), 2);
        QCOMPARE(table->rows.at(1),
                 (QStringList{QStringLiteral("Account B"), QStringLiteral("Acme — Pilot"),
                              QStringLiteral("900,00"), QStringLiteral("USD"),
                              QStringLiteral("20.05.2026")}));
    }

    void unwritablePathSaysWhyAndLeavesNoFile()
    {
        // A folder that is not there.
        const QString missing = m_out->filePath(QStringLiteral("no such folder/deals.csv"));
        runExport(missing, [](ExportDialog &) {});
        QVERIFY2(m_failure.contains(QDir::toNativeSeparators(missing)), qPrintable(m_failure));
        QVERIFY(!QFile::exists(missing));
        QVERIFY(!m_seeded->window->bannerText().contains(QStringLiteral("Exported")));

        // A name taken by a folder.
        m_failure.clear();
        const QString folder = m_out->filePath(QStringLiteral("taken.csv"));
        QVERIFY(QDir().mkpath(folder));
        runExport(folder, [](ExportDialog &) {});
        QVERIFY2(m_failure.contains(QDir::toNativeSeparators(folder)), qPrintable(m_failure));
        QCOMPARE(entries(m_out->path()), QStringList{QStringLiteral("taken.csv")});
        QVERIFY(entries(folder).isEmpty());
    }

#ifdef Q_OS_UNIX
    // The disk fills up while writing (a file size limit stands in for it): the file that was
    // there stays as it was and no partial or temporary file is left.
    void failedWriteLeavesTheOldFile()
    {
        const QString path = m_out->filePath(QStringLiteral("deals.csv"));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old\n");
        }
        const auto previous = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &limit), 0);
        const rlimit saved = limit;
        limit.rlim_cur = 64;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limit), 0);
        runExport(path, [](ExportDialog &dialog) { dialog.allButton()->click(); });
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previous);

        QVERIFY2(m_failure.startsWith(QStringLiteral("The deals could not be saved to %1: ")
                                          .arg(QDir::toNativeSeparators(path))),
                 qPrintable(m_failure));
        QCOMPARE(contents(path), QByteArray("old\n"));
        QCOMPARE(entries(m_out->path()), QStringList{QStringLiteral("deals.csv")});
    }
#endif
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
