// `kashew rates` (issue 14): the base currency and the user's exchange rates from a terminal, in
// the profile's settings the desktop app reads (Settings ▸ Money): listed with their dates and
// the cache's currencies that have none, set (dated today, an unchanged rate keeping its day),
// removed; a wrong argument is named and exits 2, as usage errors do.
#include "CliRun.h"
#include "CurrencyRates.h"
#include "Profile.h"

#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Runs the real `kashew` binary on one profile, with a server that is never asked.
CliRun kashew(const QString &profile, const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(KASHEW_CLI_PATH),
                  QStringList{QStringLiteral("--profile"), profile, QStringLiteral("--server"),
                              QStringLiteral("http://127.0.0.1:9/api/v1")} +
                      arguments);
    if (!process.waitForFinished(60000))
        process.kill();
    return CliRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                  QString::fromUtf8(process.readAllStandardOutput()),
                  QString::fromUtf8(process.readAllStandardError()), QString()};
}

QString today()
{
    return QDate::currentDate().toString(Qt::ISODate);
}

// The rates as the desktop app reads them from the profile.
CurrencyRates appRates(const QString &profile)
{
    return CurrencyRates::read(QSettings(Profile(profile).settingsPath(), QSettings::IniFormat));
}

} // namespace

class TestCliRates final : public QObject
{
    Q_OBJECT

private slots:
    void setListAndRemove()
    {
        QTemporaryDir profile;
        const QString dir = profile.path();
        CliRun run = kashew(dir, {QStringLiteral("rates")});
        EXPECT_EXIT(run, 0);
        QCOMPARE(run.out, QStringLiteral("base none ('kashew rates base CUR' chooses one)\n"));

        run = kashew(dir, {QStringLiteral("rates"), QStringLiteral("base"), QStringLiteral("eur")});
        EXPECT_EXIT(run, 0);
        QCOMPARE(run.out, QStringLiteral("base EUR\n"));
        run = kashew(dir, {QStringLiteral("rates"), QStringLiteral("set"), QStringLiteral("GBP"),
                           QStringLiteral("1.1612")});
        EXPECT_EXIT(run, 0);
        QCOMPARE(run.out, QStringLiteral("1 GBP = 1.1612 EUR  set %1\n").arg(today()));
        // A currency of the cache without a rate is listed as missing.
        EXPECT_EXIT(kashew(dir, {QStringLiteral("new"), QStringLiteral("name=Pilot"),
                                 QStringLiteral("value=100"), QStringLiteral("currency=USD")}),
                    0);
        run = kashew(dir, {QStringLiteral("rates")});
        EXPECT_EXIT(run, 0);
        QCOMPARE(run.out, QStringLiteral("base EUR\n"
                                         "1 GBP = 1.1612 EUR  set %1\n"
                                         "1 USD = ? EUR  no rate\n")
                              .arg(today()));
        // The app reads what the command wrote.
        CurrencyRates expected;
        expected.setBaseCurrency(QStringLiteral("EUR"));
        expected.setRate(QStringLiteral("GBP"), 1.1612, QDate::currentDate());
        QCOMPARE(appRates(dir), expected);

        run =
            kashew(dir, {QStringLiteral("rates"), QStringLiteral("remove"), QStringLiteral("GBP")});
        EXPECT_EXIT(run, 0);
        QVERIFY(appRates(dir).rates().isEmpty());
        run =
            kashew(dir, {QStringLiteral("rates"), QStringLiteral("remove"), QStringLiteral("GBP")});
        EXPECT_EXIT(run, 3);
        QVERIFY2(run.err.contains(QStringLiteral("GBP has no rate")), qPrintable(run.err));
    }

    void anUnchangedRateKeepsItsDay()
    {
        QTemporaryDir profile;
        {
            QSettings settings(Profile(profile.path()).settingsPath(), QSettings::IniFormat);
            settings.setValue(QStringLiteral("money/baseCurrency"), QStringLiteral("EUR"));
            settings.setValue(QStringLiteral("money/rates/GBP"),
                              QStringLiteral("1.1612 2024-01-02"));
        }
        const QStringList set{QStringLiteral("rates"), QStringLiteral("set"),
                              QStringLiteral("GBP")};
        CliRun run = kashew(profile.path(), set + QStringList{QStringLiteral("1.1612")});
        EXPECT_EXIT(run, 0);
        QCOMPARE(run.out, QStringLiteral("1 GBP = 1.1612 EUR  set 2024-01-02\n"));
        QCOMPARE(appRates(profile.path()).rates().value(QStringLiteral("GBP")).setOn,
                 QDate(2024, 1, 2));
        run = kashew(profile.path(), set + QStringList{QStringLiteral("1.17")});
        EXPECT_EXIT(run, 0);
        QCOMPARE(appRates(profile.path()).rates().value(QStringLiteral("GBP")),
                 (ExchangeRate{1.17, QDate::currentDate()}));
    }

    void aWrongArgumentIsNamedAndIsUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("named");
        const auto rates = [](std::initializer_list<const char *> words) {
            QStringList arguments{QStringLiteral("rates")};
            for (const char *word : words)
                arguments.append(QString::fromUtf8(word));
            return arguments;
        };
        QTest::newRow("rate no number") << rates({"set", "GBP", "abc"})
                                        << QStringLiteral("RATE: 'abc' is not a positive number");
        QTest::newRow("rate zero")
            << rates({"set", "GBP", "0"}) << QStringLiteral("RATE: '0' is not a positive number");
        QTest::newRow("rate infinite") << rates({"set", "GBP", "inf"})
                                       << QStringLiteral("RATE: 'inf' is not a positive number");
        QTest::newRow("code too short")
            << rates({"set", "GB", "1.2"}) << QStringLiteral("CUR: 'GB' is not a currency code");
        QTest::newRow("base no code")
            << rates({"base", "E1R"}) << QStringLiteral("CUR: 'E1R' is not a currency code");
        QTest::newRow("remove no code")
            << rates({"remove", "euro"}) << QStringLiteral("CUR: 'euro' is not a currency code");
        QTest::newRow("rate of the base")
            << rates({"set", "EUR", "1"}) << QStringLiteral("CUR: EUR is the base currency");
        QTest::newRow("no rate given")
            << rates({"set", "GBP"}) << QStringLiteral("wrong arguments: rates set GBP");
        QTest::newRow("unknown") << rates({"frob"})
                                 << QStringLiteral("wrong arguments: rates frob");
    }
    void aWrongArgumentIsNamedAndIsUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, named);
        QTemporaryDir profile;
        EXPECT_EXIT(kashew(profile.path(), {QStringLiteral("rates"), QStringLiteral("base"),
                                            QStringLiteral("EUR")}),
                    0);
        const CurrencyRates before = appRates(profile.path());
        const CliRun run = kashew(profile.path(), arguments);
        EXPECT_EXIT(run, 2);
        QVERIFY2(run.err.contains(named), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("kashew --help")), qPrintable(run.err));
        QCOMPARE(run.out, QString());
        QCOMPARE(appRates(profile.path()), before); // nothing written
    }

    void aRateNeedsABaseCurrency()
    {
        QTemporaryDir profile;
        const CliRun run = kashew(profile.path(), {QStringLiteral("rates"), QStringLiteral("set"),
                                                   QStringLiteral("GBP"), QStringLiteral("1.2")});
        EXPECT_EXIT(run, 2);
        QVERIFY2(run.err.contains(QStringLiteral("'kashew rates base CUR' first")),
                 qPrintable(run.err));
        QVERIFY(appRates(profile.path()).rates().isEmpty());
    }
};

QTEST_MAIN(TestCliRates)
#include "tst_clirates.moc"
