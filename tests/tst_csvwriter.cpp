// How kashew writes CSV: a field is quoted exactly when it holds the separator, a quote or a line
// break (its quotes doubled), rows end in CRLF; text a spreadsheet would run as a formula
// (= + - @ tab CR, also a negative number as text) gets an apostrophe, and unguarded() gives
// every text back as it was.
#include "CsvWriter.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestCsvWriter final : public QObject
{
    Q_OBJECT

private slots:
    void fieldIsQuotedWhenItHasTo_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QChar>("separator");
        QTest::addColumn<QString>("written");
        const QChar comma = QLatin1Char(',');
        const QChar semicolon = QLatin1Char(';');
        const QChar tab = QLatin1Char('\t');
        QTest::newRow("plain") << u"Acme Corp"_s << comma << u"Acme Corp"_s;
        QTest::newRow("empty") << QString() << comma << QString();
        QTest::newRow("comma") << u"Souza, Ana"_s << comma << u"\"Souza, Ana\""_s;
        QTest::newRow("comma in ; file") << u"1,5"_s << semicolon << u"1,5"_s;
        QTest::newRow("semicolon in ; file") << u"a;b"_s << semicolon << u"\"a;b\""_s;
        QTest::newRow("semicolon in , file") << u"a;b"_s << comma << u"a;b"_s;
        QTest::newRow("tab in tab file") << u"a\tb"_s << tab << u"\"a\tb\""_s;
        QTest::newRow("quote") << u"say \"hi\""_s << comma << u"\"say \"\"hi\"\"\""_s;
        QTest::newRow("only a quote") << u"\""_s << comma << u"\"\"\"\""_s;
        QTest::newRow("LF") << u"two\nlines"_s << comma << u"\"two\nlines\""_s;
        QTest::newRow("CR") << u"two\rlines"_s << comma << u"\"two\rlines\""_s;
        QTest::newRow("CRLF") << u"two\r\nlines"_s << semicolon << u"\"two\r\nlines\""_s;
        QTest::newRow("apostrophe") << u"'=1"_s << comma << u"'=1"_s;
    }

    void fieldIsQuotedWhenItHasTo()
    {
        QFETCH(QString, text);
        QFETCH(QChar, separator);
        QFETCH(QString, written);
        QCOMPARE(CsvWriter::field(text, separator), written);
    }

    void rowsEndInCrlfWithTheSeparator()
    {
        CsvWriter writer(QLatin1Char(';'));
        QCOMPARE(writer.separator(), QLatin1Char(';'));
        writer.addRow({u"name"_s, u"value"_s, u"note"_s});
        writer.addRow({u"Müller; GmbH"_s, u"1234,50"_s, QString()});
        writer.addRow({u"a\"b"_s, u"x\ny"_s, u"z"_s});
        QCOMPARE(writer.text(), u"name;value;note\r\n"
                                "\"Müller; GmbH\";1234,50;\r\n"
                                "\"a\"\"b\";\"x\ny\";z\r\n"_s);

        CsvWriter commas;
        commas.addRow({u"a,b"_s, u"c;d"_s});
        QCOMPARE(commas.text(), u"\"a,b\",c;d\r\n"_s);
    }

    void guardedKeepsFormulasFromRunning_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("guarded");
        QTest::newRow("=") << u"=1+2"_s << u"'=1+2"_s;
        QTest::newRow("+") << u"+49 30 1234"_s << u"'+49 30 1234"_s;
        QTest::newRow("-") << u"-x"_s << u"'-x"_s;
        QTest::newRow("negative number as text") << u"-5"_s << u"'-5"_s;
        QTest::newRow("@") << u"@SUM(A1)"_s << u"'@SUM(A1)"_s;
        QTest::newRow("tab") << u"\t=1"_s << u"'\t=1"_s;
        QTest::newRow("CR") << u"\r=1"_s << u"'\r=1"_s;
        QTest::newRow("HYPERLINK")
            << u"=HYPERLINK(\"http://x\")"_s << u"'=HYPERLINK(\"http://x\")"_s;
        QTest::newRow("apostrophe before a formula") << u"'=1"_s << u"''=1"_s;
        QTest::newRow("apostrophes before a formula") << u"''-5"_s << u"'''-5"_s;
        QTest::newRow("plain") << u"Acme"_s << u"Acme"_s;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("formula char later") << u"a=b"_s << u"a=b"_s;
        QTest::newRow("leading space") << u" =1"_s << u" =1"_s;
        QTest::newRow("LF first") << u"\nx"_s << u"\nx"_s;
        QTest::newRow("apostrophe of its own") << u"'quoted'"_s << u"'quoted'"_s;
        QTest::newRow("only an apostrophe") << u"'"_s << u"'"_s;
        QTest::newRow("number") << u"5"_s << u"5"_s;
    }

    void guardedKeepsFormulasFromRunning()
    {
        QFETCH(QString, text);
        QFETCH(QString, guarded);
        QCOMPARE(CsvWriter::guarded(text), guarded);
        // Whatever the text, it comes back as it was.
        QCOMPARE(CsvWriter::unguarded(guarded), text);
    }

    void unguardedLeavesOtherApostrophes()
    {
        QCOMPARE(CsvWriter::unguarded(u"'Acme'"_s), u"'Acme'"_s);
        QCOMPARE(CsvWriter::unguarded(u"'"_s), u"'"_s);
        QCOMPARE(CsvWriter::unguarded(u"''"_s), u"''"_s);
        QCOMPARE(CsvWriter::unguarded(u"=1"_s), u"=1"_s);
        QCOMPARE(CsvWriter::unguarded(u"'@x"_s), u"@x"_s);
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
