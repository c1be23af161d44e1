// Money formatting: exact figures for every real amount, and a short form for whatever else a
// cache may hold (1e308, infinity), so that no amount can widen a cell, card or label past the
// screen ("inf USD" and a 309-digit value did).
#include "Money.h"

#include <QLocale>
#include <QTest>
#include <limits>

class TestMoney final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void realAmountsAreExact()
    {
        QCOMPARE(formatMoney(50000, QStringLiteral("USD")), QStringLiteral("50,000\u00a0USD"));
        QCOMPARE(formatMoney(1234.5, QStringLiteral("EUR")), QStringLiteral("1,234.50\u00a0EUR"));
        // The API's largest value, and a total of many such deals, to the unit.
        QCOMPARE(formatMoney(1e15, QStringLiteral("JPY")),
                 QStringLiteral("1,000,000,000,000,000\u00a0JPY"));
        QCOMPARE(formatAmount(123456789012345678.0).remove(QLatin1Char(',')).size(), 18);
    }

    void absurdAmountsStayShort_data()
    {
        QTest::addColumn<double>("amount");
        QTest::addColumn<QString>("shown");
        QTest::newRow("1e308") << 1e308 << QStringLiteral("1.00E+308");
        QTest::newRow("largest double")
            << std::numeric_limits<double>::max() << QStringLiteral("1.80E+308");
        QTest::newRow("negative") << -3e20 << QStringLiteral("-3.00E+20");
        QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << QStringLiteral("∞");
        QTest::newRow("minus infinity")
            << -std::numeric_limits<double>::infinity() << QStringLiteral("−∞");
        QTest::newRow("not a number")
            << std::numeric_limits<double>::quiet_NaN() << QStringLiteral("?");
    }
    void absurdAmountsStayShort()
    {
        QFETCH(double, amount);
        QFETCH(QString, shown);
        QCOMPARE(formatAmount(amount).toUpper(), shown.toUpper());
        QVERIFY(formatMoney(amount, QStringLiteral("USD")).size() <= 14);
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
