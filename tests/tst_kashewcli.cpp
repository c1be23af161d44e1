// The `kashew` command's exit codes, as the README states them (2 usage, 3 not found, 4 offline,
// 5 key refused, 6 invalid value), each provoked for real against a real kashew-server.
#include "CliOnProfile.h"
#include "TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using Cli = CliOnProfile;
using TestData::serverRecord;

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
};

QTEST_GUILESS_MAIN(TestKashewCli)
#include "tst_kashewcli.moc"
