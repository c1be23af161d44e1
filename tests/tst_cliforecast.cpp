// `kashew forecast` and stale deals in `kashew list` / `show` (issue 15), by the real binary on a
// cache of hand-made deals whose dates are relative to today, so the expected months follow the
// calendar: the figures of text and JSON (month boundaries, overdue, no date, later, archived
// and closed deals left out, a currency without a rate told, --weighted, --by owner,
// --currency, --months), won and lost per month with the win rate, the bad options' errors and
// exit code, and `list --stale` by the stale rule of the profile's settings.
#include "CliRun.h"
#include "CurrencyRates.h"
#include "LocalStore.h"
#include "LocalZone.h"
#include "Profile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

const QUrl server(u"http://127.0.0.1:9/api/v1"_s);
const QString anaId = u"auth0|ana"_s;
const QString benId = u"auth0|ben"_s;
// A figure where no deal counts.
const QString none = u"-"_s;

// Runs the real `kashew` binary on the profile, with a server that is never asked, and figures
// written as en_US writes them whatever the machine's locale.
CliRun kashew(const QString &profile, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"LC_ALL"_s, u"en_US.UTF-8"_s);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(KASHEW_CLI_PATH),
                  QStringList{u"--profile"_s, profile, u"--server"_s, server.toString()} +
                      arguments);
    if (!process.waitForFinished(60000))
        process.kill();
    return CliRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                  QString::fromUtf8(process.readAllStandardOutput()),
                  QString::fromUtf8(process.readAllStandardError()), QString()};
}

// An amount as a table cell: en_US figures, a no-break space, the code.
QString money(const char *figures, const char *currency = "EUR")
{
    return QString::fromLatin1(figures) + QChar(0x00a0) + QString::fromLatin1(currency);
}

QDate today()
{
    return QDate::currentDate();
}

// The first day of the month `offset` months from today's.
QDate month(int offset)
{
    return QDate(today().year(), today().month(), 1).addMonths(offset);
}

QString monthText(int offset)
{
    return month(offset).toString(u"yyyy-MM"_s);
}

// Changed at noon, local time, `daysAgo` calendar days before today.
QDateTime changed(int daysAgo)
{
    return QDateTime(today().addDays(-daysAgo), QTime(12, 0));
}

// A deal named as its id.
Opportunity deal(const QString &id, Stage stage, double value, const QString &currency,
                 int probability, const QDate &close, const QString &owner,
                 const QDateTime &updated, bool archived = false)
{
    Opportunity o;
    o.id = o.name = id;
    o.stage = stage;
    o.value = value;
    o.currency = currency;
    o.probability = probability;
    o.expectedCloseDate = close;
    o.ownerId = owner;
    o.createdAt = o.updatedAt = updated;
    o.isArchived = archived;
    return o;
}

// Open deals: EUR unless said; 1 USD = 0.5 EUR; CHF has no rate.
QList<Opportunity> deals()
{
    const QDate t = today();
    // Just past this month's local midnight: this month, however late the test runs.
    const QDateTime thisMonth = month(0).startOfDay().addSecs(30);
    const QString eur = u"EUR"_s;
    return {
        // Closing today: this month, not overdue. Stale: 7 days in prospecting (7 allowed).
        deal(u"a-today"_s, Stage::Prospecting, 1000, eur, 10, t, anaId, changed(7)),
        // Closing yesterday: overdue. 13 days in qualification (14 allowed): fresh.
        deal(u"b-overdue"_s, Stage::Qualification, 2000, eur, 25, t.addDays(-1), benId,
             changed(13)),
        // The last day of this month. Stale: 30 days in proposal.
        deal(u"c-monthend"_s, Stage::Proposal, 4000, eur, 50, month(1).addDays(-1), anaId,
             changed(30)),
        // The first day of next month. 5 days in negotiation: stale by the profile's 3.
        deal(u"d-nextmonth"_s, Stage::Negotiation, 8000, eur, 75, month(1), QString(), changed(5)),
        // The last day of the sixth month shown, and the first day after them.
        deal(u"e-lastmonth"_s, Stage::Negotiation, 100, eur, 20, month(6).addDays(-1), benId,
             changed(0)),
        deal(u"e-later"_s, Stage::Proposal, 500, eur, 50, month(6), benId, changed(0)),
        deal(u"f-nodate"_s, Stage::Prospecting, 300, eur, 10, QDate(), benId, changed(6)),
        deal(u"g-archived"_s, Stage::Proposal, 10000, eur, 50, t, anaId, changed(40), true),
        deal(u"l-usd"_s, Stage::Negotiation, 1000, u"USD"_s, 60, month(1), QString(), changed(0)),
        deal(u"k-chf"_s, Stage::Proposal, 12000, u"CHF"_s, 50, month(2), anaId, changed(0)),
        deal(u"k2-chf"_s, Stage::Qualification, 3000, u"CHF"_s, 25, month(3), benId, changed(0)),
        // Closed: never in the forecast (though closing today), by their last change in won
        // and lost; archived ones too.
        deal(u"h-won"_s, Stage::ClosedWon, 5000, eur, 100, t, anaId, thisMonth),
        deal(u"i-lost"_s, Stage::ClosedLost, 1000, eur, 0, t, benId, thisMonth),
        deal(u"w-won-archived"_s, Stage::ClosedWon, 2000, eur, 100, t, anaId, thisMonth, true),
        deal(u"y-won-chf"_s, Stage::ClosedWon, 700, u"CHF"_s, 100, t, anaId, thisMonth),
        deal(u"j-won-lastmonth"_s, Stage::ClosedWon, 2000, eur, 100, t, anaId,
             QDateTime(month(-1).addDays(14), QTime(12, 0))),
        // A minute before this month's local midnight: last month.
        deal(u"z-lost-lastmonth"_s, Stage::ClosedLost, 100, eur, 0, t, benId,
             month(0).startOfDay().addSecs(-60)),
        // Before the six months shown.
        deal(u"x-lost-old"_s, Stage::ClosedLost, 400, eur, 0, t, benId,
             QDateTime(month(-6).addDays(14), QTime(12, 0))),
    };
}

// The line of `output` that starts with `label` followed by two spaces, as columns.
QStringList row(const QString &output, const QString &label)
{
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        if (line.startsWith(label + u"  "_s))
            return line.split(QRegularExpression(u" {2,}"_s), Qt::SkipEmptyParts);
    }
    return {};
}

QJsonObject jsonOf(const CliRun &run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

QList<double> numbers(const QJsonValue &array)
{
    QList<double> list;
    for (const QJsonValue &value : array.toArray())
        list.append(value.toDouble());
    return list;
}

} // namespace

class TestCliForecast final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_profile;
    std::optional<LocalZone> m_zone;

    CliRun run(const QStringList &arguments) const { return kashew(m_profile.path(), arguments); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_profile.isValid());
        // Fourteen hours ahead of UTC, for this process and the command alike: deals changed
        // just after this month's local midnight are last month's in UTC, so a month or a day
        // taken in UTC shows.
        m_zone.emplace("Pacific/Kiritimati");
        {
            LocalStore store;
            QVERIFY(store.open(Profile(m_profile.path()).cachePath(server)).ok);
            QVERIFY(store.beginPull());
            QVERIFY(store.stagePulled(deals()));
            QVERIFY(store.commitPull(true));
            QVERIFY(store.storeServerPeople(
                {{anaId, u"Ana Souza"_s, QString()}, {benId, u"Ben Okafor"_s, QString()}}));
        }
        QSettings settings(Profile(m_profile.path()).settingsPath(), QSettings::IniFormat);
        CurrencyRates rates;
        QVERIFY(rates.setBaseCurrency(u"EUR"_s));
        QVERIFY(rates.setRate(u"USD"_s, 0.5, today()));
        rates.write(settings);
        // The user's days for negotiation, as the app's Settings writes them.
        settings.setValue(u"stale/negotiation"_s, 3);
    }

    void cleanupTestCase() { m_zone.reset(); }

    // By stage, full value: each deal in its bucket, the boundaries of the months on the right
    // side, the archived and closed deals nowhere, USD converted, CHF told.
    void byStageAsText()
    {
        const CliRun forecast = run({u"forecast"_s});
        EXPECT_EXIT(forecast, 0);
        const QString &out = forecast.out;
        QVERIFY2(out.startsWith(u"Forecast by close month in EUR, by stage, full "
                                "value; today is %1\n"_s.arg(today().toString(Qt::ISODate))),
                 qPrintable(out));
        QCOMPARE(row(out, u"Close"_s),
                 QStringList({u"Close"_s, u"prospecting"_s, u"qualification"_s, u"proposal"_s,
                              u"negotiation"_s, u"Total"_s}));
        QCOMPARE(row(out, u"Overdue"_s),
                 QStringList({u"Overdue"_s, none, money("2,000"), none, none, money("2,000")}));
        QCOMPARE(row(out, monthText(0)), QStringList({monthText(0), money("1,000"), none,
                                                      money("4,000"), none, money("5,000")}));
        QCOMPARE(row(out, monthText(1)),
                 QStringList({monthText(1), none, none, none, money("8,500"), money("8,500")}));
        for (int i : {2, 3, 4}) // CHF only: left out
            QCOMPARE(row(out, monthText(i)),
                     QStringList({monthText(i), none, none, none, none, none}));
        QCOMPARE(row(out, monthText(5)),
                 QStringList({monthText(5), none, none, none, money("100"), money("100")}));
        QCOMPARE(row(out, monthText(6)), QStringList()); // six months only
        QCOMPARE(row(out, u"Later"_s),
                 QStringList({u"Later"_s, none, none, money("500"), none, money("500")}));
        QCOMPARE(row(out, u"No date"_s),
                 QStringList({u"No date"_s, money("300"), none, none, none, money("300")}));
        QCOMPARE(row(out, u"Total"_s),
                 QStringList({u"Total"_s, money("1,300"), money("2,000"), money("4,500"),
                              money("8,600"), money("16,400")}));
        QVERIFY2(out.contains(u"\nCHF: 2 deals, %1 left out: no rate to EUR; set "
                              "one with kashew rates set CHF RATE\n"_s.arg(money("15,000", "CHF"))),
                 qPrintable(out));
        QCOMPARE(forecast.err, QString());
    }

    // Won and lost per month of the last change: archived deals count, a change a minute before
    // this month's midnight is last month's, older changes are left out, a CHF deal is counted
    // without its amount.
    void wonAndLostAsText()
    {
        const CliRun forecast = run({u"forecast"_s});
        EXPECT_EXIT(forecast, 0);
        const QString won = forecast.out.mid(forecast.out.indexOf(u"\nWon and "_s));
        QVERIFY2(won.startsWith(u"\nWon and lost by month of their last change, in EUR\n"_s),
                 qPrintable(forecast.out));
        QCOMPARE(row(won, u"Month"_s), QStringList({u"Month"_s, u"Won"_s, u"Won value"_s, u"Lost"_s,
                                                    u"Lost value"_s, u"Win rate"_s}));
        QCOMPARE(row(won, monthText(-6)), QStringList());
        for (int i = -5; i <= -2; ++i)
            QCOMPARE(row(won, monthText(i)),
                     QStringList({monthText(i), u"0"_s, none, u"0"_s, none, none}));
        QCOMPARE(row(won, monthText(-1)), QStringList({monthText(-1), u"1"_s, money("2,000"),
                                                       u"1"_s, money("100"), u"50%"_s}));
        QCOMPARE(row(won, monthText(0)), QStringList({monthText(0), u"3"_s, money("7,000"), u"1"_s,
                                                      money("1,000"), u"75%"_s}));
        QCOMPARE(row(won, u"Total"_s), QStringList({u"Total"_s, u"4"_s, money("9,000"), u"2"_s,
                                                    money("1,100"), u"67%"_s}));
        QVERIFY2(won.contains(u"\nCHF: 1 closed deal counted, its amount left out: "
                              "no rate to EUR; set one with kashew rates set CHF "
                              "RATE\n"_s),
                 qPrintable(won));
    }

    void weighted()
    {
        const CliRun forecast = run({u"forecast"_s, u"--weighted"_s});
        EXPECT_EXIT(forecast, 0);
        const QString &out = forecast.out;
        QVERIFY2(out.startsWith(u"Forecast by close month in EUR, by stage, "
                                "weighted by probability;"_s),
                 qPrintable(out));
        QCOMPARE(row(out, u"Overdue"_s),
                 QStringList({u"Overdue"_s, none, money("500"), none, none, money("500")}));
        QCOMPARE(row(out, monthText(0)), QStringList({monthText(0), money("100"), none,
                                                      money("2,000"), none, money("2,100")}));
        // 8000 × 75% and 1000 USD × 60% = 300 EUR.
        QCOMPARE(row(out, monthText(1)),
                 QStringList({monthText(1), none, none, none, money("6,300"), money("6,300")}));
        QCOMPARE(row(out, u"Total"_s),
                 QStringList({u"Total"_s, money("130"), money("500"), money("2,250"),
                              money("6,320"), money("9,200")}));
        QVERIFY2(out.contains(u"\nCHF: 2 deals, %1 left out"_s.arg(money("6,750", "CHF"))),
                 qPrintable(out));
    }

    // Owners by name as `kashew list` shows them, largest total first, deals without an owner
    // in a column of their own; in JSON by id with the name where known.
    void byOwner()
    {
        const CliRun forecast = run({u"forecast"_s, u"--by"_s, u"owner"_s});
        EXPECT_EXIT(forecast, 0);
        const QString &out = forecast.out;
        QCOMPARE(row(out, u"Close"_s), QStringList({u"Close"_s, u"no owner"_s, u"Ana Souza"_s,
                                                    u"Ben Okafor"_s, u"Total"_s}));
        QCOMPARE(row(out, monthText(0)),
                 QStringList({monthText(0), none, money("5,000"), none, money("5,000")}));
        QCOMPARE(row(out, monthText(1)),
                 QStringList({monthText(1), money("8,500"), none, none, money("8,500")}));
        QCOMPARE(row(out, u"Total"_s), QStringList({u"Total"_s, money("8,500"), money("5,000"),
                                                    money("2,900"), money("16,400")}));

        const QJsonObject json = jsonOf(run({u"forecast"_s, u"--by"_s, u"owner"_s, u"--json"_s}));
        const QJsonArray series = json.value(u"series"_s).toArray();
        QCOMPARE(series.size(), 3);
        QCOMPARE(series.at(0).toObject().value(u"id"_s).toString(), QString());
        QVERIFY(series.at(0).toObject().value(u"name"_s).isNull());
        QCOMPARE(series.at(1).toObject().value(u"id"_s).toString(), anaId);
        QCOMPARE(series.at(1).toObject().value(u"name"_s).toString(), u"Ana Souza"_s);
        QCOMPARE(series.at(2).toObject().value(u"amount"_s).toDouble(), 2900.0);
    }

    // The neutral form: dot decimals, ISO months, ids with names, every bucket in order.
    void asJson()
    {
        const CliRun forecast = run({u"forecast"_s, u"--json"_s});
        EXPECT_EXIT(forecast, 0);
        const QJsonObject json = jsonOf(forecast);
        QCOMPARE(json.value(u"today"_s).toString(), today().toString(Qt::ISODate));
        QCOMPARE(json.value(u"currency"_s).toString(), u"EUR"_s);
        QCOMPARE(json.value(u"by"_s).toString(), u"stage"_s);
        QCOMPARE(json.value(u"weighted"_s).toBool(true), false);
        QCOMPARE(json.value(u"months"_s).toInt(), 6);
        const QJsonArray series = json.value(u"series"_s).toArray();
        QCOMPARE(series.size(), 4);
        QCOMPARE(series.at(2).toObject(), (QJsonObject{{u"id"_s, u"proposal"_s},
                                                       {u"name"_s, u"Proposal"_s},
                                                       {u"amount"_s, 4500},
                                                       {u"count"_s, 2}}));
        const QJsonArray buckets = json.value(u"buckets"_s).toArray();
        QCOMPARE(buckets.size(), 9);
        const QJsonObject overdue = buckets.at(0).toObject();
        QCOMPARE(overdue.value(u"bucket"_s).toString(), u"overdue"_s);
        QCOMPARE(numbers(overdue.value(u"amounts"_s)), (QList<double>{0, 2000, 0, 0}));
        const QJsonObject first = buckets.at(1).toObject();
        QCOMPARE(first.value(u"month"_s).toString(), monthText(0));
        QCOMPARE(numbers(first.value(u"amounts"_s)), (QList<double>{1000, 0, 4000, 0}));
        QCOMPARE(numbers(first.value(u"counts"_s)), (QList<double>{1, 0, 1, 0}));
        const QJsonObject next = buckets.at(2).toObject();
        QCOMPARE(next.value(u"month"_s).toString(), monthText(1));
        QCOMPARE(next.value(u"amount"_s).toDouble(), 8500.0);
        QCOMPARE(next.value(u"count"_s).toInt(), 2);
        const QJsonObject later = buckets.at(7).toObject();
        QCOMPARE(later.value(u"bucket"_s).toString(), u"later"_s);
        QCOMPARE(later.value(u"from"_s).toString(), monthText(6));
        QCOMPARE(numbers(later.value(u"amounts"_s)), (QList<double>{0, 0, 500, 0}));
        const QJsonObject noDate = buckets.at(8).toObject();
        QCOMPARE(noDate.value(u"bucket"_s).toString(), u"no_date"_s);
        QCOMPARE(noDate.value(u"amount"_s).toDouble(), 300.0);
        QCOMPARE(json.value(u"amount"_s).toDouble(), 16400.0);
        QCOMPARE(json.value(u"count"_s).toInt(), 8);
        QCOMPARE(json.value(u"unconverted"_s).toArray(),
                 (QJsonArray{QJsonObject{
                     {u"currency"_s, u"CHF"_s}, {u"count"_s, 2}, {u"amount"_s, 15000}}}));

        const QJsonObject winLoss = json.value(u"win_loss"_s).toObject();
        QCOMPARE(winLoss.value(u"currency"_s).toString(), u"EUR"_s);
        const QJsonArray months = winLoss.value(u"months"_s).toArray();
        QCOMPARE(months.size(), 6);
        QCOMPARE(months.at(0).toObject().value(u"month"_s).toString(), monthText(-5));
        QVERIFY(months.at(0).toObject().value(u"win_rate"_s).isNull());
        QCOMPARE(months.at(5).toObject(), (QJsonObject{{u"month"_s, monthText(0)},
                                                       {u"won_count"_s, 3},
                                                       {u"won_amount"_s, 7000},
                                                       {u"lost_count"_s, 1},
                                                       {u"lost_amount"_s, 1000},
                                                       {u"win_rate"_s, 0.75}}));
        QCOMPARE(winLoss.value(u"win_rate"_s).toDouble(), 4.0 / 6.0);
        QCOMPARE(winLoss.value(u"unconverted"_s).toArray(),
                 (QJsonArray{QJsonObject{{u"currency"_s, u"CHF"_s}, {u"count"_s, 1}}}));
    }

    // Seven months: the deal closing on the first day after six is in the seventh.
    void moreMonths()
    {
        const QJsonObject json = jsonOf(run({u"forecast"_s, u"--months"_s, u"7"_s, u"--json"_s}));
        const QJsonArray buckets = json.value(u"buckets"_s).toArray();
        QCOMPARE(buckets.size(), 10);
        QCOMPARE(buckets.at(7).toObject().value(u"month"_s).toString(), monthText(6));
        QCOMPARE(buckets.at(7).toObject().value(u"amount"_s).toDouble(), 500.0);
        QCOMPARE(buckets.at(8).toObject().value(u"count"_s).toInt(), 0);
        QCOMPARE(json.value(u"win_loss"_s).toObject().value(u"months"_s).toArray().size(), 7);
    }

    // Into USD through the base currency (1 USD = 0.5 EUR): EUR amounts double.
    void inAnotherCurrency()
    {
        const QJsonObject json =
            jsonOf(run({u"forecast"_s, u"--currency"_s, u"usd"_s, u"--json"_s}));
        QCOMPARE(json.value(u"currency"_s).toString(), u"USD"_s);
        QCOMPARE(json.value(u"amount"_s).toDouble(), 15900.0 * 2 + 1000);
        QCOMPARE(json.value(u"win_loss"_s).toObject().value(u"currency"_s).toString(), u"USD"_s);
    }

    // A currency without a rate: every other currency is told, each with the rates it needs.
    void intoACurrencyWithoutARate()
    {
        const CliRun forecast = run({u"forecast"_s, u"--currency"_s, u"GBP"_s});
        EXPECT_EXIT(forecast, 0);
        const QString &out = forecast.out;
        QCOMPARE(row(out, u"Total"_s).constLast(), u"-"_s);
        for (const QString &line :
             {u"CHF: 2 deals, %1 left out: no rate to GBP; set them with kashew "
              "rates set CHF RATE and kashew rates set GBP RATE\n"_s.arg(money("15,000", "CHF")),
              u"EUR: 7 deals, %1 left out: no rate to GBP; set one with kashew rates "
              "set GBP RATE\n"_s.arg(money("15,900")),
              u"USD: 1 deal, %1 left out: no rate to GBP; set one with kashew rates "
              "set GBP RATE\n"_s.arg(money("1,000", "USD"))})
            QVERIFY2(out.contains(line), qPrintable(out));
    }

    void badOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString forecast = u"forecast"_s;
        const QString months = u"--months"_s;
        const QString from = u"is not a number of months from 1 to 24"_s;
        QTest::newRow("months 0") << QStringList{forecast, months, u"0"_s}
                                  << u"--months: '0' "_s + from;
        QTest::newRow("months 25")
            << QStringList{forecast, months, u"25"_s} << u"--months: '25' "_s + from;
        QTest::newRow("months text")
            << QStringList{forecast, months, u"six"_s} << u"--months: 'six' "_s + from;
        QTest::newRow("by team") << QStringList{forecast, u"--by"_s, u"team"_s}
                                 << u"--by: 'team' is neither stage nor owner"_s;
        QTest::newRow("currency name")
            << QStringList{forecast, u"--currency"_s, u"euro"_s}
            << u"--currency: 'euro' is not a currency code (three letters, such as "
               "EUR)"_s;
        QTest::newRow("list --months")
            << QStringList{u"list"_s, months, u"3"_s} << u"--months is not an option of 'list'"_s;
        QTest::newRow("forecast --stale")
            << QStringList{forecast, u"--stale"_s} << u"--stale is not an option of 'forecast'"_s;
    }
    void badOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliRun bad = run(arguments);
        EXPECT_EXIT(bad, 2);
        QVERIFY2(bad.err.startsWith(u"kashew: "_s + message), qPrintable(bad.err));
        QVERIFY2(bad.err.contains(u"Try 'kashew --help'."_s), qPrintable(bad.err));
        QCOMPARE(bad.out, QString());
    }

    // Stale by the profile's rule: 7 days in prospecting (built in), 30 in proposal, 5 in
    // negotiation where the user allows 3; 13 days in qualification (14) and closed deals never.
    void listStale()
    {
        const CliRun stale = run({u"list"_s, u"--stale"_s});
        EXPECT_EXIT(stale, 0);
        QStringList names;
        for (const QString &line : stale.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            names.append(line.split(QLatin1Char(' ')).constLast());
        names.sort();
        QCOMPARE(names, (QStringList{u"a-today"_s, u"c-monthend"_s, u"d-nextmonth"_s}));
        QCOMPARE(row(stale.out, u"  c-monthe"_s).value(4), u"stale 30 d"_s);
        QCOMPARE(row(stale.out, u"  a-today"_s).value(4), u"stale 7 d"_s);

        const QJsonArray json =
            QJsonDocument::fromJson(run({u"list"_s, u"--stale"_s, u"--json"_s}).out.toUtf8())
                .array();
        QHash<QString, int> staleDays;
        for (const QJsonValue &record : json)
            staleDays.insert(record.toObject().value(u"name"_s).toString(),
                             record.toObject().value(u"stale_days"_s).toInt());
        QCOMPARE(staleDays, (QHash<QString, int>{
                                {u"a-today"_s, 7}, {u"c-monthend"_s, 30}, {u"d-nextmonth"_s, 5}}));

        // The whole list marks the stale ones only.
        const CliRun all = run({u"list"_s});
        EXPECT_EXIT(all, 0);
        QCOMPARE(all.out.count(u"stale "_s), 3);
        QVERIFY2(!row(all.out, u"  b-overdu"_s).join(u' ').contains(u"stale"), qPrintable(all.out));

        const CliRun shown = run({u"show"_s, u"c-monthend"_s});
        EXPECT_EXIT(shown, 0);
        QVERIFY2(shown.out.contains(u"\nstale                no change for 30 days\n"_s),
                 qPrintable(shown.out));
        const CliRun fresh = run({u"show"_s, u"b-overdue"_s});
        QVERIFY2(!fresh.out.contains(u"stale"_s), qPrintable(fresh.out));
    }
};

QTEST_MAIN(TestCliForecast)
#include "tst_cliforecast.moc"
