// The `kashew` command's contract, as the README states it: its exit codes (2 usage, 3 not found,
// 4 offline, 5 key refused, 6 invalid value), each provoked for real against a real
// kashew-server; ids shortened to a prefix; `set field=` clearing a field; `list --json`.
#include "CliRun.h"
#include "ServerProcess.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Runs the real `kashew` binary on one profile and server, with the key in KASHEW_API_KEY (never
// the keychain, which needs a desktop session).
class Cli final
{
public:
    Cli(const QString &profile, const QUrl &server)
        : m_profile(profile)
        , m_server(server)
    {}

    CliRun run(const QStringList &arguments, const QByteArray &key = ServerProcess::writeKey,
               const QUrl &server = {}) const
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("KASHEW_API_KEY"), QString::fromLatin1(key));
        process.setProcessEnvironment(environment);
        QStringList all{QStringLiteral("--profile"), m_profile};
        // Without a server, the command uses the one the profile remembers.
        if (const QUrl to = server.isEmpty() ? m_server : server; !to.isEmpty())
            all += QStringList{QStringLiteral("--server"), to.toString()};
        process.start(QStringLiteral(KASHEW_CLI_PATH), all + arguments);
        if (!process.waitForFinished(120000))
            process.kill();
        return CliRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                      QString::fromUtf8(process.readAllStandardOutput()),
                      QString::fromUtf8(process.readAllStandardError()), QString()};
    }

private:
    QString m_profile;
    QUrl m_server;
};

using TestData::serverRecord;

QJsonArray serverRecords(TestHttp &http)
{
    return http.get(QStringLiteral("/opportunities?pageSize=100"))
        .json()
        .value(QStringLiteral("opportunities"))
        .toArray();
}

} // namespace

class TestKashewCli final : public QObject
{
    Q_OBJECT

private slots:
    // 2: the command line itself is wrong. Nothing is sent, nothing is stored.
    void usageIsTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList();
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("show without id") << QStringList{QStringLiteral("show")};
        QTest::newRow("set without assignment")
            << QStringList{QStringLiteral("set"), QStringLiteral("abc")};
        QTest::newRow("move without stage")
            << QStringList{QStringLiteral("move"), QStringLiteral("abc")};
        QTest::newRow("unknown stage filter") << QStringList{
            QStringLiteral("list"), QStringLiteral("--stage"), QStringLiteral("nirvana")};
    }
    void usageIsTwo()
    {
        QFETCH(QStringList, arguments);
        QTemporaryDir profile;
        const Cli cli(profile.path(), QUrl(QStringLiteral("http://127.0.0.1:9/api/v1")));
        const CliRun run = cli.run(arguments);
        EXPECT_EXIT(run, 2);
        QVERIFY2(run.err.contains(QStringLiteral("kashew --help")), qPrintable(run.err));
        QCOMPARE(run.out, QString());
    }

    void serverThatIsNoUrlIsUsage()
    {
        QTemporaryDir profile;
        const Cli cli(profile.path(), QUrl(QStringLiteral("not-a-url")));
        const CliRun run = cli.run({QStringLiteral("sync")});
        EXPECT_EXIT(run, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--server")), qPrintable(run.err));
    }

    // 3: no record has that id (or prefix).
    void unknownIdIsThree()
    {
        QTemporaryDir profile;
        const Cli cli(profile.path(), QUrl(QStringLiteral("http://127.0.0.1:9/api/v1")));
        EXPECT_EXIT(cli.run({QStringLiteral("new"), QStringLiteral("name=Only one")}), 0);
        for (const QStringList &arguments :
             {QStringList{QStringLiteral("show"), QStringLiteral("no-such-id")},
              QStringList{QStringLiteral("set"), QStringLiteral("no-such-id"),
                          QStringLiteral("value=1")},
              QStringList{QStringLiteral("move"), QStringLiteral("no-such-id"),
                          QStringLiteral("qualification")},
              QStringList{QStringLiteral("delete"), QStringLiteral("no-such-id")}}) {
            const CliRun run = cli.run(arguments);
            EXPECT_EXIT(run, 3);
            QVERIFY2(run.err.contains(QStringLiteral("no-such-id")), qPrintable(run.err));
        }
        // Nothing was changed by the refused commands: only the create is pending.
        QCOMPARE(cli.run({QStringLiteral("pending")}).out.count(QLatin1Char('\n')), 1);
    }

    // 4: the server cannot be reached (here: it was stopped). The edit stays pending.
    void stoppedServerIsOffline()
    {
        ServerProcess server;
        QVERIFY(server.start());
        QTemporaryDir profile;
        const Cli cli(profile.path(), server.baseUrl());
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        EXPECT_EXIT(cli.run({QStringLiteral("new"), QStringLiteral("name=Written offline")}), 0);
        QCOMPARE(server.stop(), 0);

        const CliRun run = cli.run({QStringLiteral("sync")});
        EXPECT_EXIT(run, 4);
        QVERIFY2(run.err.contains(QStringLiteral("sync failed")), qPrintable(run.err));
        QVERIFY(cli.run({QStringLiteral("pending")}).out.startsWith(QStringLiteral("create ")));

        // Back online, the same edit goes out once.
        QVERIFY(server.start());
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QJsonArray all = serverRecords(http);
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Written offline"));
    }

    // 5: the server does not know the key (401).
    void wrongKeyIsFive()
    {
        ServerProcess server;
        QVERIFY(server.start());
        QTemporaryDir profile;
        const Cli cli(profile.path(), server.baseUrl());
        const CliRun run = cli.run({QStringLiteral("sync")}, "kshw_not_a_key_of_this_server");
        EXPECT_EXIT(run, 5);
        QVERIFY2(!run.err.isEmpty(), qPrintable(describe(run)));
    }

    // 5: a read-only key may sync (read), but an edit it has to send is refused (403). The edit
    // is kept, marked refused, and the command says so and fails.
    void readOnlyKeyRefusingAnEditIsFive()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        QTemporaryDir profile;
        const Cli cli(profile.path(), server.baseUrl());
        EXPECT_EXIT(cli.run({QStringLiteral("new"), QStringLiteral("name=Seen by all")}), 0);
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        const QString id =
            serverRecords(http).first().toObject().value(QStringLiteral("id")).toString();

        // Reading with the read-only key is fine.
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}, ServerProcess::readKey), 0);

        EXPECT_EXIT(cli.run({QStringLiteral("set"), id, QStringLiteral("value=777")}), 0);
        const CliRun run = cli.run({QStringLiteral("sync")}, ServerProcess::readKey);
        EXPECT_EXIT(run, 5);
        QVERIFY2(run.err.contains(QStringLiteral("read")), qPrintable(describe(run)));
        QCOMPARE(serverRecord(http, id).value(QStringLiteral("value")).toDouble(), 0.0);
        QVERIFY(cli.run({QStringLiteral("pending")}).out.startsWith(QStringLiteral("update ")));
    }

    // 5: the key would go over plain http to another machine; nothing is sent.
    void insecureUrlIsFive()
    {
        QTemporaryDir profile;
        const Cli cli(profile.path(), QUrl(QStringLiteral("http://kashew.example/api/v1")));
        const CliRun run = cli.run({QStringLiteral("sync")});
        EXPECT_EXIT(run, 5);
        QVERIFY2(run.err.contains(QStringLiteral("https://")), qPrintable(run.err));
    }

    // 6: a value the domain refuses; the message names the field, nothing is stored.
    void invalidValueIsSixAndNamesTheField_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("field");
        const QString id = QStringLiteral("{id}");
        QTest::newRow("new: negative value")
            << QStringList{QStringLiteral("new"), QStringLiteral("name=X"),
                           QStringLiteral("value=-5")}
            << QStringLiteral("value");
        QTest::newRow("new: no name")
            << QStringList{QStringLiteral("new"), QStringLiteral("value=5")}
            << QStringLiteral("name");
        QTest::newRow("set: probability over 100")
            << QStringList{QStringLiteral("set"), id, QStringLiteral("probability=101")}
            << QStringLiteral("probability");
        QTest::newRow("set: not a date")
            << QStringList{QStringLiteral("set"), id,
                           QStringLiteral("expectedCloseDate=2026-13-01")}
            << QStringLiteral("expectedCloseDate");
        QTest::newRow("set: not a currency")
            << QStringList{QStringLiteral("set"), id, QStringLiteral("currency=euro")}
            << QStringLiteral("currency");
        QTest::newRow("set: unknown field")
            << QStringList{QStringLiteral("set"), id, QStringLiteral("colour=red")}
            << QStringLiteral("colour");
        QTest::newRow("move: unknown stage")
            << QStringList{QStringLiteral("move"), id, QStringLiteral("nirvana")}
            << QStringLiteral("stage");
    }
    void invalidValueIsSixAndNamesTheField()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, field);
        QTemporaryDir profile;
        const Cli cli(profile.path(), QUrl(QStringLiteral("http://127.0.0.1:9/api/v1")));
        const CliRun created = cli.run({QStringLiteral("new"), QStringLiteral("name=Target")});
        EXPECT_EXIT(created, 0);
        const QString id = created.out.trimmed();
        arguments.replaceInStrings(QStringLiteral("{id}"), id);
        const QString before = cli.run({QStringLiteral("show"), id, QStringLiteral("--json")}).out;

        const CliRun run = cli.run(arguments);
        EXPECT_EXIT(run, 6);
        QVERIFY2(run.err.contains(field), qPrintable(describe(run)));
        QCOMPARE(cli.run({QStringLiteral("show"), id, QStringLiteral("--json")}).out, before);
        QCOMPARE(cli.run({QStringLiteral("list")}).out.count(QLatin1Char('\n')), 1);
    }

    // 6: an edit the server refuses at sync (422: no such account). Kept, marked, reported.
    void editRefusedByTheServerIsSix()
    {
        ServerProcess server;
        QVERIFY(server.start());
        QTemporaryDir profile;
        const Cli cli(profile.path(), server.baseUrl());
        const CliRun created = cli.run({QStringLiteral("new"), QStringLiteral("name=Orphan"),
                                        QStringLiteral("accountId=11111111-2222-3333-4444-"
                                                       "555555555555")});
        EXPECT_EXIT(created, 0);
        const CliRun run = cli.run({QStringLiteral("sync")});
        EXPECT_EXIT(run, 6);
        QVERIFY2(run.err.contains(QStringLiteral("accountId")), qPrintable(describe(run)));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        QCOMPARE(serverRecords(http).size(), 0);
        QVERIFY(cli.run({QStringLiteral("pending")}).out.startsWith(QStringLiteral("create ")));
    }

    // IDs may be shortened to a unique prefix; a prefix two records share is refused (3) and
    // changes nothing.
    void uniqueAndAmbiguousPrefixes()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        // Seventeen ids in sixteen hex digits: at least two start alike.
        for (int i = 0; i < 17; ++i) {
            QCOMPARE(http.post(QStringLiteral("/opportunities"),
                               {{QStringLiteral("name"), QStringLiteral("Deal %1").arg(i)},
                                {QStringLiteral("value"), 100 + i}})
                         .status,
                     201);
        }
        QTemporaryDir profile;
        const Cli cli(profile.path(), server.baseUrl());
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        QStringList ids;
        for (const QJsonValue &item : serverRecords(http))
            ids.append(item.toObject().value(QStringLiteral("id")).toString());
        QCOMPARE(ids.size(), 17);

        // The longest prefix that two ids share: ambiguous.
        QString shared;
        for (const QString &a : ids) {
            for (const QString &b : ids) {
                if (a == b)
                    continue;
                int n = 0;
                while (n < a.size() && n < b.size() && a.at(n) == b.at(n))
                    ++n;
                if (n > shared.size())
                    shared = a.left(n);
            }
        }
        QVERIFY(!shared.isEmpty());
        for (const QStringList &arguments :
             {QStringList{QStringLiteral("show"), shared},
              QStringList{QStringLiteral("set"), shared, QStringLiteral("value=1")},
              QStringList{QStringLiteral("move"), shared, QStringLiteral("closed_won")},
              QStringList{QStringLiteral("delete"), shared}}) {
            const CliRun run = cli.run(arguments);
            EXPECT_EXIT(run, 3);
            QVERIFY2(run.err.contains(QStringLiteral("more than one")), qPrintable(run.err));
        }
        QCOMPARE(cli.run({QStringLiteral("pending")}).out, QString());

        // One character more than any two ids share: unique for every record.
        const QString target = ids.at(3);
        const QString unique = target.left(shared.size() + 1);
        const CliRun shown = cli.run({QStringLiteral("show"), unique, QStringLiteral("--json")});
        EXPECT_EXIT(shown, 0);
        QCOMPARE(QJsonDocument::fromJson(shown.out.toUtf8())
                     .object()
                     .value(QStringLiteral("id"))
                     .toString(),
                 target);
        // The prefix is matched without regard to case.
        const CliRun set =
            cli.run({QStringLiteral("set"), unique.toUpper(), QStringLiteral("value=4242")});
        EXPECT_EXIT(set, 0);
        QVERIFY2(set.out.contains(target), qPrintable(set.out));
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        for (const QString &id : ids) {
            const double value = serverRecord(http, id).value(QStringLiteral("value")).toDouble();
            if (id == target)
                QCOMPARE(value, 4242.0);
            else
                QVERIFY2(value < 200, qPrintable(id));
        }
    }

    // `set ID description=` clears the field: after sync the server has none.
    void emptyValueClearsAField()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        QTemporaryDir profile;
        const Cli cli(profile.path(), server.baseUrl());
        EXPECT_EXIT(cli.run({QStringLiteral("new"), QStringLiteral("name=Described"),
                             QStringLiteral("description=Long story"),
                             QStringLiteral("expectedCloseDate=2026-12-31")}),
                    0);
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        const QString id =
            serverRecords(http).first().toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(serverRecord(http, id).value(QStringLiteral("description")).toString(),
                 QStringLiteral("Long story"));

        EXPECT_EXIT(cli.run({QStringLiteral("set"), id.left(13), QStringLiteral("description="),
                             QStringLiteral("value=55000")}),
                    0);
        const QString pending = cli.run({QStringLiteral("pending")}).out;
        QVERIFY2(pending.contains(QStringLiteral("description")), qPrintable(pending));
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);

        const QJsonObject onServer = serverRecord(http, id);
        const QJsonValue description = onServer.value(QStringLiteral("description"));
        QVERIFY2(description.isNull() || description.isUndefined() ||
                     description.toString().isEmpty(),
                 qPrintable(QString::fromUtf8(QJsonDocument(onServer).toJson())));
        QCOMPARE(onServer.value(QStringLiteral("value")).toDouble(), 55000.0);
        // The fields not named keep their values.
        QCOMPARE(onServer.value(QStringLiteral("expected_close_date")).toString(),
                 QStringLiteral("2026-12-31"));
        QCOMPARE(onServer.value(QStringLiteral("name")).toString(), QStringLiteral("Described"));
        // And the cache agrees.
        const QJsonObject cached =
            QJsonDocument::fromJson(
                cli.run({QStringLiteral("show"), id, QStringLiteral("--json")}).out.toUtf8())
                .object();
        QVERIFY(cached.value(QStringLiteral("description")).isNull());
        QCOMPARE(cached.value(QStringLiteral("sync_state")).toString(), QStringLiteral("synced"));
    }

    // `list --json`: standard output is one JSON array of the listed records with their fields
    // and sync state, and nothing else.
    void listJson()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        QTemporaryDir profile;
        const Cli cli(profile.path(), server.baseUrl());
        EXPECT_EXIT(cli.run({QStringLiteral("new"), QStringLiteral("name=Acme — Pilot"),
                             QStringLiteral("value=5000"), QStringLiteral("currency=EUR"),
                             QStringLiteral("stage=proposal"), QStringLiteral("probability=40"),
                             QStringLiteral("expectedCloseDate=2026-12-31"),
                             QStringLiteral("description=Two \"quoted\" words\nand a line")}),
                    0);
        EXPECT_EXIT(cli.run({QStringLiteral("new"), QStringLiteral("name=Beta"),
                             QStringLiteral("value=12.5")}),
                    0);
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        // One more, not yet sent; and an archived one, which a plain list leaves out.
        EXPECT_EXIT(cli.run({QStringLiteral("new"), QStringLiteral("name=Gamma")}), 0);
        EXPECT_EXIT(cli.run({QStringLiteral("new"), QStringLiteral("name=Old"),
                             QStringLiteral("isArchived=true")}),
                    0);

        const CliRun run = cli.run({QStringLiteral("list"), QStringLiteral("--json")});
        EXPECT_EXIT(run, 0);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError,
                 qPrintable(error.errorString() + QStringLiteral(": ") + run.out));
        QVERIFY(document.isArray());
        const QJsonArray list = document.array();
        QCOMPARE(list.size(), 3);
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &item : list) {
            const QJsonObject o = item.toObject();
            for (const char *field :
                 {"id", "name", "value", "currency", "stage", "probability", "expected_close_date",
                  "description", "account_id", "owner_id", "is_archived", "sync_state"})
                QVERIFY2(o.contains(QLatin1String(field)), field);
            byName.insert(o.value(QStringLiteral("name")).toString(), o);
        }
        const QJsonObject pilot = byName.value(QStringLiteral("Acme — Pilot"));
        QCOMPARE(pilot.value(QStringLiteral("value")).toDouble(), 5000.0);
        QCOMPARE(pilot.value(QStringLiteral("currency")).toString(), QStringLiteral("EUR"));
        QCOMPARE(pilot.value(QStringLiteral("stage")).toString(), QStringLiteral("proposal"));
        QCOMPARE(pilot.value(QStringLiteral("probability")).toInt(), 40);
        QCOMPARE(pilot.value(QStringLiteral("expected_close_date")).toString(),
                 QStringLiteral("2026-12-31"));
        QCOMPARE(pilot.value(QStringLiteral("description")).toString(),
                 QStringLiteral("Two \"quoted\" words\nand a line"));
        QCOMPARE(pilot.value(QStringLiteral("sync_state")).toString(), QStringLiteral("synced"));
        QCOMPARE(pilot.value(QStringLiteral("is_archived")).toBool(), false);
        // The synced ones carry the server's ids.
        for (const QJsonValue &item : serverRecords(http)) {
            const QJsonObject o = item.toObject();
            QCOMPARE(byName.value(o.value(QStringLiteral("name")).toString())
                         .value(QStringLiteral("id"))
                         .toString(),
                     o.value(QStringLiteral("id")).toString());
        }
        QCOMPARE(byName.value(QStringLiteral("Beta")).value(QStringLiteral("value")).toDouble(),
                 12.5);
        QCOMPARE(
            byName.value(QStringLiteral("Gamma")).value(QStringLiteral("sync_state")).toString(),
            QStringLiteral("pending"));

        // With a filter: only the matching record; archived ones on request.
        const QJsonArray proposals =
            QJsonDocument::fromJson(cli.run({QStringLiteral("list"), QStringLiteral("--stage"),
                                             QStringLiteral("proposal"), QStringLiteral("--json")})
                                        .out.toUtf8())
                .array();
        QCOMPARE(proposals.size(), 1);
        QCOMPARE(proposals.first().toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Acme — Pilot"));
        const QJsonArray archived =
            QJsonDocument::fromJson(cli.run({QStringLiteral("list"), QStringLiteral("--archived"),
                                             QStringLiteral("--json")})
                                        .out.toUtf8())
                .array();
        QCOMPARE(archived.size(), 1);
        QCOMPARE(archived.first().toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Old"));
        // Nothing matches: still valid JSON, an empty array.
        const CliRun none = cli.run({QStringLiteral("list"), QStringLiteral("--search"),
                                     QStringLiteral("no such name"), QStringLiteral("--json")});
        EXPECT_EXIT(none, 0);
        QVERIFY(QJsonDocument::fromJson(none.out.toUtf8()).isArray());
        QCOMPARE(QJsonDocument::fromJson(none.out.toUtf8()).array().size(), 0);
    }

    // `list --search` ignores case and accents and looks in the account's name too.
    void listSearchIgnoresAccentsAndFindsAccounts()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString account = TestData::createAccount(http, QStringLiteral("Kraków Logistik"));
        TestData::createOpportunity(http, {{QStringLiteral("name"), QStringLiteral("Łódź Pilot")}});
        TestData::createOpportunity(http, {{QStringLiteral("name"), QStringLiteral("Renewal")},
                                           {QStringLiteral("accountId"), account}});
        TestData::createOpportunity(http, {{QStringLiteral("name"), QStringLiteral("Other")}});
        QTemporaryDir profile;
        const Cli cli(profile.path(), server.baseUrl());
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        const auto found = [&](const QString &search) {
            const CliRun run = cli.run({QStringLiteral("list"), QStringLiteral("--search"), search,
                                        QStringLiteral("--json")});
            QStringList names;
            for (const QJsonValue &item : QJsonDocument::fromJson(run.out.toUtf8()).array())
                names.append(item.toObject().value(QStringLiteral("name")).toString());
            names.sort();
            return names;
        };
        QCOMPARE(found(QStringLiteral("krakow")), QStringList{QStringLiteral("Renewal")});
        QCOMPARE(found(QStringLiteral("KRAKÓW")), QStringList{QStringLiteral("Renewal")});
        QCOMPARE(found(QStringLiteral("lodz")), QStringList{QStringLiteral("Łódź Pilot")});
        QCOMPARE(found(QStringLiteral("l")),
                 (QStringList{QStringLiteral("Renewal"), QStringLiteral("Łódź Pilot")}));
    }

    // A record's name cannot steer the terminal: escape sequences, bells, carriage returns and
    // bidi overrides come out escaped in text, and JSON stays valid and exact.
    void serverTextCannotSteerTheTerminal()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString name = QStringLiteral("Evil") + QChar(0x1b) + QStringLiteral("[2J") +
                             QChar(0x07) + QChar(u'\r') + QChar(0x202e) +
                             QStringLiteral("redaolnwod") + QChar(0x9b);
        const TestHttp::Reply created =
            http.post(QStringLiteral("/opportunities"), {{QStringLiteral("name"), name}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(QStringLiteral("id")).toString();
        QTemporaryDir profile;
        const Cli cli(profile.path(), server.baseUrl());
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        for (const QStringList &command :
             {QStringList{QStringLiteral("list")}, QStringList{QStringLiteral("show"), id}}) {
            const CliRun run = cli.run(command);
            EXPECT_EXIT(run, 0);
            for (const char16_t c : {u'\x1b', u'\x07', u'\r', u'\u202e', u'\u009b'})
                QVERIFY2(!run.out.contains(QChar(c)),
                         qPrintable(QStringLiteral("U+%1 reached the terminal: %2")
                                        .arg(int(c), 4, 16, QLatin1Char('0'))
                                        .arg(run.out)));
            QVERIFY2(run.out.contains(QStringLiteral("Evil\\u001b[2J\\u0007\\u000d"
                                                     "\\u202eredaolnwod\\u009b")),
                     qPrintable(run.out));
        }
        const CliRun json = cli.run({QStringLiteral("list"), QStringLiteral("--json")});
        EXPECT_EXIT(json, 0);
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8())
                     .array()
                     .first()
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 name);
    }

    // The id `new` prints names the record for good, also once a sync gave it the server's id.
    // `--server` given once is the profile's server from then on, as in the app: `status`,
    // `list` and later syncs of that profile use it without being told again.
    void serverGivenOnceIsRemembered()
    {
        ServerProcess server;
        QVERIFY(server.start());
        QTemporaryDir profile;
        const Cli cli(profile.path(), server.baseUrl());
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        QCOMPARE(http.post(QStringLiteral("/opportunities"),
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("Made elsewhere")}})
                     .status,
                 201);
        const Cli plain(profile.path(), QUrl()); // no --server
        const auto runPlain = [&](const QStringList &arguments) {
            return plain.run(arguments);
        };
        const CliRun synced = runPlain({QStringLiteral("sync")});
        EXPECT_EXIT(synced, 0);
        const CliRun listed = runPlain({QStringLiteral("list")});
        EXPECT_EXIT(listed, 0);
        QVERIFY2(listed.out.contains(QStringLiteral("Made elsewhere")), qPrintable(listed.out));
        const CliRun status = runPlain({QStringLiteral("status")});
        QVERIFY2(status.out.contains(server.baseUrl().toString()), qPrintable(status.out));
    }

    void idFromNewStaysUsableAfterTheSync()
    {
        ServerProcess server;
        QVERIFY(server.start());
        QTemporaryDir profile;
        const Cli cli(profile.path(), server.baseUrl());
        const CliRun created = cli.run({QStringLiteral("new"), QStringLiteral("name=Renamed")});
        EXPECT_EXIT(created, 0);
        const QString localId = created.out.trimmed();
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString serverId =
            serverRecords(http).first().toObject().value(QStringLiteral("id")).toString();
        QVERIFY(serverId != localId);
        const CliRun shown = cli.run({QStringLiteral("show"), localId});
        EXPECT_EXIT(shown, 0);
        QVERIFY2(shown.out.contains(serverId), qPrintable(shown.out));
        EXPECT_EXIT(cli.run({QStringLiteral("set"), localId, QStringLiteral("value=77")}), 0);
        EXPECT_EXIT(cli.run({QStringLiteral("sync")}), 0);
        QCOMPARE(serverRecord(http, serverId).value(QStringLiteral("value")).toDouble(), 77.0);
    }
};

QTEST_GUILESS_MAIN(TestKashewCli)
#include "tst_kashewcli.moc"
