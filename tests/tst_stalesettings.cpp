// The settings page of stale deals (issue 15): the days per open stage (built in 7, 14, 14, 10;
// 0 shown as "Never"), saved to the profile's settings only when the dialog is accepted, read
// back by a new page and by the window at start; Settings changes the list's marks at once. Saved
// views keep "stale only"; the window's today moves on at local midnight.
#include "DayChangeTimer.h"
#include "ItemRoles.h"
#include "LocalZone.h"
#include "MainWindow.h"
#include "OpportunityListModel.h"
#include "SampleRows.h"
#include "SavedViews.h"
#include "SeededWindow.h"
#include "SettingsDialog.h"
#include "SettingsPageRun.h"
#include "StaleSettingsPage.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace {

QVariant savedDays(const QString &path, const char *stageId)
{
    return QSettings(path, QSettings::IniFormat)
        .value(QStringLiteral("stale/") + QString::fromLatin1(stageId));
}

} // namespace

class TestStaleSettings final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() { m_path = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_run)); }

    void theDaysAreBuiltInUntilSavedAndReadBack()
    {
        StaleSettingsPage page(m_path);
        QCOMPARE(page.daysField(Stage::Prospecting)->value(), 7);
        QCOMPARE(page.daysField(Stage::Qualification)->value(), 14);
        QCOMPARE(page.daysField(Stage::Proposal)->value(), 14);
        QCOMPARE(page.daysField(Stage::Negotiation)->value(), 10);
        QVERIFY(!page.daysField(Stage::ClosedWon));
        QVERIFY(!page.daysField(Stage::ClosedLost));
        QCOMPARE(page.rule(), StaleRule());
        // 0 reads "Never" and turns the stage's rule off.
        page.daysField(Stage::Proposal)->setValue(0);
        QCOMPARE(page.daysField(Stage::Proposal)->text(), QStringLiteral("Never"));
        QTest::keyClick(page.daysField(Stage::Prospecting), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(page.daysField(Stage::Prospecting), QStringLiteral("21"));
        QCOMPARE(page.daysField(Stage::Prospecting)->value(), 21);
        QVERIFY(!page.rule().days(Stage::Proposal));
        QCOMPARE(page.rule().days(Stage::Prospecting), std::optional<int>(21));
        // Nothing is written before the dialog is accepted.
        QVERIFY(!savedDays(m_path, "prospecting").isValid());
        QVERIFY(page.validate());
        QVERIFY(page.save());
        QCOMPARE(savedDays(m_path, "prospecting").toInt(), 21);
        QCOMPARE(savedDays(m_path, "proposal").toInt(), 0);
        QCOMPARE(savedDays(m_path, "negotiation").toInt(), 10);
        StaleSettingsPage again(m_path);
        QCOMPARE(again.daysField(Stage::Prospecting)->value(), 21);
        QCOMPARE(again.daysField(Stage::Proposal)->value(), 0);
        QCOMPARE(again.rule(), page.rule());
    }

    void aFieldWithoutANumberKeepsTheDialogOpen()
    {
        StaleSettingsPage page(m_path);
        QSpinBox *field = page.daysField(Stage::Negotiation);
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(field, Qt::Key_Backspace);
        QVERIFY(!page.validate());
        QVERIFY(!page.errorLabel()->isHidden());
        QVERIFY2(page.errorLabel()->text().startsWith(QStringLiteral("Negotiation:")),
                 qPrintable(page.errorLabel()->text()));
        QTest::keyClicks(field, QStringLiteral("5"));
        QVERIFY(page.validate());
        QVERIFY(page.errorLabel()->isHidden());
        QCOMPARE(page.rule().days(Stage::Negotiation), std::optional<int>(5));
    }

    void aSavedViewKeepsStaleOnly()
    {
        OpportunityFilter filter;
        filter.staleOnly = true;
        filter.closing.kind = CloseWindow::Kind::Overdue;
        const SavedView view = SavedView::of(QStringLiteral("Stuck"), filter, QString(), QString());
        QVERIFY(view.staleOnly);
        SavedViews views;
        QVERIFY(views.add(view));
        {
            QSettings settings(m_path, QSettings::IniFormat);
            views.write(settings);
        }
        const SavedViews read = SavedViews::read(QSettings(m_path, QSettings::IniFormat));
        const auto at = read.indexOf(QStringLiteral("Stuck"));
        QVERIFY(at);
        QCOMPARE(read.at(*at), view);
        // Opened, it asks for stale deals again; the close window was a passing choice.
        QVERIFY(read.at(*at).filter(QString()).staleOnly);
        QVERIFY(read.at(*at).filter(QString()).closing.isAny());
        // A view saved before stale deals had no such key: not stale only, still readable.
        {
            QSettings settings(m_path, QSettings::IniFormat);
            settings.remove(QStringLiteral("savedViews/list/1/staleOnly"));
        }
        const SavedViews older = SavedViews::read(QSettings(m_path, QSettings::IniFormat));
        QVERIFY(older.indexOf(QStringLiteral("Stuck")));
        QVERIFY(!older.at(*older.indexOf(QStringLiteral("Stuck"))).staleOnly);
    }

    void settingsChangeTheListsMarks()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        QAbstractItemModelTester tester(&seeded.model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModel *list = seeded.window->table()->model();
        QAbstractItemModelTester listTester(list,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString path = seeded.profile->settingsPath();
        // The samples last changed in January 2026: every open one is stale by now.
        QVERIFY(!daysMark(seeded.model, 1).isEmpty());
        QCOMPARE(staleMark(*list, 1), daysMark(seeded.model, 1));
        // Cancelled: nothing saved, nothing changes.
        QVERIFY(runSettingsPage<StaleSettingsPage>(
            *seeded.window, [](SettingsDialog &dialog, StaleSettingsPage &page) {
                page.daysField(Stage::Proposal)->setValue(0);
                dialog.reject();
            }));
        QVERIFY(!savedDays(path, "proposal").isValid());
        QCOMPARE(seeded.model.staleRule(), StaleRule());
        // Proposal deals never go stale now: sample 1 loses its mark in the list.
        QVERIFY(runSettingsPage<StaleSettingsPage>(
            *seeded.window, [](SettingsDialog &dialog, StaleSettingsPage &page) {
                QCOMPARE(dialog.pages()->tabText(dialog.pages()->indexOf(&page)),
                         QStringLiteral("Sta&le deals"));
                page.daysField(Stage::Proposal)->setValue(0);
                dialog.accept();
            }));
        QCOMPARE(savedDays(path, "proposal").toInt(), 0);
        QVERIFY(!seeded.model.staleRule().days(Stage::Proposal));
        QCOMPARE(staleMark(*list, 1), QString());
        QCOMPARE(staleMark(*list, 2), daysMark(seeded.model, 2));
        // The next start reads the rule from the profile.
        OpportunityListModel model;
        MainWindow next(MainWindow::Services{seeded.store, model, *seeded.engine, seeded.client,
                                             *seeded.profile, seeded.credentials});
        QCOMPARE(model.staleRule(), seeded.model.staleRule());
    }

    void theListMovesOnAtLocalMidnight()
    {
        const LocalZone local("Europe/Berlin");
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        QAbstractItemModelTester tester(&seeded.model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *timer = seeded.window->findChild<DayChangeTimer *>();
        QVERIFY(timer);
        // 23:30 in Berlin on June 8th: the next look at the clock is just after midnight.
        QDateTime now(QDate(2026, 6, 8), QTime(23, 30));
        timer->setClock([&now] { return now; });
        QCOMPARE(timer->interval(), 30 * 60 * 1000 + 1000);
        seeded.model.setToday(QDate(2026, 6, 8));
        // Sample 3 (prospecting, 7 days) last changed on June 1st: 7 days, stale; set to have
        // changed on June 2nd, 6 days: fresh until midnight.
        OpportunityRow row = seeded.model.rowAt(seeded.model.rowOf(SampleRows::id(3)));
        row.opportunity.updatedAt = QDateTime(QDate(2026, 6, 2), QTime(9, 0));
        seeded.model.upsertRows({row});
        const int at = seeded.model.rowOf(SampleRows::id(3));
        QVERIFY(!seeded.model.isStaleAt(at));
        // Still the same day: a today the model was given is left as it is.
        now = QDateTime(QDate(2026, 6, 8), QTime(23, 59));
        timer->check();
        QCOMPARE(seeded.model.today(), QDate(2026, 6, 8));
        QSignalSpy changed(&seeded.model, &OpportunityListModel::staleRuleChanged);
        now = QDateTime(QDate(2026, 6, 9), QTime(0, 0, 1));
        timer->check();
        QCOMPARE(seeded.model.today(), QDate(2026, 6, 9));
        QCOMPARE(changed.count(), 1);
        QVERIFY(seeded.model.isStaleAt(at));
        // In the middle of a day it looks again within the hour.
        now = QDateTime(QDate(2026, 6, 9), QTime(10, 0));
        timer->check();
        QCOMPARE(timer->interval(), 60 * 60 * 1000);
    }

private:
    // The days without a change of sample row n, as the Stale column words them.
    static QString daysMark(const OpportunityListModel &model, int n)
    {
        const std::optional<int> days = model.daysWithoutChange(model.rowOf(SampleRows::id(n)));
        return days ? OpportunityListModel::tr("%n day(s)", nullptr, *days) : QString();
    }

    // What the list shows in the Stale column for sample row n.
    static QString staleMark(const QAbstractItemModel &list, int n)
    {
        for (int row = 0; row < list.rowCount(); ++row) {
            const QModelIndex cell = list.index(row, OpportunityListModel::StaleColumn);
            if (cell.data(ItemRoles::Id).toString() == SampleRows::id(n))
                return cell.data().toString();
        }
        return QStringLiteral("(not listed)");
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_run = 0;
};

QTEST_MAIN(TestStaleSettings)
#include "tst_stalesettings.moc"
