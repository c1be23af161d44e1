// The settings page of the request budget (issue 16): the plan (No limit, Free, Largest, Custom
// with figures of one's own), the free plan for the hosted API and no limit for other servers
// until one is picked, saved to the profile's settings only when the dialog is accepted and read
// back by a new page.
#include "BudgetSettingsPage.h"
#include "SeededWindow.h"
#include "SettingsDialog.h"
#include "SettingsPageRun.h"

#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

namespace {

int planIndex(const QComboBox &box, RequestBudget::Plan plan)
{
    return box.findData(static_cast<int>(plan));
}

} // namespace

class TestBudgetSettings final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init() { m_path = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_run)); }

    void thePlanDependsOnTheServerUntilPicked()
    {
        using Plan = RequestBudget::Plan;
        const BudgetSettingsPage hosted(m_path, true);
        QCOMPARE(hosted.planField()->currentText(), QStringLiteral("Free"));
        QCOMPARE(hosted.requestsField()->value(), 100);
        QCOMPARE(hosted.writesField()->value(), 50);
        // A plan's figures are the plan's: shown, not typed.
        QVERIFY(!hosted.writesField()->isEnabled());
        QCOMPARE(hosted.budget(), RequestBudget::forPlan(Plan::Free));
        const BudgetSettingsPage other(m_path, false);
        QCOMPARE(other.planField()->currentText(), QStringLiteral("No limit"));
        QCOMPARE(other.writesField()->text(), QStringLiteral("No limit"));
        QCOMPARE(other.budget(), RequestBudget::forPlan(Plan::Unlimited));
        QStringList plans;
        for (int index = 0; index < other.planField()->count(); ++index)
            plans.append(other.planField()->itemText(index));
        QCOMPARE(plans, (QStringList{QStringLiteral("No limit"), QStringLiteral("Free"),
                                     QStringLiteral("Largest"), QStringLiteral("Custom")}));
    }

    void aCustomPlanSavesAndReloads()
    {
        using Plan = RequestBudget::Plan;
        BudgetSettingsPage page(m_path, true);
        page.planField()->setCurrentIndex(planIndex(*page.planField(), Plan::Largest));
        QCOMPARE(page.requestsField()->value(), 2000);
        QCOMPARE(page.writesField()->value(), 1000);
        // Custom starts from the figures shown and lets them be typed.
        page.planField()->setCurrentIndex(planIndex(*page.planField(), Plan::Custom));
        QVERIFY(page.writesField()->isEnabled());
        QVERIFY(page.requestsField()->isEnabled());
        QCOMPARE(page.writesField()->value(), 1000);
        QTest::keyClick(page.writesField(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(page.writesField(), QStringLiteral("120"));
        page.requestsField()->setValue(0);
        QCOMPARE(page.requestsField()->text(), QStringLiteral("No limit"));
        QVERIFY(page.validate());
        // Nothing is written before save().
        QVERIFY(!QSettings(m_path, QSettings::IniFormat).contains(QStringLiteral("budget/plan")));
        QVERIFY(page.save());
        RequestBudget expected = RequestBudget::forPlan(Plan::Custom);
        expected.requestsPerHour = 0;
        expected.writesPerDay = 120;
        QCOMPARE(RequestBudget::read(QSettings(m_path, QSettings::IniFormat), true), expected);
        const BudgetSettingsPage again(m_path, true);
        QCOMPARE(again.planField()->currentText(), QStringLiteral("Custom"));
        QCOMPARE(again.writesField()->value(), 120);
        QCOMPARE(again.budget(), expected);
        // The choice stands whatever the server.
        QCOMPARE(BudgetSettingsPage(m_path, false).budget(), expected);
    }

    void aFigureWithoutANumberKeepsTheDialogOpen()
    {
        BudgetSettingsPage page(m_path, false);
        page.planField()->setCurrentIndex(
            planIndex(*page.planField(), RequestBudget::Plan::Custom));
        QTest::keyClick(page.writesField(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(page.writesField(), Qt::Key_Backspace);
        QVERIFY(!page.validate());
        QVERIFY(!page.errorLabel()->isHidden());
        QTest::keyClicks(page.writesField(), QStringLiteral("75"));
        QVERIFY(page.validate());
        QVERIFY(page.errorLabel()->isHidden());
        QCOMPARE(page.budget().writesPerDay, 75);
    }

    void theWindowsSettingsHaveTheBudget()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        const QString path = seeded.profile->settingsPath();
        // Cancelled: nothing saved.
        QVERIFY(runSettingsPage<BudgetSettingsPage>(
            *seeded.window, [](SettingsDialog &dialog, BudgetSettingsPage &page) {
                QCOMPARE(dialog.pages()->tabText(dialog.pages()->indexOf(&page)),
                         QStringLiteral("&Budget"));
                // The profile names no server: the hosted API, the free plan.
                QCOMPARE(page.planField()->currentText(), QStringLiteral("Free"));
                page.planField()->setCurrentIndex(
                    planIndex(*page.planField(), RequestBudget::Plan::Largest));
                dialog.reject();
            }));
        QVERIFY(!QSettings(path, QSettings::IniFormat).contains(QStringLiteral("budget/plan")));
        QVERIFY(runSettingsPage<BudgetSettingsPage>(
            *seeded.window, [](SettingsDialog &dialog, BudgetSettingsPage &page) {
                page.planField()->setCurrentIndex(
                    planIndex(*page.planField(), RequestBudget::Plan::Largest));
                dialog.accept();
            }));
        QCOMPARE(RequestBudget::read(QSettings(path, QSettings::IniFormat), true),
                 RequestBudget::forPlan(RequestBudget::Plan::Largest));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_run = 0;
};

QTEST_MAIN(TestBudgetSettings)
#include "tst_budgetsettings.moc"
