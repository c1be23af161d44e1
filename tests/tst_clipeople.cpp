// `kashew people` and owner names in `kashew list` and `show`, against a real kashew-server with
// keys of two users: the book from /users and /users/me, the user's own names over the
// server's, "me", and the usage and value errors of the people commands.
#include "CliRun.h"
#include "PeopleBook.h"
#include "ServerProcess.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr const char *anaKey = "kshw_clipeople_ana_0123456789";
constexpr const char *benKey = "kshw_clipeople_ben_0123456789";
const QString anaId = QStringLiteral("auth0|5f1c");
const QString benId = QStringLiteral("google-oauth2|1048");
const QString strangerId = QStringLiteral("auth0|77aa99bb33cc");

// Runs the real `kashew` binary on one profile and server, the key in KASHEW_API_KEY.
CliRun runCli(const QString &profile, const QUrl &server, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("KASHEW_API_KEY"), QString::fromLatin1(anaKey));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(KASHEW_CLI_PATH),
                  QStringList{QStringLiteral("--profile"), profile, QStringLiteral("--server"),
                              server.toString()} +
                      arguments);
    if (!process.waitForFinished(120000))
        process.kill();
    return CliRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                  QString::fromUtf8(process.readAllStandardOutput()),
                  QString::fromUtf8(process.readAllStandardError()), QString()};
}

// The line of `output` that holds `text`, or empty.
QString lineWith(const QString &output, const QString &text)
{
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        if (line.contains(text))
            return line;
    }
    return QString();
}

// A line's words, spaces between columns aside.
QStringList columns(const QString &line)
{
    return line.split(QRegularExpression(QStringLiteral("\\s{2,}")), Qt::SkipEmptyParts);
}

} // namespace

class TestCliPeople final : public QObject
{
    Q_OBJECT

    ServerProcess m_server;
    QTemporaryDir m_data;
    QTemporaryDir m_profile;
    QString m_anaDeal;
    QString m_strangerDeal;

    CliRun run(const QStringList &arguments) const
    {
        return runCli(m_profile.path(), m_server.baseUrl(), arguments);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.startWithOnly(
            {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
             QStringLiteral("--database"), m_data.filePath(QStringLiteral("server.sqlite")),
             QStringLiteral("--user"), QStringLiteral("auth0|5f1c=Ana Souza <ana@example.com>"),
             QStringLiteral("--user"), QStringLiteral("google-oauth2|1048=Ben Okafor"),
             QStringLiteral("--api-key"), QLatin1String(anaKey) + QLatin1Char('@') + anaId,
             QStringLiteral("--read-only-key"), QLatin1String(benKey) + QLatin1Char('@') + benId}));
        TestHttp http(m_server.baseUrl(), anaKey);
        const TestHttp::Reply ana =
            http.post(QStringLiteral("/opportunities"),
                      {{QStringLiteral("name"), QStringLiteral("Ana deal")}});
        QCOMPARE(ana.status, 201);
        m_anaDeal = ana.json().value(QStringLiteral("id")).toString();
        const TestHttp::Reply stranger =
            http.post(QStringLiteral("/opportunities"),
                      {{QStringLiteral("name"), QStringLiteral("Stranger deal")},
                       {QStringLiteral("ownerId"), strangerId}});
        QCOMPARE(stranger.status, 201);
        m_strangerDeal = stranger.json().value(QStringLiteral("id")).toString();
        EXPECT_EXIT(run({QStringLiteral("sync")}), 0);
    }

    // The book as the server told it: names, emails, where they come from, and * for me.
    void peopleListsTheServersUsers()
    {
        const CliRun listed = run({QStringLiteral("people")});
        EXPECT_EXIT(listed, 0);
        QCOMPARE(columns(lineWith(listed.out, anaId)),
                 (QStringList{QStringLiteral("* ") + anaId, QStringLiteral("Ana Souza"),
                              QStringLiteral("ana@example.com"), QStringLiteral("server")}));
        QCOMPARE(columns(lineWith(listed.out, benId)),
                 (QStringList{benId, QStringLiteral("Ben Okafor"), QStringLiteral("-"),
                              QStringLiteral("server")}));

        const CliRun json = run({QStringLiteral("people"), QStringLiteral("--json")});
        EXPECT_EXIT(json, 0);
        const QJsonArray array = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(array.size(), 2);
        const QJsonObject first = array.first().toObject();
        QCOMPARE(first.value(QStringLiteral("id")).toString(), anaId);
        QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("Ana Souza"));
        QCOMPARE(first.value(QStringLiteral("source")).toString(), QStringLiteral("server"));
        QCOMPARE(first.value(QStringLiteral("me")).toBool(), true);
        QCOMPARE(array.at(1).toObject().value(QStringLiteral("me")).toBool(), false);
    }

    // `list` and `show` say who owns a deal by name; an unknown owner is shortened in the list
    // and given in full by `show`.
    void listAndShowNameOwners()
    {
        const CliRun listed = run({QStringLiteral("list")});
        EXPECT_EXIT(listed, 0);
        QVERIFY2(
            lineWith(listed.out, QStringLiteral("Ana deal")).contains(QStringLiteral("Ana Souza")),
            qPrintable(listed.out));
        const QString strangerLine = lineWith(listed.out, QStringLiteral("Stranger deal"));
        QVERIFY2(strangerLine.contains(PeopleBook::shortenedId(strangerId)),
                 qPrintable(listed.out));

        const CliRun shown = run({QStringLiteral("show"), m_anaDeal});
        EXPECT_EXIT(shown, 0);
        QCOMPARE(columns(lineWith(shown.out, QStringLiteral("owner_id"))).value(1),
                 anaId + QStringLiteral(" (Ana Souza)"));
        const CliRun stranger = run({QStringLiteral("show"), m_strangerDeal});
        EXPECT_EXIT(stranger, 0);
        QCOMPARE(columns(lineWith(stranger.out, QStringLiteral("owner_id"))).value(1), strangerId);
    }

    // The user names an id the server does not know, and renames one it does; an empty name
    // gives the server's back. Names show at once in `list` and survive the next sync.
    void setNamesOwners()
    {
        EXPECT_EXIT(run({QStringLiteral("people"), QStringLiteral("set"), strangerId,
                         QStringLiteral("Zed"), QStringLiteral("Quinn")}),
                    0);
        EXPECT_EXIT(run({QStringLiteral("people"), QStringLiteral("set"), benId,
                         QStringLiteral("Benjamin O.")}),
                    0);
        EXPECT_EXIT(run({QStringLiteral("sync")}), 0);
        CliRun listed = run({QStringLiteral("people")});
        QCOMPARE(columns(lineWith(listed.out, strangerId)),
                 (QStringList{strangerId, QStringLiteral("Zed Quinn"), QStringLiteral("-"),
                              QStringLiteral("you")}));
        QCOMPARE(columns(lineWith(listed.out, benId)).value(1), QStringLiteral("Benjamin O."));
        QCOMPARE(columns(lineWith(listed.out, benId)).value(3), QStringLiteral("you"));
        QVERIFY2(lineWith(run({QStringLiteral("list")}).out, QStringLiteral("Stranger deal"))
                     .contains(QStringLiteral("Zed Quinn")),
                 "the list names the owner as the user named them");

        EXPECT_EXIT(run({QStringLiteral("people"), QStringLiteral("set"), benId, QString()}), 0);
        listed = run({QStringLiteral("people")});
        QCOMPARE(columns(lineWith(listed.out, benId)),
                 (QStringList{benId, QStringLiteral("Ben Okafor"), QStringLiteral("-"),
                              QStringLiteral("server")}));
    }

    // `people me`: kept, but the server's /users/me comes first, and kashew says so.
    void meOnAServerThatSaysWhoYouAre()
    {
        const CliRun me = run({QStringLiteral("people"), QStringLiteral("me"), benId});
        EXPECT_EXIT(me, 0);
        QVERIFY2(me.err.contains(anaId), qPrintable(describe(me)));
        const CliRun listed = run({QStringLiteral("people")});
        QVERIFY(lineWith(listed.out, anaId).startsWith(QLatin1Char('*')));
        QVERIFY(!lineWith(listed.out, benId).startsWith(QLatin1Char('*')));
    }

    // Without any server's help (never synced), the book is the user's own.
    void offlineBookIsTheUsers()
    {
        QTemporaryDir profile;
        const QUrl nowhere(QStringLiteral("http://127.0.0.1:9/api/v1"));
        EXPECT_EXIT(runCli(profile.path(), nowhere,
                           {QStringLiteral("people"), QStringLiteral("set"), QStringLiteral("u1"),
                            QStringLiteral("Uma")}),
                    0);
        const CliRun me =
            runCli(profile.path(), nowhere,
                   {QStringLiteral("people"), QStringLiteral("me"), QStringLiteral("u1")});
        EXPECT_EXIT(me, 0);
        QCOMPARE(me.err, QString());
        const CliRun listed = runCli(profile.path(), nowhere, {QStringLiteral("people")});
        EXPECT_EXIT(listed, 0);
        QCOMPARE(columns(lineWith(listed.out, QStringLiteral("u1"))),
                 (QStringList{QStringLiteral("* u1"), QStringLiteral("Uma"), QStringLiteral("-"),
                              QStringLiteral("you")}));
    }

    // Wrong command lines: 2 (usage), an empty id: 6 (invalid value); the help lists them.
    void wrongCommandLines_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("set without name")
            << QStringList{QStringLiteral("people"), QStringLiteral("set"), anaId} << 2;
        QTest::newRow("me without id")
            << QStringList{QStringLiteral("people"), QStringLiteral("me")} << 2;
        QTest::newRow("me with two ids")
            << QStringList{QStringLiteral("people"), QStringLiteral("me"), anaId, benId} << 2;
        QTest::newRow("unknown subcommand")
            << QStringList{QStringLiteral("people"), QStringLiteral("forget"), anaId} << 2;
        QTest::newRow("option of another command")
            << QStringList{QStringLiteral("people"), QStringLiteral("--stage"),
                           QStringLiteral("proposal")}
            << 2;
        QTest::newRow("empty id") << QStringList{QStringLiteral("people"), QStringLiteral("set"),
                                                 QStringLiteral(" "), QStringLiteral("Nobody")}
                                  << 6;
    }
    void wrongCommandLines()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        const CliRun before = run({QStringLiteral("people")});
        const CliRun wrong = run(arguments);
        EXPECT_EXIT(wrong, exitCode);
        QVERIFY2(!wrong.err.isEmpty(), qPrintable(describe(wrong)));
        QCOMPARE(run({QStringLiteral("people")}).out, before.out);
    }

    void helpListsThePeopleCommands()
    {
        const CliRun help = run({QStringLiteral("--help")});
        EXPECT_EXIT(help, 0);
        for (const char *synopsis : {"people ", "people set ID NAME...", "people me ID"})
            QVERIFY2(help.out.contains(QLatin1String(synopsis)), synopsis);
    }
};

QTEST_GUILESS_MAIN(TestCliPeople)
#include "tst_clipeople.moc"
