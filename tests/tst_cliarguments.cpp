// The `kashew` command line read apart from running it, with no cache, profile or server: what a
// wrong command line ends with (exit code and message), what a right one asks for, that the help
// lists every command of the table, and the probability a closed stage implies in `new`, `set`
// and `move`, as the desktop app's dialog and board set it.
#include "CliCommandLine.h"
#include "CliCommandTable.h"
#include "CliEdit.h"

#include <QCoreApplication>
#include <QTest>

namespace {

std::variant<CliRequest, CliExit> parse(const QStringList &arguments)
{
    return CliCommandLine::parse(QStringList{QStringLiteral("kashew")} + arguments);
}

// The request a right command line gives; fails the test (and gives an empty one) otherwise.
CliRequest requestOf(const QStringList &arguments)
{
    const auto parsed = parse(arguments);
    if (const CliExit *exit = std::get_if<CliExit>(&parsed)) {
        QTest::qFail(qPrintable(QStringLiteral("'%1' ended with %2: %3")
                                    .arg(arguments.join(QLatin1Char(' ')))
                                    .arg(exit->code)
                                    .arg(exit->err)),
                     __FILE__, __LINE__);
        return {};
    }
    return std::get<CliRequest>(parsed);
}

// How a wrong command line ends; code -1 when it was read as a request.
CliExit exitOf(const QStringList &arguments)
{
    const auto parsed = parse(arguments);
    if (const CliExit *exit = std::get_if<CliExit>(&parsed))
        return *exit;
    return CliExit{-1, {}, {}};
}

Opportunity record(Stage stage, int probability)
{
    Opportunity o;
    o.id = QStringLiteral("opp-1");
    o.name = QStringLiteral("Acme");
    o.stage = stage;
    o.probability = probability;
    return o;
}

} // namespace

class TestCliArguments final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("kashew"));
        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
    }

    // 2, with the way to the help, and nothing on standard output.
    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const auto wrong = [](const QString &line) -> QString {
            return QStringLiteral("unknown command or wrong arguments: ") + line;
        };
        QTest::newRow("no command") << QStringList() << QStringLiteral("no command given");
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate"), QStringLiteral("x")}
            << wrong(QStringLiteral("frobnicate x"));
        QTest::newRow("show without id")
            << QStringList{QStringLiteral("show")} << wrong(QStringLiteral("show"));
        QTest::newRow("show with two ids")
            << QStringList{QStringLiteral("show"), QStringLiteral("a"), QStringLiteral("b")}
            << wrong(QStringLiteral("show a b"));
        QTest::newRow("set without assignment")
            << QStringList{QStringLiteral("set"), QStringLiteral("abc")}
            << wrong(QStringLiteral("set abc"));
        QTest::newRow("move without stage")
            << QStringList{QStringLiteral("move"), QStringLiteral("abc")}
            << wrong(QStringLiteral("move abc"));
        QTest::newRow("new without fields")
            << QStringList{QStringLiteral("new")} << wrong(QStringLiteral("new"));
        QTest::newRow("list with an argument")
            << QStringList{QStringLiteral("list"), QStringLiteral("acme")}
            << wrong(QStringLiteral("list acme"));
        QTest::newRow("unknown stage filter")
            << QStringList{QStringLiteral("list"), QStringLiteral("--stage"),
                           QStringLiteral("nirvana")}
            << QStringLiteral("unknown stage 'nirvana'");
        QTest::newRow("server that is no URL")
            << QStringList{QStringLiteral("--server"), QStringLiteral("not-a-url"),
                           QStringLiteral("sync")}
            << QStringLiteral("--server needs a URL such as https://kashew.ai/api/v1");
        // Each option belongs to the commands the table gives it.
        QTest::newRow("sync --json")
            << QStringList{QStringLiteral("sync"), QStringLiteral("--json")}
            << QStringLiteral("--json is not an option of 'sync'");
        QTest::newRow("show --no-wait")
            << QStringList{QStringLiteral("show"), QStringLiteral("abc"),
                           QStringLiteral("--no-wait")}
            << QStringLiteral("--no-wait is not an option of 'show'");
        QTest::newRow("set --stage")
            << QStringList{QStringLiteral("set"), QStringLiteral("abc"), QStringLiteral("value=1"),
                           QStringLiteral("--stage"), QStringLiteral("proposal")}
            << QStringLiteral("--stage is not an option of 'set'");
        QTest::newRow("import without file")
            << QStringList{QStringLiteral("import")} << wrong(QStringLiteral("import"));
        QTest::newRow("export --update")
            << QStringList{QStringLiteral("export"), QStringLiteral("--update")}
            << QStringLiteral("--update is not an option of 'export'");
        QTest::newRow("import --map without field")
            << QStringList{QStringLiteral("import"), QStringLiteral("f.csv"),
                           QStringLiteral("--map"), QStringLiteral("Name")}
            << QStringLiteral(
                   "--map: 'Name' is not COLUMN=FIELD (FIELD empty: the column is not imported)");
        QTest::newRow("import --encoding")
            << QStringList{QStringLiteral("import"), QStringLiteral("f.csv"),
                           QStringLiteral("--encoding"), QStringLiteral("ebcdic")}
            << QStringLiteral("--encoding: 'ebcdic' is neither utf-8 nor latin1");
        QTest::newRow("import --separator")
            << QStringList{QStringLiteral("import"), QStringLiteral("f.csv"),
                           QStringLiteral("--separator"), QStringLiteral("|")}
            << QStringLiteral("--separator: '|' is none of , ; tab");
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliExit exit = exitOf(arguments);
        QCOMPARE(exit.code, 2);
        QCOMPARE(exit.err, QStringLiteral("kashew: %1\nTry 'kashew --help'.\n").arg(message));
        QCOMPARE(exit.out, QString());
    }

    // 6: a value the domain refuses, named by its field, before any record is looked up.
    void invalidValues_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString id = QStringLiteral("abc");
        QTest::newRow("move: unknown stage")
            << QStringList{QStringLiteral("move"), id, QStringLiteral("nirvana")}
            << QStringLiteral("stage: unknown stage 'nirvana'");
        QTest::newRow("set: no equals sign")
            << QStringList{QStringLiteral("set"), id, QStringLiteral("value")}
            << QStringLiteral("expected field=value, not 'value'");
        QTest::newRow("set: no field name")
            << QStringList{QStringLiteral("set"), id, QStringLiteral("=5")}
            << QStringLiteral("expected field=value, not '=5'");
        QTest::newRow("set: unknown field")
            << QStringList{QStringLiteral("set"), id, QStringLiteral("colour=red")}
            << QStringLiteral("'colour' is not a field you can set (name, accountId, leadId, "
                              "value, currency, stage, probability, expectedCloseDate, "
                              "description, ownerId, isArchived)");
        QTest::newRow("set: a field only the server writes")
            << QStringList{QStringLiteral("set"), id, QStringLiteral("createdAt=2026-01-01")}
            << QStringLiteral("'createdAt' is not a field you can set (name, accountId, leadId, "
                              "value, currency, stage, probability, expectedCloseDate, "
                              "description, ownerId, isArchived)");
        QTest::newRow("set: unknown stage")
            << QStringList{QStringLiteral("set"), id, QStringLiteral("stage=nirvana")}
            << QStringLiteral("stage: ");
        QTest::newRow("new: no name")
            << QStringList{QStringLiteral("new"), QStringLiteral("value=5")}
            << QStringLiteral("name: Name is required.");
        QTest::newRow("new: negative value")
            << QStringList{QStringLiteral("new"), QStringLiteral("name=X"),
                           QStringLiteral("value=-5")}
            << QStringLiteral("value: ");
    }
    void invalidValues()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliExit exit = exitOf(arguments);
        QCOMPARE(exit.code, 6);
        QVERIFY2(exit.err.startsWith(QStringLiteral("kashew: ") + message), qPrintable(exit.err));
        QVERIFY(exit.err.endsWith(QLatin1Char('\n')));
        QCOMPARE(exit.out, QString());
    }

    // An option the parser does not know is a usage error, as the README's exit codes say.
    void unknownOptionIsAUsageError()
    {
        const CliExit exit = exitOf({QStringLiteral("list"), QStringLiteral("--colour")});
        QCOMPARE(exit.code, 2);
        QCOMPARE(exit.err, QStringLiteral("kashew: Unknown option 'colour'.\n"));
    }

    // --help lists every command of the table with its synopsis and line, and every option with
    // the commands that take it; --version says the version.
    void helpListsEveryCommandAndOption()
    {
        const CliExit help = exitOf({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QCOMPARE(help.out, CliCommandLine::helpText());
        QCOMPARE(CliCommandTable::commands().size(), 20);
        for (const CliCommand &command : CliCommandTable::commands()) {
            const QString line =
                QStringLiteral("  ") + command.synopsis().leftJustified(25) + command.help + u'\n';
            QVERIFY2(help.out.contains(line), qPrintable(command.name + u'\n' + help.out));
        }
        for (const QString &line :
             {QStringLiteral("  show ID                  one opportunity with its history\n"),
              QStringLiteral("  set ID field=value...    change fields (empty value clears)\n"),
              QStringLiteral("  move ID STAGE            change the stage (closed_won sets "
                             "probability 100, closed_lost 0)\n"),
              QStringLiteral("--json              list, show, forecast, people: JSON output.\n"),
              QStringLiteral("--profile <dir>     Profile folder.\n"),
              QStringLiteral("7 rate limit reached")})
            QVERIFY2(help.out.contains(line), qPrintable(help.out));
        for (const CliCommandTable::Option &option : CliCommandTable::options())
            QVERIFY2(help.out.contains(QStringLiteral("--") + option.name),
                     qPrintable(option.name));

        const CliExit version = exitOf({QStringLiteral("--version")});
        QCOMPARE(version.code, 0);
        QCOMPARE(version.out, QStringLiteral("kashew 9.8.7\n"));
    }

    // Every command of the table is found by its name and has a function that runs it.
    void everyCommandRuns()
    {
        QStringList names;
        for (const CliCommand &command : CliCommandTable::commands()) {
            QCOMPARE(CliCommandTable::find(command.name), &command);
            QVERIFY2(command.run, qPrintable(command.name));
            names.append(command.name);
        }
        QCOMPARE(names, (QStringList{QStringLiteral("sync"),         QStringLiteral("list"),
                                     QStringLiteral("show"),         QStringLiteral("forecast"),
                                     QStringLiteral("export"),       QStringLiteral("import"),
                                     QStringLiteral("new"),          QStringLiteral("set"),
                                     QStringLiteral("move"),         QStringLiteral("delete"),
                                     QStringLiteral("pending"),      QStringLiteral("status"),
                                     QStringLiteral("people"),       QStringLiteral("people set"),
                                     QStringLiteral("people me"),    QStringLiteral("rates"),
                                     QStringLiteral("rates base"),   QStringLiteral("rates set"),
                                     QStringLiteral("rates remove"), QStringLiteral("login")}));
    }

    // import: the file, each --map in order, the switches, a told encoding and separator.
    void csvOptions()
    {
        const CliRequest request = requestOf(
            {QStringLiteral("import"), QStringLiteral("deals.csv"), QStringLiteral("--map"),
             QStringLiteral("Deal=name"), QStringLiteral("--map"), QStringLiteral("3="),
             QStringLiteral("--update"), QStringLiteral("--dry-run"), QStringLiteral("--encoding"),
             QStringLiteral("Latin-1"), QStringLiteral("--separator"), QStringLiteral("tab")});
        QCOMPARE(request.csv.importFile, QStringLiteral("deals.csv"));
        QCOMPARE(request.csv.maps,
                 (QStringList{QStringLiteral("Deal=name"), QStringLiteral("3=")}));
        QVERIFY(request.csv.update && request.csv.dryRun && !request.csv.skipInvalid);
        QCOMPARE(request.csv.encoding, std::optional(CsvTable::Encoding::Latin1));
        QCOMPARE(request.csv.separator, std::optional(QChar(u'\t')));
        const CliRequest export_ = requestOf(
            {QStringLiteral("export"), QStringLiteral("--csv"), QStringLiteral("out.csv"),
             QStringLiteral("--locale"), QStringLiteral("--stage"), QStringLiteral("proposal")});
        QCOMPARE(export_.csv.exportFile, QStringLiteral("out.csv"));
        QVERIFY(export_.csv.localeStyle);
        QCOMPARE(export_.filter.stages.size(), 1);
    }

    // What right command lines ask for.
    void listFilter()
    {
        const CliRequest request = requestOf(
            {QStringLiteral("--profile"), QStringLiteral("/tmp/p"), QStringLiteral("list"),
             QStringLiteral("--stage"), QStringLiteral("Closed Won"), QStringLiteral("--search"),
             QStringLiteral("  ACME "), QStringLiteral("--owner"), QStringLiteral("u-1"),
             QStringLiteral("--archived"), QStringLiteral("--json")});
        QVERIFY(request.command);
        QCOMPARE(request.command->name, QStringLiteral("list"));
        QCOMPARE(request.profileDir, QStringLiteral("/tmp/p"));
        QVERIFY(request.server.isEmpty());
        QCOMPARE(request.filter.stages, QSet<Stage>{Stage::ClosedWon});
        QCOMPARE(request.filter.search, QStringLiteral("acme"));
        QCOMPARE(request.filter.ownerId, QStringLiteral("u-1"));
        QCOMPARE(request.filter.accountId, QString());
        QVERIFY(request.filter.archived);
        QVERIFY(request.json);
    }

    void forecastOptions()
    {
        const CliRequest request = requestOf(
            {QStringLiteral("forecast"), QStringLiteral("--months"), QStringLiteral("12"),
             QStringLiteral("--by"), QStringLiteral("owner"), QStringLiteral("--weighted"),
             QStringLiteral("--currency"), QStringLiteral("chf")});
        QCOMPARE(request.forecast.months, 12);
        QCOMPARE(request.forecast.grouping, ForecastGrouping::Owner);
        QVERIFY(request.forecast.weighted);
        QCOMPARE(request.forecast.currency, QStringLiteral("CHF"));
        const CliRequest plain = requestOf({QStringLiteral("forecast")});
        QCOMPARE(plain.forecast.months, 6);
        QCOMPARE(plain.forecast.grouping, ForecastGrouping::Stage);
        QVERIFY(!plain.forecast.weighted);
        QCOMPARE(plain.forecast.currency, QString());
        QVERIFY(requestOf({QStringLiteral("list"), QStringLiteral("--stale")}).filter.staleOnly);
    }

    void syncOptions()
    {
        const CliRequest request =
            requestOf({QStringLiteral("sync"), QStringLiteral("--no-wait"),
                       QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:8080/api/v1")});
        QCOMPARE(request.command->name, QStringLiteral("sync"));
        QVERIFY(request.noWait);
        QCOMPARE(request.server, QUrl(QStringLiteral("http://127.0.0.1:8080/api/v1")));
    }

    void setAssignments()
    {
        const CliRequest request = requestOf(
            {QStringLiteral("set"), QStringLiteral("ab12"), QStringLiteral("value=55000"),
             QStringLiteral("description="), QStringLiteral("expected_close_date=2026-12-31")});
        QCOMPARE(request.command->name, QStringLiteral("set"));
        QCOMPARE(request.id, QStringLiteral("ab12"));
        QCOMPARE(request.fields.present, OpportunityField::Value | OpportunityField::Description |
                                             OpportunityField::ExpectedCloseDate);
        QCOMPARE(request.fields.opportunity.value, 55000.0);
        QVERIFY(request.fields.opportunity.description.isNull());
        QCOMPARE(request.fields.opportunity.expectedCloseDate, QDate(2026, 12, 31));
    }

    // `move` to a closed stage sets the probability that stage implies, whatever the record's
    // stage was; to an open one only the stage.
    void moveImpliesTheProbabilityOfAClosedStage_data()
    {
        QTest::addColumn<QString>("stage");
        QTest::addColumn<Stage>("from");
        QTest::addColumn<int>("probability");
        QTest::addColumn<bool>("sent");
        QTest::newRow("won") << QStringLiteral("closed_won") << Stage::Proposal << 100 << true;
        QTest::newRow("lost") << QStringLiteral("closed-lost") << Stage::Proposal << 0 << true;
        QTest::newRow("won again")
            << QStringLiteral("closed_won") << Stage::ClosedWon << 100 << true;
        QTest::newRow("open") << QStringLiteral("negotiation") << Stage::Proposal << 40 << false;
    }
    void moveImpliesTheProbabilityOfAClosedStage()
    {
        QFETCH(QString, stage);
        QFETCH(Stage, from);
        QFETCH(int, probability);
        QFETCH(bool, sent);
        const CliRequest request =
            requestOf({QStringLiteral("move"), QStringLiteral("ab12"), stage});
        QCOMPARE(request.command->name, QStringLiteral("move"));
        const CliEdit::Edit edit = CliEdit::applied(record(from, 40), request.fields);
        QCOMPARE(Stages::id(edit.opportunity.stage), Stages::id(*Stages::fromId(stage)));
        QCOMPARE(edit.opportunity.probability, probability);
        QCOMPARE(edit.fields.testFlag(OpportunityField::Probability), sent);
        QVERIFY(edit.fields.testFlag(OpportunityField::Stage));
    }

    // `set stage=` does what choosing the stage in the app's dialog does: another stage that is
    // closed sets its probability, unless the command gives one; the record's own stage or an
    // open one leaves it.
    void setStageImpliesTheProbabilityAsTheDialogDoes_data()
    {
        QTest::addColumn<QStringList>("assignments");
        QTest::addColumn<Stage>("from");
        QTest::addColumn<int>("probability");
        QTest::addColumn<bool>("sent");
        QTest::newRow("to won") << QStringList{QStringLiteral("stage=closed_won")}
                                << Stage::Proposal << 100 << true;
        QTest::newRow("to lost") << QStringList{QStringLiteral("stage=closed_lost")}
                                 << Stage::Negotiation << 0 << true;
        QTest::newRow("to won, probability given")
            << QStringList{QStringLiteral("stage=closed_won"), QStringLiteral("probability=90")}
            << Stage::Proposal << 90 << true;
        QTest::newRow("probability given first")
            << QStringList{QStringLiteral("probability=70"), QStringLiteral("stage=closed_lost")}
            << Stage::Proposal << 70 << true;
        QTest::newRow("already won")
            << QStringList{QStringLiteral("stage=closed_won")} << Stage::ClosedWon << 40 << false;
        QTest::newRow("to an open stage")
            << QStringList{QStringLiteral("stage=negotiation")} << Stage::Proposal << 40 << false;
        QTest::newRow("no stage") << QStringList{QStringLiteral("value=10")} << Stage::Proposal
                                  << 40 << false;
    }
    void setStageImpliesTheProbabilityAsTheDialogDoes()
    {
        QFETCH(QStringList, assignments);
        QFETCH(Stage, from);
        QFETCH(int, probability);
        QFETCH(bool, sent);
        const CliRequest request =
            requestOf(QStringList{QStringLiteral("set"), QStringLiteral("ab12")} + assignments);
        const CliEdit::Edit edit = CliEdit::applied(record(from, 40), request.fields);
        QCOMPARE(edit.opportunity.probability, probability);
        QCOMPARE(edit.fields.testFlag(OpportunityField::Probability), sent);
        QCOMPARE(edit.opportunity.name, QStringLiteral("Acme"));
    }

    // `new` with a closed stage: the probability it implies unless one is given, as the dialog
    // sets it when that stage is chosen for a new deal.
    void newWithAClosedStage()
    {
        const CliRequest won = requestOf({QStringLiteral("new"), QStringLiteral("name=Won"),
                                          QStringLiteral("stage=closed_won")});
        QCOMPARE(won.command->name, QStringLiteral("new"));
        QCOMPARE(won.fields.opportunity.name, QStringLiteral("Won"));
        QCOMPARE(won.fields.opportunity.stage, Stage::ClosedWon);
        QCOMPARE(won.fields.opportunity.probability, 100);
        const CliRequest given =
            requestOf({QStringLiteral("new"), QStringLiteral("name=Won"),
                       QStringLiteral("stage=closed_won"), QStringLiteral("probability=80")});
        QCOMPARE(given.fields.opportunity.probability, 80);
        const CliRequest open = requestOf(
            {QStringLiteral("new"), QStringLiteral("name=Open"), QStringLiteral("stage=proposal")});
        QCOMPARE(open.fields.opportunity.probability, Opportunity().probability);
    }
};

QTEST_GUILESS_MAIN(TestCliArguments)
#include "tst_cliarguments.moc"
