// The request budget (issue 16): the hosted API's plans, the one a profile keeps in its settings
// (the free plan for the hosted API and no limit for any other server until the user picks one),
// and the days of writes a bulk change takes; lowered (issue 18) where a 429 showed a smaller
// limit.
#include "BudgetLowering.h"
#include "RequestBudget.h"

#include <QLocale>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

class TestRequestBudget final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void init() { m_path = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_run)); }

    void thePlansFigures()
    {
        using Plan = RequestBudget::Plan;
        const RequestBudget none = RequestBudget::forPlan(Plan::Unlimited);
        QCOMPARE(none.requestsPerHour, 0);
        QCOMPARE(none.writesPerDay, 0);
        QVERIFY(!none.limitsWrites());
        const RequestBudget free = RequestBudget::forPlan(Plan::Free);
        QCOMPARE(free.plan, Plan::Free);
        QCOMPARE(free.requestsPerHour, 100);
        QCOMPARE(free.writesPerDay, 50);
        QVERIFY(free.limitsWrites());
        const RequestBudget largest = RequestBudget::forPlan(Plan::Largest);
        QCOMPARE(largest.requestsPerHour, 2000);
        QCOMPARE(largest.writesPerDay, 1000);
        QCOMPARE(RequestBudget::forPlan(Plan::Custom).plan, Plan::Custom);
    }

    void withNothingStoredTheServerDecides()
    {
        const QSettings settings(m_path, QSettings::IniFormat);
        QCOMPARE(RequestBudget::read(settings, true),
                 RequestBudget::forPlan(RequestBudget::Plan::Free));
        QCOMPARE(RequestBudget::read(settings, false),
                 RequestBudget::forPlan(RequestBudget::Plan::Unlimited));
        // An unknown plan reads as none stored.
        QSettings written(m_path, QSettings::IniFormat);
        written.setValue(QStringLiteral("budget/plan"), QStringLiteral("platinum"));
        QCOMPARE(RequestBudget::read(written, true).plan, RequestBudget::Plan::Free);
        QCOMPARE(RequestBudget::read(written, false).plan, RequestBudget::Plan::Unlimited);
    }

    void aWrittenBudgetReadsBack()
    {
        using Plan = RequestBudget::Plan;
        RequestBudget custom = RequestBudget::forPlan(Plan::Custom);
        custom.requestsPerHour = 300;
        custom.writesPerDay = 120;
        for (const RequestBudget &budget :
             {RequestBudget::forPlan(Plan::Unlimited), RequestBudget::forPlan(Plan::Free),
              RequestBudget::forPlan(Plan::Largest), custom}) {
            {
                QSettings settings(m_path, QSettings::IniFormat);
                budget.write(settings);
            }
            const QSettings settings(m_path, QSettings::IniFormat);
            // Whatever the server: the user's choice stands.
            QCOMPARE(RequestBudget::read(settings, true), budget);
            QCOMPARE(RequestBudget::read(settings, false), budget);
        }
        const QSettings settings(m_path, QSettings::IniFormat);
        QCOMPARE(settings.value(QStringLiteral("budget/plan")).toString(),
                 QStringLiteral("custom"));
        QCOMPARE(settings.value(QStringLiteral("budget/writesPerDay")).toInt(), 120);
        QCOMPARE(settings.value(QStringLiteral("budget/requestsPerHour")).toInt(), 300);
    }

    void aNamedPlanKeepsItsFigures()
    {
        QSettings settings(m_path, QSettings::IniFormat);
        settings.setValue(QStringLiteral("budget/plan"), QStringLiteral("largest"));
        settings.setValue(QStringLiteral("budget/writesPerDay"), 7);
        QCOMPARE(RequestBudget::read(settings, true),
                 RequestBudget::forPlan(RequestBudget::Plan::Largest));
        // A custom figure that is no count is the cautious free one; 0 is no limit.
        settings.setValue(QStringLiteral("budget/plan"), QStringLiteral("custom"));
        settings.setValue(QStringLiteral("budget/writesPerDay"), QStringLiteral("lots"));
        settings.setValue(QStringLiteral("budget/requestsPerHour"), 0);
        const RequestBudget read = RequestBudget::read(settings, false);
        QCOMPARE(read.writesPerDay, 50);
        QCOMPARE(read.requestsPerHour, 0);
        settings.setValue(QStringLiteral("budget/writesPerDay"), -3);
        QCOMPARE(RequestBudget::read(settings, false).writesPerDay, 50);
    }

    void daysOfWrites()
    {
        const RequestBudget free = RequestBudget::forPlan(RequestBudget::Plan::Free);
        QCOMPARE(free.daysFor(200), 4);
        QCOMPARE(free.daysFor(201), 5);
        QCOMPARE(free.daysFor(50), 1);
        QCOMPARE(free.daysFor(1), 1);
        QCOMPARE(free.daysFor(0), 0);
        QCOMPARE(RequestBudget::forPlan(RequestBudget::Plan::Largest).daysFor(2500), 3);
        QCOMPARE(RequestBudget::forPlan(RequestBudget::Plan::Unlimited).daysFor(100000), 0);
    }

    void labels()
    {
        using Plan = RequestBudget::Plan;
        QCOMPARE(RequestBudget::forPlan(Plan::Unlimited).label(), QStringLiteral("No limit"));
        QCOMPARE(RequestBudget::forPlan(Plan::Free).label(),
                 QStringLiteral("Free plan: 100 requests an hour, 50 writes a day"));
        QCOMPARE(RequestBudget::forPlan(Plan::Largest).label(),
                 QStringLiteral("Largest plan: 2,000 requests an hour, 1,000 writes a day"));
        RequestBudget custom = RequestBudget::forPlan(Plan::Custom);
        custom.requestsPerHour = 0;
        custom.writesPerDay = 1500;
        QCOMPARE(custom.label(),
                 QStringLiteral("Custom: any number of requests, 1,500 writes a day"));
    }

    void theHostedApi()
    {
        QVERIFY(RequestBudget::isHostedServer(QUrl(QStringLiteral("https://kashew.ai/api/v1"))));
        QVERIFY(RequestBudget::isHostedServer(QUrl(QStringLiteral("https://eu.KASHEW.ai/api"))));
        QVERIFY(!RequestBudget::isHostedServer(QUrl(QStringLiteral("http://127.0.0.1:8080"))));
        QVERIFY(!RequestBudget::isHostedServer(QUrl(QStringLiteral("https://notkashew.ai/"))));
        QVERIFY(
            !RequestBudget::isHostedServer(QUrl(QStringLiteral("https://kashew.ai.example.com"))));
    }

    // The server refused the 61st request of the hour under a 100-an-hour plan: 60 is the limit
    // from then on, said so, kept across a save, and gone once another plan is chosen. Only a
    // smaller limit lowers; a budget without a limit is never lowered.
    void aRefusalLowersTheBudget()
    {
        using Figure = BudgetLowering::Figure;
        const RequestBudget free = RequestBudget::forPlan(RequestBudget::Plan::Free);
        const auto lowered =
            BudgetLowering::afterRefusal(free, std::nullopt, Figure::RequestsPerHour, 61);
        QVERIFY(lowered);
        QCOMPARE(lowered->applied().requestsPerHour, 60);
        QCOMPARE(lowered->applied().writesPerDay, 50);
        QCOMPARE(lowered->text(),
                 QStringLiteral("lowered to 60 an hour after the server refused the 61st"));
        QCOMPARE(BudgetLowering::fromJson(lowered->toJson()), lowered);
        QVERIFY(lowered->appliesTo(free));
        QVERIFY(!lowered->appliesTo(RequestBudget::forPlan(RequestBudget::Plan::Largest)));

        const auto writes = BudgetLowering::afterRefusal(free, lowered, Figure::WritesPerDay, 13);
        QCOMPARE(writes->applied().requestsPerHour, 60);
        QCOMPARE(writes->applied().writesPerDay, 12);
        QCOMPARE(writes->text(), QStringLiteral("lowered to 60 an hour after the server refused "
                                                "the 61st; lowered to 12 writes a day after the "
                                                "server refused the 13th"));
        // Not smaller than the limit in force: nothing changes.
        QCOMPARE(BudgetLowering::afterRefusal(free, lowered, Figure::RequestsPerHour, 80), lowered);
        QVERIFY(!BudgetLowering::afterRefusal(free, std::nullopt, Figure::RequestsPerHour, 101));
        // At least one request an hour; a 429 with no request counted lowers to one.
        QCOMPARE(BudgetLowering::afterRefusal(free, std::nullopt, Figure::RequestsPerHour, 1)
                     ->applied()
                     .requestsPerHour,
                 1);
        QVERIFY(
            !BudgetLowering::afterRefusal(RequestBudget::forPlan(RequestBudget::Plan::Unlimited),
                                          std::nullopt, Figure::RequestsPerHour, 5));
        // Made under another plan: dropped, and a new one made from the plan chosen now.
        const RequestBudget largest = RequestBudget::forPlan(RequestBudget::Plan::Largest);
        const auto again =
            BudgetLowering::afterRefusal(largest, lowered, Figure::RequestsPerHour, 1500);
        QCOMPARE(again->chosen, largest);
        QCOMPARE(again->applied().requestsPerHour, 1499);
        QCOMPARE(again->applied().writesPerDay, 1000);
        QVERIFY(!BudgetLowering::fromJson(QByteArrayLiteral("{}")));
        QVERIFY(!BudgetLowering::fromJson(QByteArray()));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_run = 0;
};

QTEST_MAIN(TestRequestBudget)
#include "tst_requestbudget.moc"
