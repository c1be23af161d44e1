#include "OpportunityValidation.h"

#include <QTest>
#include <cmath>

namespace {

Opportunity valid()
{
    Opportunity o;
    o.name = QStringLiteral("Acme — Pilot");
    o.value = 1000;
    o.currency = QStringLiteral("EUR");
    o.probability = 40;
    o.expectedCloseDate = QDate(2026, 12, 1);
    return o;
}

} // namespace

class TestOpportunityValidation final : public QObject
{
    Q_OBJECT

private slots:
    void acceptsAValidRecord()
    {
        QVERIFY(validateOpportunity(valid()).isEmpty());
        Opportunity noDate = valid();
        noDate.expectedCloseDate = QDate();
        QVERIFY(validateOpportunity(noDate).isEmpty());
    }

    void namesEachFieldAtFault_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("blank name") << "name"
                                    << "Name is required.";
        QTest::newRow("long name") << "name"
                                   << "Name must be at most 255 characters.";
        QTest::newRow("negative value") << "value"
                                        << "Value must be zero or more.";
        QTest::newRow("lowercase currency")
            << "currency"
            << "Currency must be an ISO 4217 code of three capital letters, such as USD.";
        QTest::newRow("probability 101") << "probability"
                                         << "Probability must be a whole number from 0 to 100.";
        QTest::newRow("bad account") << "accountId"
                                     << "Account must be a UUID or empty.";
        QTest::newRow("bad lead") << "leadId"
                                  << "Lead must be a UUID or empty.";
        QTest::newRow("invisible name") << "name"
                                        << "Name must contain a visible character.";
        QTest::newRow("unpaired surrogate") << "name"
                                            << "Name must be valid Unicode text (it holds an "
                                               "unpaired surrogate).";
        QTest::newRow("value too large") << "value"
                                         << "Value must be at most 1000000000000000.";
    }
    void namesEachFieldAtFault()
    {
        QFETCH(QString, field);
        QFETCH(QString, message);
        Opportunity o = valid();
        const QString row = QString::fromLatin1(QTest::currentDataTag());
        if (row == QLatin1String("blank name"))
            o.name = QStringLiteral("   ");
        else if (row == QLatin1String("long name"))
            o.name = QString(256, QLatin1Char('x'));
        else if (row == QLatin1String("negative value"))
            o.value = -1;
        else if (row == QLatin1String("lowercase currency"))
            o.currency = QStringLiteral("usd");
        else if (row == QLatin1String("probability 101"))
            o.probability = 101;
        else if (row == QLatin1String("bad account"))
            o.accountId = QStringLiteral("acme");
        else if (row == QLatin1String("bad lead"))
            o.leadId = QStringLiteral("42");
        else if (row == QLatin1String("invisible name"))
            // Zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen, Hangul filler,
            // a variation selector and a tag character, between ordinary spaces.
            o.name = QString::fromUcs4(U" \u200b\u200c\u200d\u2060\ufeff\u00ad\u3164\ufe0f"
                                       U"\U000E0041 ");
        else if (row == QLatin1String("unpaired surrogate"))
            o.name = QStringLiteral("Acme ") + QChar(0xd800) + QStringLiteral(" Pilot");
        else if (row == QLatin1String("value too large"))
            o.value = 1e308;
        const FieldErrors errors = validateOpportunity(o);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().field, field);
        QCOMPARE(errors.first().message, message);
    }

    void reportsEveryFieldAtOnce()
    {
        Opportunity o = valid();
        o.name.clear();
        o.value = std::numeric_limits<double>::quiet_NaN();
        o.probability = -5;
        QCOMPARE(validateOpportunity(o).size(), 3);
    }

    void boundaryValuesAreValid()
    {
        Opportunity o = valid();
        o.name = QString(255, QChar(0x00e9));
        QVERIFY(validateOpportunity(o).isEmpty());
        // Characters, not UTF-16 units: 255 emoji fit.
        o.name.clear();
        for (int i = 0; i < 255; ++i)
            o.name += QString::fromUcs4(U"😀", 1);
        o.value = 0;
        o.probability = 100;
        QVERIFY(validateOpportunity(o).isEmpty());
        o.probability = 0;
        QVERIFY(validateOpportunity(o).isEmpty());
        o.value = 1e15; // the documented maximum
        QVERIFY(validateOpportunity(o).isEmpty());
        o.value = std::nextafter(1e15, 2e15);
        QCOMPARE(validateOpportunity(o).size(), 1);
    }

    void visibleNamesWithInvisibleParts()
    {
        // Joiners and selectors inside a name that shows something are fine.
        Opportunity o = valid();
        o.name = QString::fromUcs4(U"\U0001F469\u200D\U0001F4BB Dev team");
        QVERIFY(validateOpportunity(o).isEmpty());
        o.name = QString::fromUcs4(U"\u2764\ufe0f");
        QVERIFY(validateOpportunity(o).isEmpty());
        o.name = QStringLiteral("\u00e9t\u00e9 \u0646\u0635");
        QVERIFY(validateOpportunity(o).isEmpty());
        // A lone low surrogate, or a high one at the end, is as broken as one in the middle.
        o.name = QStringLiteral("Acme") + QChar(0xdc00);
        QCOMPARE(validateOpportunity(o).size(), 1);
        o.name = QStringLiteral("Acme") + QChar(0xdbff);
        QCOMPARE(validateOpportunity(o).size(), 1);
    }

    void uuids()
    {
        QVERIFY(isUuid(QStringLiteral("9854b730-41aa-4152-9296-c896c1ff00c0")));
        QVERIFY(isUuid(QStringLiteral("9854B730-41AA-4152-9296-C896C1FF00C0")));
        QVERIFY(!isUuid(QStringLiteral("9854b730-41aa-4152-9296-c896c1ff00c")));
        QVERIFY(!isUuid(QStringLiteral("{9854b730-41aa-4152-9296-c896c1ff00c0}")));
    }
};

QTEST_GUILESS_MAIN(TestOpportunityValidation)
#include "tst_opportunityvalidation.moc"
