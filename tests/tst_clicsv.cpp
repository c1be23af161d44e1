// `kashew export` and `kashew import` (issue 16), by the real binary on a temporary profile whose
// cache a real kashew-server filled: export of the deals `list` would show, to a file and to
// standard output, neutral and in the user's locale, and a write that fails; import of new deals
// (in the cache, one outbox entry each, on the server after `sync`), changes by id, the
// row-by-row report and exit 6 for an invalid row with nothing written, --skip-invalid, --dry-run,
// --map (applied, or exit 2 when it names no column or field), a likely duplicate, a Latin-1 file,
// files it cannot read, and an export imported back with --update changing nothing.
#include "CliRun.h"
#include "CsvReader.h"
#include "CsvWriter.h"
#include "OpportunityField.h"
#include "ServerProcess.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// The server's deals by name.
QHash<QString, QJsonObject> serverDeals(TestHttp &http)
{
    QHash<QString, QJsonObject> byName;
    const QJsonArray all =
        http.get(u"/opportunities?pageSize=100"_s).json().value(u"opportunities"_s).toArray();
    for (const QJsonValue &deal : all)
        byName.insert(deal[u"name"_s].toString(), deal.toObject());
    return byName;
}

// A real server with two accounts and three deals, and a profile whose cache has synced them.
class CsvCli final
{
public:
    bool start()
    {
        if (!m_server.start())
            return false;
        m_http = std::make_unique<TestHttp>(m_server.baseUrl(), ServerProcess::writeKey);
        acme = TestData::createAccount(*m_http, u"Acme Corp"_s);
        globex = TestData::createAccount(*m_http, u"Globex"_s);
        alpha = deal({{u"name"_s, u"Alpha"_s},
                      {u"accountId"_s, acme},
                      {u"value"_s, 1234.5},
                      {u"currency"_s, u"EUR"_s},
                      {u"stage"_s, u"proposal"_s},
                      {u"probability"_s, 60},
                      {u"expectedCloseDate"_s, u"2026-07-15"_s},
                      {u"description"_s, u"Two lines:\nsecond \"quoted\""_s}});
        beta = deal({{u"name"_s, u"Beta"_s},
                     {u"accountId"_s, globex},
                     {u"value"_s, 200},
                     {u"stage"_s, u"qualification"_s}});
        formula = deal({{u"name"_s, u"=1+1"_s},
                        {u"accountId"_s, globex},
                        {u"stage"_s, u"proposal"_s},
                        {u"description"_s, u"; and , inside"_s}});
        return !QTest::currentTestFailed() && run({u"sync"_s}).exitCode == 0 && pending().isEmpty();
    }

    // The binary on this profile and server, in `locale` (LC_ALL).
    CliRun run(const QStringList &arguments, const QString &locale = u"en_US.UTF-8"_s) const
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"KASHEW_API_KEY"_s, QString::fromLatin1(ServerProcess::writeKey));
        environment.insert(u"LC_ALL"_s, locale);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(KASHEW_CLI_PATH),
                      QStringList{u"--profile"_s, m_profile.path(), u"--server"_s,
                                  m_server.baseUrl().toString()} +
                          arguments);
        if (!process.waitForFinished(120000))
            process.kill();
        return CliRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                      QString::fromUtf8(process.readAllStandardOutput()),
                      QString::fromUtf8(process.readAllStandardError()), QString()};
    }

    // `kashew pending`, a line per outbox entry.
    QStringList pending() const { return run({u"pending"_s}).out.split(u'\n', Qt::SkipEmptyParts); }

    // The cached deals by name, as `list --json` gives them.
    QHash<QString, QJsonObject> cached() const
    {
        QHash<QString, QJsonObject> byName;
        const QJsonArray all =
            QJsonDocument::fromJson(run({u"list"_s, u"--json"_s}).out.toUtf8()).array();
        for (const QJsonValue &deal : all)
            byName.insert(deal[u"name"_s].toString(), deal.toObject());
        return byName;
    }

    // A file in the profile's folder with these bytes; its path.
    QString file(const QString &name, const QByteArray &bytes) const
    {
        const QString path = m_profile.filePath(name);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
            QTest::qFail("cannot write the test's file", __FILE__, __LINE__);
        return path;
    }

    TestHttp &http() { return *m_http; }

    QString acme;
    QString globex;
    QString alpha;
    QString beta;
    QString formula;

private:
    QString deal(const QJsonObject &body)
    {
        return TestData::createOpportunity(*m_http, body).value(u"id"_s).toString();
    }

    ServerProcess m_server;
    QTemporaryDir m_profile;
    std::unique_ptr<TestHttp> m_http;
};

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

CsvTable table(const QByteArray &bytes)
{
    const Result<CsvTable> read = CsvReader::read(bytes);
    if (!read)
        QTest::qFail(qPrintable(read.error()), __FILE__, __LINE__);
    return read ? *read : CsvTable();
}

// The cells of a table's row by header name.
QHash<QString, QString> cells(const CsvTable &table, const QStringList &row)
{
    QHash<QString, QString> byName;
    for (qsizetype i = 0; i < table.header.size() && i < row.size(); ++i)
        byName.insert(table.header.at(i), row.at(i));
    return byName;
}

// The exported rows by id.
QHash<QString, QHash<QString, QString>> rowsById(const CsvTable &table)
{
    QHash<QString, QHash<QString, QString>> byId;
    for (const QStringList &row : table.rows) {
        const auto named = cells(table, row);
        byId.insert(named.value(u"id"_s), named);
    }
    return byId;
}

QStringList everyFieldName()
{
    QStringList names;
    for (const OpportunityField field : OpportunityFieldNames::all())
        names.append(OpportunityFieldNames::snakeCase(field));
    return names;
}

// A file of three rows; the second, at line 4 after a description over two lines, has a value
// that is no number.
const QByteArray oneInvalidRow = "Name,Value,Description\r\n"
                                 "Good,10,\"two\nlines\"\r\n"
                                 "Bad,abc,\r\n"
                                 "Also good,5,\r\n";

} // namespace

class TestCliCsv final : public QObject
{
    Q_OBJECT

private slots:
    // The deals `list --stage proposal` shows, every field, neutral style; the same bytes to a
    // file and to standard output.
    void exportsTheFilteredDealsToAFileAndStandardOutput()
    {
        CsvCli cli;
        QVERIFY(cli.start());
        const QString path = cli.file(u"proposals.csv"_s, {});
        const CliRun toFile = cli.run({u"export"_s, u"--stage"_s, u"proposal"_s, u"--csv"_s, path});
        EXPECT_EXIT(toFile, 0);
        const QByteArray bytes = contents(path);
        const CsvTable exported = table(bytes);
        QCOMPARE(exported.separator, u',');
        QCOMPARE(exported.header, everyFieldName());
        const auto rows = rowsById(exported);
        QCOMPARE(rows.size(), 2);
        QVERIFY(!rows.contains(cli.beta));
        const auto alpha = rows.value(cli.alpha);
        QCOMPARE(alpha.value(u"name"_s), u"Alpha"_s);
        QCOMPARE(alpha.value(u"account_id"_s), cli.acme);
        QCOMPARE(alpha.value(u"account_name"_s), u"Acme Corp"_s);
        QCOMPARE(alpha.value(u"value"_s), u"1234.50"_s);
        QCOMPARE(alpha.value(u"currency"_s), u"EUR"_s);
        QCOMPARE(alpha.value(u"stage"_s), u"proposal"_s);
        QCOMPARE(alpha.value(u"probability"_s), u"60"_s);
        QCOMPARE(alpha.value(u"expected_close_date"_s), u"2026-07-15"_s);
        QCOMPARE(alpha.value(u"description"_s), u"Two lines:\nsecond \"quoted\""_s);
        // A spreadsheet shows the name and never runs it.
        const QString formulaName = rows.value(cli.formula).value(u"name"_s);
        QVERIFY2(!formulaName.startsWith(u'='), qPrintable(formulaName));
        QCOMPARE(CsvWriter::unguarded(formulaName), u"=1+1"_s);

        const CliRun toOut = cli.run({u"export"_s, u"--stage"_s, u"proposal"_s});
        EXPECT_EXIT(toOut, 0);
        QCOMPARE(toOut.out.toUtf8(), bytes);
    }

    // --locale: as a German spreadsheet opens it, `;` between fields, decimal comma, 15.07.2026.
    void exportsInTheUsersLocale()
    {
        CsvCli cli;
        QVERIFY(cli.start());
        const QString path = cli.file(u"de.csv"_s, {});
        const CliRun run =
            cli.run({u"export"_s, u"--locale"_s, u"--csv"_s, path}, u"de_DE.UTF-8"_s);
        EXPECT_EXIT(run, 0);
        const QByteArray bytes = contents(path);
        // Excel reads UTF-8 only after a byte order mark.
        QVERIFY(bytes.startsWith("\xef\xbb\xbf"));
        const CsvTable exported = table(bytes);
        QCOMPARE(exported.separator, u';');
        QCOMPARE(exported.rows.size(), 3);
        const auto alpha = rowsById(exported).value(cli.alpha);
        QCOMPARE(alpha.value(u"value"_s), u"1234,50"_s);
        QCOMPARE(alpha.value(u"expected_close_date"_s), u"15.07.2026"_s);
    }

    // A file that cannot be written: exit 1, the file and the reason named.
    void aFailedWriteExitsOneNamingTheFile()
    {
        CsvCli cli;
        QVERIFY(cli.start());
        const QString path = u"/nonexistent-folder-of-kashew/deals.csv"_s;
        const CliRun run = cli.run({u"export"_s, u"--csv"_s, path});
        EXPECT_EXIT(run, 1);
        QVERIFY2(run.err.contains(path), qPrintable(describe(run)));
    }

    // New deals, with accounts by name and a value with a thousands separator: in the cache, one
    // outbox entry each, on the server after a sync.
    void importsNewDeals()
    {
        CsvCli cli;
        QVERIFY(cli.start());
        const QString path = cli.file(u"new.csv"_s, "Name,Account,Value,Currency,Stage,Close date\n"
                                                    "Delta,Acme Corp,\"1,500.00\",EUR,proposal,"
                                                    "2026-08-01\n"
                                                    "Epsilon,Globex,200,USD,qualification,\n");
        const CliRun run = cli.run({u"import"_s, path});
        EXPECT_EXIT(run, 0);
        QVERIFY2(run.out.contains(u"2 new, 0 updates, 0 invalid, 0 likely duplicates"_s),
                 qPrintable(describe(run)));
        const QStringList pending = cli.pending();
        QCOMPARE(pending.size(), 2);
        for (const QString &entry : pending)
            QVERIFY2(entry.startsWith(u"create "_s), qPrintable(entry));
        const QJsonObject delta = cli.cached().value(u"Delta"_s);
        QCOMPARE(delta[u"account_id"_s].toString(), cli.acme);
        QCOMPARE(delta[u"value"_s].toDouble(), 1500.0);

        EXPECT_EXIT(cli.run({u"sync"_s}), 0);
        QVERIFY(cli.pending().isEmpty());
        const auto onServer = serverDeals(cli.http());
        QCOMPARE(onServer.size(), 5);
        QCOMPARE(onServer.value(u"Delta"_s)[u"account_id"_s].toString(), cli.acme);
        QCOMPARE(onServer.value(u"Delta"_s)[u"value"_s].toDouble(), 1500.0);
        QCOMPARE(onServer.value(u"Delta"_s)[u"expected_close_date"_s].toString(), u"2026-08-01"_s);
        QCOMPARE(onServer.value(u"Epsilon"_s)[u"account_id"_s].toString(), cli.globex);
        QCOMPARE(onServer.value(u"Epsilon"_s)[u"stage"_s].toString(), u"qualification"_s);
    }

    // --update: a row with an id changes the fields it sets on that deal, and nothing else.
    void updatesDealsById()
    {
        CsvCli cli;
        QVERIFY(cli.start());
        const QString path =
            cli.file(u"changes.csv"_s, "id,probability,description\n" + cli.alpha.toUtf8() +
                                           ",80,changed\n" + cli.beta.toUtf8() + ",30,\n");
        const CliRun run = cli.run({u"import"_s, u"--update"_s, path});
        EXPECT_EXIT(run, 0);
        QVERIFY2(run.out.contains(u"0 new, 2 updates, 0 invalid"_s), qPrintable(describe(run)));
        const QStringList pending = cli.pending();
        QCOMPARE(pending.size(), 2);
        for (const QString &entry : pending)
            QVERIFY2(entry.startsWith(u"update "_s), qPrintable(entry));

        EXPECT_EXIT(cli.run({u"sync"_s}), 0);
        const QJsonObject alpha = TestData::serverRecord(cli.http(), cli.alpha);
        QCOMPARE(alpha[u"probability"_s].toInt(), 80);
        QCOMPARE(alpha[u"description"_s].toString(), u"changed"_s);
        QCOMPARE(alpha[u"name"_s].toString(), u"Alpha"_s);
        QCOMPARE(alpha[u"value"_s].toDouble(), 1234.5);
        const QJsonObject beta = TestData::serverRecord(cli.http(), cli.beta);
        QCOMPARE(beta[u"probability"_s].toInt(), 30);
        QCOMPARE(beta[u"value"_s].toDouble(), 200.0);
    }

    // An invalid row: each problem on stderr with its line, exit 6, nothing written.
    void anInvalidRowWritesNothingAndExitsSix()
    {
        CsvCli cli;
        QVERIFY(cli.start());
        const CliRun run = cli.run({u"import"_s, cli.file(u"bad.csv"_s, oneInvalidRow)});
        EXPECT_EXIT(run, 6);
        QVERIFY2(run.err.contains(u"line 4, value: not a number: 'abc'\n"_s),
                 qPrintable(describe(run)));
        QVERIFY2(run.out.contains(u"2 new, 0 updates, 1 invalid, 0 likely duplicates"_s),
                 qPrintable(describe(run)));
        QVERIFY(cli.pending().isEmpty());
        QCOMPARE(cli.cached().size(), 3);
    }

    // --skip-invalid: the valid rows are written, the invalid one reported, and still exit 6.
    void skipInvalidWritesTheValidRows()
    {
        CsvCli cli;
        QVERIFY(cli.start());
        const CliRun run =
            cli.run({u"import"_s, u"--skip-invalid"_s, cli.file(u"bad.csv"_s, oneInvalidRow)});
        EXPECT_EXIT(run, 6);
        QVERIFY2(run.err.contains(u"line 4, value: not a number: 'abc'\n"_s),
                 qPrintable(describe(run)));
        QCOMPARE(cli.pending().size(), 2);
        const auto cached = cli.cached();
        QCOMPARE(cached.value(u"Good"_s)[u"description"_s].toString(), u"two\nlines"_s);
        QCOMPARE(cached.value(u"Also good"_s)[u"value"_s].toDouble(), 5.0);
        QVERIFY(!cached.contains(u"Bad"_s));
    }

    // --dry-run: the report and the exit code, and nothing written.
    void dryRunWritesNothing()
    {
        CsvCli cli;
        QVERIFY(cli.start());
        const QString valid = cli.file(u"valid.csv"_s, "Name,Value\nZeta,7\n");
        const CliRun clean = cli.run({u"import"_s, u"--dry-run"_s, valid});
        EXPECT_EXIT(clean, 0);
        QVERIFY2(clean.out.contains(u"1 new, 0 updates, 0 invalid"_s), qPrintable(describe(clean)));
        const CliRun invalid =
            cli.run({u"import"_s, u"--dry-run"_s, cli.file(u"bad.csv"_s, oneInvalidRow)});
        EXPECT_EXIT(invalid, 6);
        QVERIFY2(invalid.err.contains(u"line 4, value:"_s), qPrintable(describe(invalid)));
        QVERIFY(cli.pending().isEmpty());
        QCOMPARE(cli.cached().size(), 3);
    }

    // --map fills a field from a column the header does not name; one naming no column or field
    // (or not COLUMN=FIELD at all) is a usage error naming it, and nothing is written.
    void mapChoosesColumnsAndABadOneExitsTwo()
    {
        CsvCli cli;
        QVERIFY(cli.start());
        const QString path = cli.file(u"columns.csv"_s, "Col A,Col B\nTheta,42\n");
        for (const QString &bad : {u"Nope=name"_s, u"Col A=nonsense"_s, u"Col A"_s, u"9=value"_s}) {
            const CliRun run = cli.run({u"import"_s, u"--map"_s, bad, path});
            EXPECT_EXIT(run, 2);
            QVERIFY2(run.err.contains(bad), qPrintable(describe(run)));
            QVERIFY(cli.pending().isEmpty());
        }
        const CliRun mapped =
            cli.run({u"import"_s, u"--map"_s, u"Col A=name"_s, u"--map"_s, u"2=value"_s, path});
        EXPECT_EXIT(mapped, 0);
        QCOMPARE(cli.cached().value(u"Theta"_s)[u"value"_s].toDouble(), 42.0);
    }

    // A deal with the name and account of one in the cache is warned about, and imported.
    void warnsOfALikelyDuplicate()
    {
        CsvCli cli;
        QVERIFY(cli.start());
        const CliRun run =
            cli.run({u"import"_s, cli.file(u"dup.csv"_s, "Name,Account\nalpha ,Acme Corp\n")});
        EXPECT_EXIT(run, 0);
        QVERIFY2(run.err.contains(u"line 2: warning: likely duplicate"_s),
                 qPrintable(describe(run)));
        QVERIFY2(run.out.contains(u"1 new, 0 updates, 0 invalid, 1 likely duplicates"_s),
                 qPrintable(describe(run)));
        QCOMPARE(cli.pending().size(), 1);
    }

    // A Latin-1 file with `;`, told or detected.
    void readsLatin1()
    {
        CsvCli cli;
        QVERIFY(cli.start());
        const QString path = cli.file(u"latin1.csv"_s, "Name;Wert\nM\xfcller Rahmenvertrag;12\n");
        const CliRun told = cli.run({u"import"_s, u"--dry-run"_s, u"--encoding"_s, u"latin1"_s,
                                     u"--separator"_s, u";"_s, path});
        EXPECT_EXIT(told, 0);
        EXPECT_EXIT(cli.run({u"import"_s, u"--encoding"_s, u"ebcdic"_s, path}), 2);
        EXPECT_EXIT(cli.run({u"import"_s, path}), 0);
        QCOMPARE(cli.cached().value(u"Müller Rahmenvertrag"_s)[u"value"_s].toDouble(), 12.0);
    }

    // A file that cannot be opened fails (1); one that is no CSV is invalid (6); both named.
    void aFileItCannotReadIsNamed()
    {
        CsvCli cli;
        QVERIFY(cli.start());
        const QString missing = cli.file(u"x.csv"_s, {}) + u".missing"_s;
        const CliRun absent = cli.run({u"import"_s, missing});
        EXPECT_EXIT(absent, 1);
        QVERIFY2(absent.err.contains(missing), qPrintable(describe(absent)));
        const QString broken = cli.file(u"broken.csv"_s, "Name,Value\nOpen,\"1\n");
        const CliRun unreadable = cli.run({u"import"_s, broken});
        EXPECT_EXIT(unreadable, 6);
        QVERIFY2(unreadable.err.contains(broken), qPrintable(describe(unreadable)));
        QVERIFY(cli.pending().isEmpty());
    }

    // What export writes, import --update reads back as it was: nothing to send, in both styles.
    void exportThenImportChangesNothing_data()
    {
        QTest::addColumn<QStringList>("style");
        QTest::addColumn<QString>("locale");
        QTest::newRow("neutral") << QStringList() << u"en_US.UTF-8"_s;
        QTest::newRow("de_DE") << QStringList{u"--locale"_s} << u"de_DE.UTF-8"_s;
    }
    void exportThenImportChangesNothing()
    {
        QFETCH(QStringList, style);
        QFETCH(QString, locale);
        CsvCli cli;
        QVERIFY(cli.start());
        const QString path = cli.file(u"all.csv"_s, {});
        EXPECT_EXIT(cli.run(QStringList{u"export"_s, u"--csv"_s, path} + style, locale), 0);
        const auto before = cli.cached();
        const CliRun run = cli.run({u"import"_s, u"--update"_s, path}, locale);
        EXPECT_EXIT(run, 0);
        QVERIFY2(run.out.contains(u"0 new, 3 updates, 0 invalid, 0 likely duplicates"_s),
                 qPrintable(describe(run)));
        QVERIFY2(run.out.contains(u"0 changed, 3 unchanged"_s), qPrintable(describe(run)));
        QVERIFY(cli.pending().isEmpty());
        QCOMPARE(cli.cached(), before);
    }
};

QTEST_GUILESS_MAIN(TestCliCsv)
#include "tst_clicsv.moc"
