// Reading what spreadsheets write: a UTF-8 byte order mark, `,` `;` or tab found from the first
// rows (also past separators inside a quoted header), quoted fields with doubled quotes and line
// breaks, CRLF, LF and no final line end alike, the line each row starts on, empty lines left
// out, Latin-1 found or forced, a broken file refused naming its line; what CsvWriter writes
// reads back field for field; and the three files LibreOffice Calc wrote read as sample.md says.
#include "CsvReader.h"
#include "CsvWriter.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(CsvTable::Encoding)

namespace {

CsvTable readOk(const QByteArray &bytes, const CsvReader::Options &options = {})
{
    const Result<CsvTable> table = CsvReader::read(bytes, options);
    if (!table)
        qWarning("read failed: %s", qPrintable(table.error()));
    return table ? table.value() : CsvTable{};
}

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(KASHEW_FIXTURES "/csv/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", name);
    return file.readAll();
}

} // namespace

class TestCsvReader final : public QObject
{
    Q_OBJECT

private slots:
    void byteOrderMarkIsNotPartOfTheHeader()
    {
        const CsvTable table = readOk("\xEF\xBB\xBFName,Value\r\nAcme,5\r\n");
        QVERIFY(table.hadBom);
        QCOMPARE(table.encoding, CsvTable::Encoding::Utf8);
        QCOMPARE(table.header, QStringList({u"Name"_s, u"Value"_s}));
        QCOMPARE(table.rows, QList<QStringList>({{u"Acme"_s, u"5"_s}}));

        // Also when the rest is read as Latin-1.
        CsvReader::Options latin1;
        latin1.encoding = CsvTable::Encoding::Latin1;
        const CsvTable forced = readOk("\xEF\xBB\xBFName,Value\r\nAcme,5\r\n", latin1);
        QVERIFY(forced.hadBom);
        QCOMPARE(forced.header, QStringList({u"Name"_s, u"Value"_s}));

        const CsvTable plain = readOk("Name,Value\r\nAcme,5\r\n");
        QVERIFY(!plain.hadBom);
        QCOMPARE(plain.header.front(), u"Name"_s);
    }

    void separatorIsDetected_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QChar>("separator");
        QTest::addColumn<QStringList>("firstRow");
        QTest::newRow("comma") << QByteArray("name,value\nAcme,5\n") << QChar(u',')
                               << QStringList{u"Acme"_s, u"5"_s};
        QTest::newRow("semicolon, decimal commas")
            << QByteArray("Name;Wert\nAcme;1,5\nGlobex;2\n") << QChar(u';')
            << QStringList{u"Acme"_s, u"1,5"_s};
        QTest::newRow("tab") << QByteArray("name\tvalue\tnote\nAcme, Inc\t5\tx; y\n")
                             << QChar(u'\t') << QStringList{u"Acme, Inc"_s, u"5"_s, u"x; y"_s};
        QTest::newRow("quoted header with commas, ; file")
            << QByteArray("\"Name, full\";\"Value, EUR\"\n\"Acme, Inc\";\"1,5\"\n") << QChar(u';')
            << QStringList{u"Acme, Inc"_s, u"1,5"_s};
        QTest::newRow("quoted header with ; and tabs, , file")
            << QByteArray("\"a;b\tc\",\"d;e;f\"\n1,2\n") << QChar(u',')
            << QStringList{u"1"_s, u"2"_s};
        QTest::newRow("quoted header with commas, tab file")
            << QByteArray("\"Name, full\"\t\"Note; x\"\nAcme\t\"1,5; 2\"\n") << QChar(u'\t')
            << QStringList{u"Acme"_s, u"1,5; 2"_s};
        // Split at `,` the first rows give more fields, but the third's quotes fall apart.
        QTest::newRow("quotes further down decide")
            << QByteArray("a,b,c;d\ne,f,g;h\n\"p,q,r\";s\n") << QChar(u';')
            << QStringList{u"e,f,g"_s, u"h"_s};
        QTest::newRow("header only")
            << QByteArray("Name;Kunde;Wert\n") << QChar(u';') << QStringList();
        QTest::newRow("one column")
            << QByteArray("Name\nAcme\n") << QChar(u',') << QStringList{u"Acme"_s};
    }

    void separatorIsDetected()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QChar, separator);
        QFETCH(QStringList, firstRow);
        QCOMPARE(CsvReader::detectSeparator(QString::fromUtf8(bytes)), separator);
        const CsvTable table = readOk(bytes);
        QCOMPARE(table.separator, separator);
        QCOMPARE(table.rows.value(0), firstRow);
    }

    void separatorCanBeForced()
    {
        CsvReader::Options options;
        options.separator = QLatin1Char(',');
        const CsvTable table = readOk("a;b,c\n1;2,3\n", options);
        QCOMPARE(table.separator, QLatin1Char(','));
        QCOMPARE(table.header, QStringList({u"a;b"_s, u"c"_s}));
        QCOMPARE(table.rows.value(0), QStringList({u"1;2"_s, u"3"_s}));
    }

    void quotedFieldsKeepQuotesSeparatorsAndLineBreaks()
    {
        const CsvTable table = readOk("name,note\r\n"
                                      "\"say \"\"hi\"\"\",\"a, b\"\r\n"
                                      "\"two\r\nlines\",\"two\nlines\"\r\n"
                                      "\"\",\"\"\"\"\r\n"
                                      "12\" screen,x\r\n");
        QCOMPARE(table.rows, QList<QStringList>({{u"say \"hi\""_s, u"a, b"_s},
                                                 {u"two\r\nlines"_s, u"two\nlines"_s},
                                                 {QString(), u"\""_s},
                                                 {u"12\" screen"_s, u"x"_s}}));
    }

    void lineEndsReadAlike_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("CRLF") << QByteArray("h1,h2\r\na,b\r\nc,\r\n");
        QTest::newRow("LF") << QByteArray("h1,h2\na,b\nc,\n");
        QTest::newRow("CR") << QByteArray("h1,h2\ra,b\rc,\r");
        QTest::newRow("no final line end") << QByteArray("h1,h2\r\na,b\r\nc,");
        QTest::newRow("empty lines") << QByteArray("\r\nh1,h2\r\n\r\na,b\n\n\nc,\r\n\r\n");
        QTest::newRow("separators only") << QByteArray("h1,h2\r\n,\r\na,b\r\nc,\r\n,\r\n");
    }

    void lineEndsReadAlike()
    {
        QFETCH(QByteArray, bytes);
        const CsvTable table = readOk(bytes);
        QCOMPARE(table.header, QStringList({u"h1"_s, u"h2"_s}));
        QCOMPARE(table.rows, QList<QStringList>({{u"a"_s, u"b"_s}, {u"c"_s, QString()}}));
    }

    void linesAreWhereRowsStart()
    {
        const CsvTable table = readOk("name,note\r\n"    // 1
                                      "a,\"one\r\n"      // 2
                                      "two\nthree\"\r\n" // 3, 4
                                      "b,x\r\n"          // 5
                                      "\r\n"             // 6
                                      "c,\"\"\"\n\"\n"   // 7, 8
                                      "d,y");            // 9
        QCOMPARE(table.rows.size(), 4);
        QCOMPARE(table.rows.at(0).value(1), u"one\r\ntwo\nthree"_s);
        QCOMPARE(table.rows.at(2).value(1), u"\"\n"_s);
        QCOMPARE(table.lines, QList<int>({2, 5, 7, 9}));
    }

    void latin1IsDetectedOrForced()
    {
        const QByteArray latin1("Name;Kunde\nM\xfcller;Stra\xdf"
                                "e\n");
        QCOMPARE(CsvReader::detectEncoding(latin1), CsvTable::Encoding::Latin1);
        CsvTable table = readOk(latin1);
        QCOMPARE(table.encoding, CsvTable::Encoding::Latin1);
        QCOMPARE(table.rows.value(0), QStringList({u"Müller"_s, u"Straße"_s}));

        const QByteArray utf8 = u"Name;Kunde\nMüller;Straße €\n"_s.toUtf8();
        QCOMPARE(CsvReader::detectEncoding(utf8), CsvTable::Encoding::Utf8);
        table = readOk(utf8);
        QCOMPARE(table.encoding, CsvTable::Encoding::Utf8);
        QCOMPARE(table.rows.value(0), QStringList({u"Müller"_s, u"Straße €"_s}));

        // Told, the reader believes it: the UTF-8 bytes of ü are two Latin-1 letters.
        CsvReader::Options options;
        options.encoding = CsvTable::Encoding::Latin1;
        table = readOk(utf8, options);
        QCOMPARE(table.encoding, CsvTable::Encoding::Latin1);
        QCOMPARE(table.rows.value(0).value(0), u"M\u00c3\u00bcller"_s);
        options.encoding = CsvTable::Encoding::Utf8;
        table = readOk(latin1, options);
        QCOMPARE(table.encoding, CsvTable::Encoding::Utf8);
        QCOMPARE(table.rows.value(0).value(0), u"M\ufffdller"_s);
    }

    void brokenFilesAreRefusedNamingTheLine_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("unterminated quote")
            << QByteArray("name,note\r\na,b\r\nc,\"open\r\nmore\r\nd,e\r\n")
            << u"Line 3: a quoted field is not closed."_s;
        QTest::newRow("unterminated quote after a multi-line field")
            << QByteArray("name,note\n\"x\ny\",z\n\"open,w\n")
            << u"Line 4: a quoted field is not closed."_s;
        QTest::newRow("text after the closing quote")
            << QByteArray("name,note\n\"a\nb\"c,d\n")
            << u"Line 3: there is text after the closing quote of a field."_s;
        QTest::newRow("empty") << QByteArray() << u"The file has no rows."_s;
        QTest::newRow("empty lines only") << QByteArray("\r\n\n\r\n") << u"The file has no rows."_s;
        QTest::newRow("binary") << QByteArray("PK\x03\x04\n\x00\x01", 7)
                                << u"Line 2: this is not a text file (a spreadsheet's own file "
                                   "rather than CSV?)."_s;
    }

    void brokenFilesAreRefusedNamingTheLine()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        const Result<CsvTable> table = CsvReader::read(bytes);
        QVERIFY(!table.ok());
        QCOMPARE(table.error(), error);
    }

    void writtenTextReadsBack_data()
    {
        QTest::addColumn<QChar>("separator");
        QTest::newRow("comma") << QChar(u',');
        QTest::newRow("semicolon") << QChar(u';');
        QTest::newRow("tab") << QChar(u'\t');
    }

    void writtenTextReadsBack()
    {
        QFETCH(QChar, separator);
        const QList<QStringList> rows = {
            {u"name"_s, u"note"_s, u"value"_s},
            {u"=1+2"_s, u"say \"hi\", then; go\tnow"_s, u"-5"_s},
            {u"two\r\nlines"_s, u"\n"_s, u"'=x"_s},
            {QString(), u"\""_s, u"Müller €"_s},
        };
        CsvWriter writer(separator);
        for (const QStringList &row : rows) {
            QStringList guarded;
            for (const QString &field : row)
                guarded.append(CsvWriter::guarded(field));
            writer.addRow(guarded);
        }
        const CsvTable table = readOk(writer.text().toUtf8());
        QCOMPARE(table.separator, separator);
        QCOMPARE(table.header, rows.front());
        QCOMPARE(table.rows.size(), rows.size() - 1);
        for (qsizetype r = 0; r < table.rows.size(); ++r) {
            QStringList unguarded;
            for (const QString &field : table.rows.at(r))
                unguarded.append(CsvWriter::unguarded(field));
            QCOMPARE(unguarded, rows.at(r + 1));
        }
        QCOMPARE(table.lines, QList<int>({2, 3, 6}));
    }

    void libreOfficeFilesReadAsTheirSheet_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QChar>("separator");
        QTest::addColumn<CsvTable::Encoding>("encoding");
        QTest::addColumn<QStringList>("header");
        QTest::addColumn<QList<QStringList>>("rows");
        const QStringList english = {u"Name"_s,       u"Account"_s,    u"Value"_s,
                                     u"Currency"_s,   u"Stage"_s,      u"Probability"_s,
                                     u"Close date"_s, u"Description"_s};
        const QStringList german = {u"Name"_s,           u"Kunde"_s,       u"Wert"_s,
                                    u"Währung"_s,        u"Phase"_s,       u"Wahrscheinlichkeit"_s,
                                    u"Abschlussdatum"_s, u"Beschreibung"_s};
        const QString twoLines = u"Two lines:\nsecond \"quoted\""_s;
        const QString inside = u"; and , inside"_s;
        QTest::newRow("en") << fixture("libreoffice-en.csv") << QChar(u',')
                            << CsvTable::Encoding::Utf8 << english
                            << QList<QStringList>{
                                   {u"Acme — Pilot"_s, u"Acme Corp"_s, u"50,000.00"_s, u"USD"_s,
                                    u"proposal"_s, u"60"_s, u"2026-07-15"_s, twoLines},
                                   {u"Müller Rahmenvertrag"_s, u"Müller GmbH"_s, u"1,234.50"_s,
                                    u"EUR"_s, u"negotiation"_s, u"80"_s, u"2026-12-01"_s,
                                    u"Umlaute äöüß €"_s},
                                   {u"=1+1"_s, u"Globex"_s, u"0.00"_s, u"GBP"_s, u"prospecting"_s,
                                    u"10"_s, QString(), inside},
                                   {u"Big deal"_s, u"Globex"_s, u"2,500,000.00"_s, u"USD"_s,
                                    u"closed_won"_s, u"100"_s, u"2026-01-31"_s, QString()}};
        const QList<QStringList> germanRows = {
            {u"Acme — Pilot"_s, u"Acme Corp"_s, u"50.000,00"_s, u"USD"_s, u"proposal"_s, u"60"_s,
             u"15.07.2026"_s, twoLines},
            {u"Müller Rahmenvertrag"_s, u"Müller GmbH"_s, u"1.234,50"_s, u"EUR"_s, u"negotiation"_s,
             u"80"_s, u"01.12.2026"_s, u"Umlaute äöüß €"_s},
            {u"=1+1"_s, u"Globex"_s, u"0,00"_s, u"GBP"_s, u"prospecting"_s, u"10"_s, QString(),
             inside},
            {u"Big deal"_s, u"Globex"_s, u"2.500.000,00"_s, u"USD"_s, u"closed_won"_s, u"100"_s,
             u"31.01.2026"_s, QString()}};
        QTest::newRow("de") << fixture("libreoffice-de.csv") << QChar(u';')
                            << CsvTable::Encoding::Utf8 << german << germanRows;
        // Latin-1 has no € (the sheet says EUR) and no em dash (LibreOffice writes "-").
        QList<QStringList> latin1Rows = germanRows;
        latin1Rows[0][0] = u"Acme - Pilot"_s;
        latin1Rows[1][7] = u"Umlaute äöüß EUR"_s;
        QTest::newRow("latin1") << fixture("libreoffice-latin1.csv") << QChar(u';')
                                << CsvTable::Encoding::Latin1 << german << latin1Rows;
    }

    void libreOfficeFilesReadAsTheirSheet()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QChar, separator);
        QFETCH(CsvTable::Encoding, encoding);
        QFETCH(QStringList, header);
        QFETCH(QList<QStringList>, rows);
        const CsvTable table = readOk(bytes);
        QCOMPARE(table.separator, separator);
        QCOMPARE(table.encoding, encoding);
        QVERIFY(!table.hadBom);
        QCOMPARE(table.header, header);
        QCOMPARE(table.rows, rows);
        QCOMPARE(table.lines, QList<int>({2, 4, 5, 6}));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
