#include "ImportDateReader.h"
#include "ImportNumberReader.h"
#include "ImportValueReader.h"

#include <QTest>

using namespace Qt::StringLiterals;

// One cell of an imported file read as a number, a date, a stage, a yes/no or a currency, the
// way spreadsheets and people write them.
class TestImportValueReader final : public QObject
{
    Q_OBJECT

private:
    static QLocale english() { return QLocale(QLocale::English, QLocale::UnitedStates); }
    static QLocale german() { return QLocale(QLocale::German, QLocale::Germany); }

private slots:
    void numbers_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QStringList>("column");
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("currency");
        const QLocale en = english();
        const QLocale de = german();
        QTest::newRow("plain") << en << QStringList() << u"50000"_s << 50000.0 << QString();
        QTest::newRow("en groups") << de << QStringList() << u"1,234.50"_s << 1234.5 << QString();
        QTest::newRow("de groups") << en << QStringList() << u"1.234,50"_s << 1234.5 << QString();
        QTest::newRow("space groups")
            << en << QStringList() << u"1 234,50"_s << 1234.5 << QString();
        QTest::newRow("no-break space")
            << en << QStringList() << u"1\u00a0234,50"_s << 1234.5 << QString();
        QTest::newRow("Swiss groups")
            << de << QStringList() << u"1'234.50"_s << 1234.5 << QString();
        QTest::newRow("millions en")
            << de << QStringList() << u"2,500,000"_s << 2500000.0 << QString();
        QTest::newRow("millions de")
            << en << QStringList() << u"1.234.567,89"_s << 1234567.89 << QString();
        QTest::newRow("decimal comma") << en << QStringList() << u"1,5"_s << 1.5 << QString();
        QTest::newRow("leading zero is no group")
            << en << QStringList() << u"0,500"_s << 0.5 << QString();
        // Three digits after one point: the locale decides, unless the column does.
        QTest::newRow("1,500 in en") << en << QStringList() << u"1,500"_s << 1500.0 << QString();
        QTest::newRow("1,500 in de") << de << QStringList() << u"1,500"_s << 1.5 << QString();
        QTest::newRow("1.500 in en") << en << QStringList() << u"1.500"_s << 1.5 << QString();
        QTest::newRow("1.500 in de") << de << QStringList() << u"1.500"_s << 1500.0 << QString();
        QTest::newRow("column of German numbers")
            << en << QStringList{u"1.234,50"_s, u"1.500"_s} << u"1.500"_s << 1500.0 << QString();
        QTest::newRow("column of English numbers")
            << de << QStringList{u"7.25"_s, u"1,500"_s} << u"1,500"_s << 1500.0 << QString();
        QTest::newRow("code after")
            << en << QStringList() << u"1,234.50 USD"_s << 1234.5 << u"USD"_s;
        QTest::newRow("code before") << en << QStringList() << u"eur 10"_s << 10.0 << u"EUR"_s;
        QTest::newRow("euro sign after")
            << de << QStringList() << u"1.234,50 €"_s << 1234.5 << u"EUR"_s;
        QTest::newRow("dollar sign before") << en << QStringList() << u"$50"_s << 50.0 << u"USD"_s;
        QTest::newRow("negative") << en << QStringList() << u"-5"_s << -5.0 << QString();
    }

    void numbers()
    {
        QFETCH(QLocale, locale);
        QFETCH(QStringList, column);
        QFETCH(QString, text);
        QFETCH(double, value);
        QFETCH(QString, currency);
        const ImportNumberReader reader(locale, column);
        const auto amount = reader.amount(text);
        QVERIFY2(amount.ok(), qPrintable(amount.error()));
        QCOMPARE(amount->value, value);
        QCOMPARE(amount->currency, currency);
    }

    void notNumbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("word") << u"abc"_s;
        QTest::newRow("groups of two") << u"1,23,4"_s;
        QTest::newRow("space not grouping") << u"12 34"_s;
        QTest::newRow("two points") << u"1.2.3"_s;
        QTest::newRow("mixed groups") << u"1.234,567.5"_s;
        QTest::newRow("only a code") << u"USD"_s;
        QTest::newRow("formula") << u"=1+1"_s;
    }

    void notNumbers()
    {
        QFETCH(QString, text);
        const auto amount = ImportNumberReader(english()).amount(text);
        QVERIFY(!amount.ok());
        QCOMPARE(amount.error(), u"not a number: '%1'"_s.arg(text));
    }

    void percents()
    {
        const ImportNumberReader reader(german());
        QCOMPARE(*reader.percent(u"60"_s), 60);
        QCOMPARE(*reader.percent(u"60 %"_s), 60);
        QCOMPARE(*reader.percent(u"60,0%"_s), 60);
        QCOMPARE(*reader.percent(u"0"_s), 0);
        QCOMPARE(reader.percent(u"60.5"_s).error(), u"not a whole number from 0 to 100: '60.5'"_s);
        QCOMPARE(reader.percent(u"150"_s).error(), u"not a whole number from 0 to 100: '150'"_s);
        QCOMPARE(reader.percent(u"viel"_s).error(), u"not a number: 'viel'"_s);
    }

    void dates_data()
    {
        QTest::addColumn<QStringList>("column");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("date");
        const QDate july15(2026, 7, 15);
        QTest::newRow("ISO") << QStringList() << u"2026-07-15"_s << july15;
        QTest::newRow("ISO with slashes") << QStringList() << u"2026/07/15"_s << july15;
        QTest::newRow("German") << QStringList() << u"15.07.2026"_s << july15;
        QTest::newRow("German short") << QStringList() << u"15.7.2026"_s << july15;
        QTest::newRow("month first by itself") << QStringList() << u"7/15/2026"_s << july15;
        QTest::newRow("day first by itself") << QStringList() << u"15/7/2026"_s << july15;
        QTest::newRow("same either way") << QStringList() << u"07/07/2026"_s << QDate(2026, 7, 7);
        QTest::newRow("column says day first") << QStringList{u"07/08/2026"_s, u"13/08/2026"_s}
                                               << u"07/08/2026"_s << QDate(2026, 8, 7);
        QTest::newRow("column says month first") << QStringList{u"07/08/2026"_s, u"08/13/2026"_s}
                                                 << u"07/08/2026"_s << QDate(2026, 7, 8);
    }

    void dates()
    {
        QFETCH(QStringList, column);
        QFETCH(QString, text);
        QFETCH(QDate, date);
        const auto read = ImportDateReader(german(), column).date(text);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(*read, date);
    }

    void ambiguousDatesAskForAnUnambiguousForm()
    {
        // The locale does not decide; it only picks the reading the message shows.
        const QStringList column{u"07/08/2026"_s, u"2026-01-02"_s, u"03/04/2026"_s};
        const ImportDateReader german(TestImportValueReader::german(), column);
        QCOMPARE(german.slashOrder(), ImportDateReader::SlashOrder::Unknown);
        QCOMPARE(german.date(u"07/08/2026"_s).error(),
                 u"ambiguous date '07/08/2026': write it as 2026-08-07 or 07.08.2026"_s);
        const ImportDateReader american(english(), column);
        QCOMPARE(american.date(u"07/08/2026"_s).error(),
                 u"ambiguous date '07/08/2026': write it as 2026-07-08 or 08.07.2026"_s);
        // A column that shows both orders tells nothing either.
        const ImportDateReader mixed(english(), {u"13/01/2026"_s, u"01/13/2026"_s});
        QVERIFY(!mixed.date(u"03/04/2026"_s).ok());
        QCOMPARE(*mixed.date(u"13/01/2026"_s), QDate(2026, 1, 13));
    }

    void notDates()
    {
        const ImportDateReader reader(german());
        for (const QString &text :
             {u"31.02.2026"_s, u"7/15/26"_s, u"tomorrow"_s, u"0/5/2026"_s, u"2026-13-01"_s})
            QCOMPARE(reader.date(text).error(), u"not a date: '%1'"_s.arg(text));
    }

    void stages_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Stage>("stage");
        QTest::newRow("id") << u"closed_won"_s << Stage::ClosedWon;
        QTest::newRow("id spaced") << u"Closed Won"_s << Stage::ClosedWon;
        QTest::newRow("id dashed") << u"closed-lost"_s << Stage::ClosedLost;
        QTest::newRow("label") << u"Proposal"_s << Stage::Proposal;
        QTest::newRow("shouted") << u"NEGOTIATION"_s << Stage::Negotiation;
        QTest::newRow("Akquise") << u"Akquise"_s << Stage::Prospecting;
        QTest::newRow("Qualifizierung") << u"Qualifizierung"_s << Stage::Qualification;
        QTest::newRow("Qualifikation") << u"qualifikation"_s << Stage::Qualification;
        QTest::newRow("Angebot") << u"Angebot"_s << Stage::Proposal;
        QTest::newRow("Verhandlung") << u" Verhandlung "_s << Stage::Negotiation;
        QTest::newRow("Gewonnen") << u"GEWONNEN"_s << Stage::ClosedWon;
        QTest::newRow("Verloren") << u"Verloren"_s << Stage::ClosedLost;
    }

    void stages()
    {
        QFETCH(QString, text);
        QFETCH(Stage, stage);
        const auto read = ImportValueReader::stage(text);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(*read, stage);
    }

    void notAStage()
    {
        QCOMPARE(ImportValueReader::stage(u"maybe"_s).error(), u"not a stage: 'maybe'"_s);
    }

    void booleans()
    {
        for (const QString &yes :
             {u"true"_s, u"TRUE"_s, u"yes"_s, u"Ja"_s, u"WAHR"_s, u"1"_s, u"x"_s, u"X"_s})
            QCOMPARE(*ImportValueReader::boolean(yes), true);
        for (const QString &no : {u"false"_s, u"No"_s, u"nein"_s, u"FALSCH"_s, u"0"_s})
            QCOMPARE(*ImportValueReader::boolean(no), false);
        QCOMPARE(ImportValueReader::boolean(u"vielleicht"_s).error(),
                 u"not yes or no: 'vielleicht'"_s);
    }

    void currencies()
    {
        QCOMPARE(*ImportValueReader::currency(u"eur"_s), u"EUR"_s);
        QCOMPARE(*ImportValueReader::currency(u" € "_s), u"EUR"_s);
        QCOMPARE(*ImportValueReader::currency(u"£"_s), u"GBP"_s);
        QCOMPARE(ImportValueReader::currency(u"EURO"_s).error(), u"not a currency code: 'EURO'"_s);
    }
};

QTEST_GUILESS_MAIN(TestImportValueReader)
#include "tst_importvaluereader.moc"
