// When a deal goes stale: N whole local calendar days without a change in an open stage (N per
// stage, 7/14/14/10 built in, 0 off, closed stages never), counted from local midnight in the
// user's time zone; the one-comparison boundary the models use agrees with the rule at every
// instant; the days survive the profile's settings and garbage there is built in. And the close
// windows a forecast bar filters to: what each holds and what the filter bar calls it.
#include "CloseWindow.h"
#include "LocalZone.h"
#include "StaleRule.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QDate today(2026, 11, 30);

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toUTC();
}

const QList<Stage> openStages = {Stage::Prospecting, Stage::Qualification, Stage::Proposal,
                                 Stage::Negotiation};

} // namespace

Q_DECLARE_METATYPE(CloseWindow)

class TestStaleRule final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void builtInDaysPerOpenStageNoneForClosed()
    {
        const StaleRule rule;
        QCOMPARE(rule.days(Stage::Prospecting), std::optional<int>(7));
        QCOMPARE(rule.days(Stage::Qualification), std::optional<int>(14));
        QCOMPARE(rule.days(Stage::Proposal), std::optional<int>(14));
        QCOMPARE(rule.days(Stage::Negotiation), std::optional<int>(10));
        QCOMPARE(rule.days(Stage::ClosedWon), std::nullopt);
        QCOMPARE(rule.days(Stage::ClosedLost), std::nullopt);
    }

    // Exactly N days is stale, N - 1 is not; days are local calendar days, so the boundary is
    // local midnight: in Tokyo (UTC+9) 15:00 UTC is already the next day.
    void staleFromTheNthLocalDay_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QDateTime>("updatedAt");
        QTest::addColumn<int>("days");
        QTest::addColumn<bool>("stale");
        // Prospecting allows 7 days: changed on 23 November is stale on the 30th.
        QTest::newRow("UTC: 23 Nov, 23:59")
            << QByteArray("UTC") << utc("2026-11-23T23:59:59Z") << 7 << true;
        QTest::newRow("UTC: 24 Nov, 00:00")
            << QByteArray("UTC") << utc("2026-11-24T00:00:00Z") << 6 << false;
        QTest::newRow("Tokyo: 23 Nov, 23:59")
            << QByteArray("Asia/Tokyo") << utc("2026-11-23T14:59:59Z") << 7 << true;
        QTest::newRow("Tokyo: 24 Nov, 00:00")
            << QByteArray("Asia/Tokyo") << utc("2026-11-23T15:00:00Z") << 6 << false;
        QTest::newRow("New York: 23 Nov, 23:59")
            << QByteArray("America/New_York") << utc("2026-11-24T04:59:59Z") << 7 << true;
        QTest::newRow("New York: 24 Nov, 00:00")
            << QByteArray("America/New_York") << utc("2026-11-24T05:00:00Z") << 6 << false;
        QTest::newRow("today") << QByteArray("Europe/Berlin") << utc("2026-11-30T08:00:00Z") << 0
                               << false;
        QTest::newRow("tomorrow") << QByteArray("Europe/Berlin") << utc("2026-12-01T08:00:00Z")
                                  << -1 << false;
        QTest::newRow("long ago") << QByteArray("Europe/Berlin") << utc("2025-11-30T08:00:00Z")
                                  << 365 << true;
    }
    void staleFromTheNthLocalDay()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QDateTime, updatedAt);
        QFETCH(int, days);
        QFETCH(bool, stale);
        const LocalZone local(zone);
        const StaleRule rule;
        QCOMPARE(StaleRule::daysWithoutChange(updatedAt, today), std::optional<int>(days));
        QCOMPARE(rule.isStale(Stage::Prospecting, updatedAt, today), stale);
        const std::optional<qint64> freshSince = rule.freshSinceMs(Stage::Prospecting, today);
        QVERIFY(freshSince);
        QCOMPARE(updatedAt.toMSecsSinceEpoch() < *freshSince, stale);
    }

    void offAndClosedStagesNeverGoStale()
    {
        const QDateTime yearsAgo = utc("2016-01-01T00:00:00Z");
        StaleRule rule;
        rule.setDays(Stage::Proposal, 0);
        QCOMPARE(rule.days(Stage::Proposal), std::nullopt);
        QVERIFY(!rule.isStale(Stage::Proposal, yearsAgo, today));
        QCOMPARE(rule.freshSinceMs(Stage::Proposal, today), std::nullopt);
        // A closed stage keeps none, even when asked to.
        rule.setDays(Stage::ClosedWon, 5);
        for (Stage stage : {Stage::ClosedWon, Stage::ClosedLost}) {
            QCOMPARE(rule.days(stage), std::nullopt);
            QVERIFY(!rule.isStale(stage, yearsAgo, today));
            QCOMPARE(rule.freshSinceMs(stage, today), std::nullopt);
        }
        QVERIFY(rule.isStale(Stage::Negotiation, yearsAgo, today));
        // No time, no verdict.
        QCOMPARE(StaleRule::daysWithoutChange(QDateTime(), today), std::nullopt);
        QVERIFY(!rule.isStale(Stage::Negotiation, QDateTime(), today));
    }

    void daysAreClamped()
    {
        StaleRule rule;
        rule.setDays(Stage::Prospecting, -4);
        rule.setDays(Stage::Qualification, 100000);
        rule.setDays(Stage::Negotiation, 1);
        QCOMPARE(rule.days(Stage::Prospecting), std::nullopt);
        QCOMPARE(rule.days(Stage::Qualification), std::optional<int>(3650));
        QCOMPARE(rule.days(Stage::Negotiation), std::optional<int>(1));
        // One day: yesterday's change is stale today, this morning's is not.
        QVERIFY(
            rule.isStale(Stage::Negotiation, QDateTime(today.addDays(-1), QTime(23, 59)), today));
        QVERIFY(!rule.isStale(Stage::Negotiation, QDateTime(today, QTime(0, 0)), today));
    }

    // The one comparison the models make agrees with the rule at any instant, in zones with and
    // without daylight saving (the window spans the changes in March and October).
    void freshSinceAgreesWithTheRule_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QDate>("day");
        QTest::newRow("UTC") << QByteArray("UTC") << today;
        QTest::newRow("Berlin, after October") << QByteArray("Europe/Berlin") << today;
        QTest::newRow("Berlin, after March") << QByteArray("Europe/Berlin") << QDate(2026, 4, 2);
        QTest::newRow("New York") << QByteArray("America/New_York") << QDate(2026, 3, 12);
        QTest::newRow("Chatham") << QByteArray("Pacific/Chatham") << QDate(2026, 4, 9);
        QTest::newRow("Samoa") << QByteArray("Pacific/Apia") << QDate(2012, 1, 3);
    }
    void freshSinceAgreesWithTheRule()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QDate, day);
        const LocalZone local(zone);
        StaleRule rule;
        rule.setDays(Stage::Proposal, 1);
        // Samoa skipped 30 December 2011: a boundary on a day that never began.
        rule.setDays(Stage::Qualification, 5);
        QRandomGenerator random(42);
        const qint64 dayMs = 24 * 60 * 60 * 1000;
        const qint64 noon = QDateTime(day, QTime(12, 0)).toMSecsSinceEpoch();
        for (Stage stage : openStages) {
            const qint64 freshSince = *rule.freshSinceMs(stage, day);
            for (int i = 0; i < 5000; ++i) {
                // Around the boundary to the second, and anywhere in the last 40 days.
                const qint64 ms = i % 2 == 0
                                      ? freshSince + random.bounded(-7200, 7200) * 1000
                                      : noon - random.bounded(40 * dayMs) + random.bounded(dayMs);
                const QDateTime when = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
                QVERIFY2(rule.isStale(stage, when, day) == (ms < freshSince),
                         qPrintable(when.toString(Qt::ISODateWithMs)));
            }
        }
    }

    // Kept in the profile's settings as stale/<stage id>; what cannot be read is built in.
    void keptInTheProfileSettings()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("settings.ini"));
        StaleRule mine;
        mine.setDays(Stage::Prospecting, 3);
        mine.setDays(Stage::Proposal, 0);
        {
            QSettings settings(path, QSettings::IniFormat);
            mine.write(settings);
        }
        QCOMPARE(StaleRule::read(QSettings(path, QSettings::IniFormat)), mine);
        QVERIFY(StaleRule::read(QSettings(path, QSettings::IniFormat)) != StaleRule());
        {
            QSettings settings(path, QSettings::IniFormat);
            settings.setValue(QStringLiteral("stale/prospecting"), QStringLiteral("lots"));
            settings.setValue(QStringLiteral("stale/qualification"), -2);
            settings.setValue(QStringLiteral("stale/proposal"), 4000);
            settings.setValue(QStringLiteral("stale/negotiation"), QStringLiteral("12"));
            settings.setValue(QStringLiteral("stale/closed_won"), 3);
        }
        const StaleRule read = StaleRule::read(QSettings(path, QSettings::IniFormat));
        QCOMPARE(read.days(Stage::Prospecting), std::optional<int>(7));
        QCOMPARE(read.days(Stage::Qualification), std::optional<int>(14));
        QCOMPARE(read.days(Stage::Proposal), std::optional<int>(14));
        QCOMPARE(read.days(Stage::Negotiation), std::optional<int>(12));
        QCOMPARE(read.days(Stage::ClosedWon), std::nullopt);
        // An empty file is the built-in rule.
        const QString empty = dir.filePath(QStringLiteral("empty.ini"));
        QCOMPARE(StaleRule::read(QSettings(empty, QSettings::IniFormat)), StaleRule());
    }

    void closeWindowsHoldTheirDates_data()
    {
        QTest::addColumn<CloseWindow>("window");
        QTest::addColumn<QDate>("close");
        QTest::addColumn<bool>("contained");
        const CloseWindow any;
        const CloseWindow overdue{CloseWindow::Kind::Overdue, {}, {}};
        const CloseWindow noDate{CloseWindow::Kind::NoDate, {}, {}};
        const CloseWindow december{CloseWindow::Kind::Between, QDate(2026, 12, 1),
                                   QDate(2026, 12, 31)};
        const CloseWindow fromFebruary{CloseWindow::Kind::Between, QDate(2027, 2, 1), {}};
        QTest::newRow("any: a date") << any << today << true;
        QTest::newRow("any: none") << any << QDate() << true;
        QTest::newRow("overdue: yesterday") << overdue << today.addDays(-1) << true;
        QTest::newRow("overdue: today") << overdue << today << false;
        QTest::newRow("overdue: none") << overdue << QDate() << false;
        QTest::newRow("no date: none") << noDate << QDate() << true;
        QTest::newRow("no date: a date") << noDate << today << false;
        QTest::newRow("December: 30 Nov") << december << today << false;
        QTest::newRow("December: 1 Dec") << december << QDate(2026, 12, 1) << true;
        QTest::newRow("December: 31 Dec") << december << QDate(2026, 12, 31) << true;
        QTest::newRow("December: 1 Jan") << december << QDate(2027, 1, 1) << false;
        QTest::newRow("December: none") << december << QDate() << false;
        QTest::newRow("from February: 31 Jan") << fromFebruary << QDate(2027, 1, 31) << false;
        QTest::newRow("from February: 1 Feb") << fromFebruary << QDate(2027, 2, 1) << true;
        QTest::newRow("from February: far on") << fromFebruary << QDate(2099, 1, 1) << true;
        QTest::newRow("from February: none") << fromFebruary << QDate() << false;
    }
    void closeWindowsHoldTheirDates()
    {
        QFETCH(CloseWindow, window);
        QFETCH(QDate, close);
        QFETCH(bool, contained);
        QCOMPARE(window.contains(close, today), contained);
        QCOMPARE(window.contains(CloseWindow::dayOf(close), CloseWindow::dayOf(today)), contained);
    }

    void closeWindowLabels_data()
    {
        QTest::addColumn<CloseWindow>("window");
        QTest::addColumn<QString>("label");
        QTest::newRow("any") << CloseWindow() << QString();
        QTest::newRow("overdue") << CloseWindow{CloseWindow::Kind::Overdue, {}, {}}
                                 << QStringLiteral("Overdue");
        QTest::newRow("no date") << CloseWindow{CloseWindow::Kind::NoDate, {}, {}}
                                 << QStringLiteral("No close date");
        QTest::newRow("a month") << CloseWindow{CloseWindow::Kind::Between, QDate(2026, 7, 1),
                                                QDate(2026, 7, 31)}
                                 << QStringLiteral("Closing in July 2026");
        QTest::newRow("February of a leap year")
            << CloseWindow{CloseWindow::Kind::Between, QDate(2028, 2, 1), QDate(2028, 2, 29)}
            << QStringLiteral("Closing in February 2028");
        // A forecast's "later" bar: from the first of the month after those shown.
        QTest::newRow("after the months")
            << CloseWindow{CloseWindow::Kind::Between, QDate(2027, 1, 1), {}}
            << QStringLiteral("Closing after December 2026");
        QTest::newRow("from a day")
            << CloseWindow{CloseWindow::Kind::Between, QDate(2027, 1, 15), {}}
            << QStringLiteral("Closing from 1/15/27");
        // This month's bar starts today.
        QTest::newRow("rest of a month")
            << CloseWindow{CloseWindow::Kind::Between, QDate(2026, 11, 15), QDate(2026, 11, 30)}
            << QStringLiteral("Closing 11/15/26 to 11/30/26");
    }
    void closeWindowLabels()
    {
        QFETCH(CloseWindow, window);
        QFETCH(QString, label);
        QCOMPARE(window.label(), label);
    }
};

QTEST_GUILESS_MAIN(TestStaleRule)
#include "tst_stalerule.moc"
