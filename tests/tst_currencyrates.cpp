// The user's base currency and exchange rates: only ISO codes, only positive finite rates with
// a date, never a rate of the base to itself; conversion of one amount and of per-currency sums
// that says what it could not convert; a round trip through a profile's settings file in which
// unreadable entries are left out.
#include "CurrencyRates.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <limits>

class TestCurrencyRates final : public QObject
{
    Q_OBJECT

private slots:
    void baseCurrencyMustBeAnIsoCode_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("EUR") << QStringLiteral("EUR") << true;
        QTest::newRow("lower case") << QStringLiteral("eur") << false;
        QTest::newRow("two letters") << QStringLiteral("EU") << false;
        QTest::newRow("four letters") << QStringLiteral("EURO") << false;
        QTest::newRow("digits") << QStringLiteral("E1R") << false;
        QTest::newRow("non-ASCII capital") << QStringLiteral("ÉUR") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void baseCurrencyMustBeAnIsoCode()
    {
        QFETCH(QString, code);
        QFETCH(bool, accepted);
        CurrencyRates rates;
        QVERIFY(rates.setBaseCurrency(QStringLiteral("USD")));
        QCOMPARE(rates.setBaseCurrency(code), accepted);
        QCOMPARE(rates.baseCurrency(), accepted ? code : QStringLiteral("USD"));
    }

    void ratesMustBePositiveFiniteAndDated_data()
    {
        QTest::addColumn<QString>("currency");
        QTest::addColumn<double>("toBase");
        QTest::addColumn<QDate>("setOn");
        QTest::addColumn<bool>("accepted");
        const QDate day(2026, 11, 30);
        QTest::newRow("GBP 1.1612") << QStringLiteral("GBP") << 1.1612 << day << true;
        QTest::newRow("zero") << QStringLiteral("GBP") << 0.0 << day << false;
        QTest::newRow("negative") << QStringLiteral("GBP") << -1.2 << day << false;
        QTest::newRow("infinite") << QStringLiteral("GBP")
                                  << std::numeric_limits<double>::infinity() << day << false;
        QTest::newRow("NaN") << QStringLiteral("GBP") << std::numeric_limits<double>::quiet_NaN()
                             << day << false;
        QTest::newRow("no date") << QStringLiteral("GBP") << 1.1612 << QDate() << false;
        QTest::newRow("not a code") << QStringLiteral("gbp") << 1.1612 << day << false;
        QTest::newRow("the base itself") << QStringLiteral("EUR") << 1.0 << day << false;
    }
    void ratesMustBePositiveFiniteAndDated()
    {
        QFETCH(QString, currency);
        QFETCH(double, toBase);
        QFETCH(QDate, setOn);
        QFETCH(bool, accepted);
        CurrencyRates rates;
        QVERIFY(rates.setBaseCurrency(QStringLiteral("EUR")));
        QCOMPARE(rates.setRate(currency, toBase, setOn), accepted);
        QCOMPARE(rates.rates().size(), accepted ? 1 : 0);
        if (accepted)
            QCOMPARE(rates.rates().value(currency), (ExchangeRate{toBase, setOn}));
    }

    void choosingTheBaseDropsItsOwnRate()
    {
        CurrencyRates rates;
        QVERIFY(rates.setBaseCurrency(QStringLiteral("EUR")));
        QVERIFY(rates.setRate(QStringLiteral("USD"), 0.92, QDate(2026, 11, 30)));
        QVERIFY(rates.setBaseCurrency(QStringLiteral("USD")));
        // One answer to "1 USD in USD": 1, not the rate once entered against another base.
        QVERIFY(!rates.rates().contains(QStringLiteral("USD")));
        QCOMPARE(rates.rateToBase(QStringLiteral("USD")), std::optional<double>(1.0));
    }

    void convertsOneAmount()
    {
        CurrencyRates rates;
        // No base: nothing converts, not even a currency with a rate entered.
        QVERIFY(rates.setRate(QStringLiteral("GBP"), 1.25, QDate(2026, 11, 30)));
        QCOMPARE(rates.toBase(100, QStringLiteral("GBP")), std::nullopt);
        QVERIFY(rates.setBaseCurrency(QStringLiteral("EUR")));
        QCOMPARE(rates.toBase(100, QStringLiteral("GBP")), std::optional<double>(125.0));
        QCOMPARE(rates.toBase(100, QStringLiteral("EUR")), std::optional<double>(100.0));
        QCOMPARE(rates.toBase(100, QStringLiteral("JPY")), std::nullopt);
    }

    void convertsPerCurrencySumsAndSaysWhatItCouldNot()
    {
        CurrencyRates rates;
        QVERIFY(rates.setBaseCurrency(QStringLiteral("EUR")));
        QVERIFY(rates.setRate(QStringLiteral("USD"), 0.5, QDate(2026, 11, 30)));
        const QMap<QString, double> sums{{QStringLiteral("EUR"), 1000},
                                         {QStringLiteral("USD"), 300},
                                         {QStringLiteral("GBP"), 40},
                                         {QStringLiteral("JPY"), 5000}};
        const CurrencyRates::Converted converted = rates.toBase(sums);
        QCOMPARE(converted.inBase, 1000.0 + 150.0);
        QCOMPARE(converted.unconverted, (QMap<QString, double>{{QStringLiteral("GBP"), 40},
                                                               {QStringLiteral("JPY"), 5000}}));
        QVERIFY(!converted.complete());

        QVERIFY(rates.setRate(QStringLiteral("GBP"), 1.25, QDate(2026, 11, 30)));
        QVERIFY(rates.setRate(QStringLiteral("JPY"), 0.006, QDate(2026, 11, 30)));
        const CurrencyRates::Converted all = rates.toBase(sums);
        QVERIFY(all.complete());
        QCOMPARE(all.inBase, 1000.0 + 150.0 + 50.0 + 30.0);
    }

    void roundTripThroughTheProfileSettings()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("settings.ini"));
        CurrencyRates rates;
        QVERIFY(rates.setBaseCurrency(QStringLiteral("EUR")));
        QVERIFY(rates.setRate(QStringLiteral("GBP"), 1.1612, QDate(2026, 11, 30)));
        QVERIFY(rates.setRate(QStringLiteral("JPY"), 1.0 / 163.0, QDate(2026, 10, 2)));
        {
            QSettings settings(path, QSettings::IniFormat);
            settings.setValue(QStringLiteral("money/rates/CHF"), QStringLiteral("stale"));
            rates.write(settings);
        }
        QSettings settings(path, QSettings::IniFormat);
        const CurrencyRates read = CurrencyRates::read(settings);
        QCOMPARE(read.baseCurrency(), QStringLiteral("EUR"));
        QCOMPARE(read.rates(), rates.rates()); // to the last bit, and with their dates
        QVERIFY(read == rates);
        QVERIFY(!settings.contains(QStringLiteral("money/rates/CHF"))); // written whole
    }

    void unreadableEntriesAreLeftOut()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("money/baseCurrency"), QStringLiteral("EUR"));
        const auto rate = [&](const char *currency, const QString &value) {
            settings.setValue(QStringLiteral("money/rates/") + QLatin1String(currency), value);
        };
        rate("GBP", QStringLiteral("1.1612 2026-11-30"));
        rate("USD", QStringLiteral("abc 2026-11-30"));   // no number
        rate("JPY", QStringLiteral("0.0061"));           // no date
        rate("CHF", QStringLiteral("1.05 2026-13-01"));  // no such date
        rate("SEK", QStringLiteral("-0.08 2026-11-30")); // not positive
        rate("EUR", QStringLiteral("2 2026-11-30"));     // the base itself
        rate("nok", QStringLiteral("0.085 2026-11-30")); // not a code
        rate("AUD/X", QStringLiteral("0.6 2026-11-30")); // not a code either
        const CurrencyRates rates = CurrencyRates::read(settings);
        QCOMPARE(rates.baseCurrency(), QStringLiteral("EUR"));
        QCOMPARE(rates.rates().keys(), QStringList{QStringLiteral("GBP")});
        QCOMPARE(rates.rates().value(QStringLiteral("GBP")),
                 (ExchangeRate{1.1612, QDate(2026, 11, 30)}));

        settings.setValue(QStringLiteral("money/baseCurrency"), QStringLiteral("euro"));
        QCOMPARE(CurrencyRates::read(settings).baseCurrency(), QString()); // none chosen
    }
};

QTEST_GUILESS_MAIN(TestCurrencyRates)
#include "tst_currencyrates.moc"
