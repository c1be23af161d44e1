// `kashew sync` telling the truth, the real binary against a real kashew-server (and, for a server
// without /accounts, a scripted one of that dialect): a rate limit is said before the wait, with
// the time, and --no-wait gives up with exit 7; account names missing from the server do not fail
// the sync; edits the server refuses (422, 403) fail it and are named with the reason.
#include "CliRun.h"
#include "ScriptedServer.h"
#include "ServerProcess.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Runs the real `kashew` on `profile` against `server`, keeping this test's event loop going (a
// scripted server in this process answers meanwhile), with the key in KASHEW_API_KEY.
CliRun runCli(const QString &profile, const QUrl &server, const QStringList &arguments,
              const QByteArray &key = ServerProcess::writeKey)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("KASHEW_API_KEY"), QString::fromLatin1(key));
    process.setProcessEnvironment(environment);
    CliRun run;
    QObject::connect(&process, &QProcess::readyReadStandardError, [&] {
        const QString text = QString::fromUtf8(process.readAllStandardError());
        run.err += text;
        if (process.state() == QProcess::Running)
            run.errWhileRunning += text;
    });
    process.start(QStringLiteral(KASHEW_CLI_PATH),
                  QStringList{QStringLiteral("--profile"), profile, QStringLiteral("--server"),
                              server.toString()} +
                      arguments);
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 120000))
        process.kill();
    process.waitForFinished();
    run.err += QString::fromUtf8(process.readAllStandardError());
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

QJsonObject scriptedRecord(const QString &id, const QString &name)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("value"), 600},
            {QStringLiteral("currency"), QStringLiteral("GBP")},
            {QStringLiteral("stage"), QStringLiteral("proposal")},
            {QStringLiteral("probability"), 50},
            {QStringLiteral("is_archived"), false},
            {QStringLiteral("created_at"), QStringLiteral("2026-05-20T10:30:00Z")}};
}

} // namespace

class TestKashewCliSync final : public QObject
{
    Q_OBJECT

private slots:
    // The wait is said on stderr while the command waits, with the time it tries again; then it
    // goes through.
    void rateLimitIsSaidBeforeWaiting()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--rate-limit"), QStringLiteral("3"),
                              QStringLiteral("--rate-window"), QStringLiteral("4")}));
        spendBudget(server, 3);
        QTemporaryDir profile;
        const CliRun run = runCli(profile.path(), server.baseUrl(), {QStringLiteral("sync")});
        EXPECT_EXIT(run, 0);
        static const QRegularExpression said(
            QStringLiteral("rate limit reached: the server asks to wait \\d+ s; kashew tries again "
                           "at \\d\\d:\\d\\d:\\d\\d"));
        QVERIFY2(run.errWhileRunning.contains(said), qPrintable(describe(run)));
        QVERIFY2(run.out.startsWith(QStringLiteral("synced:")), qPrintable(describe(run)));
    }

    // --no-wait: one refused request, then exit 7 with the time to try again; nothing more is
    // sent. The exit code is in the help.
    void noWaitGivesUpWithSeven()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--rate-limit"), QStringLiteral("2"),
                              QStringLiteral("--rate-window"), QStringLiteral("4"),
                              QStringLiteral("--log-requests")}));
        spendBudget(server, 2);
        QTemporaryDir profile;
        const CliRun run = runCli(profile.path(), server.baseUrl(),
                                  {QStringLiteral("sync"), QStringLiteral("--no-wait")});
        EXPECT_EXIT(run, 7);
        QVERIFY2(run.err.contains(QRegularExpression(
                     QStringLiteral("rate limit reached: the server asks to wait \\d+ s; giving "
                                    "up \\(--no-wait\\); try again at \\d\\d:\\d\\d:\\d\\d"))),
                 qPrintable(describe(run)));
        QCOMPARE(server.requestLog().count(QRegularExpression(QStringLiteral("-> 429"))), 1);
        const CliRun help = runCli(profile.path(), server.baseUrl(), {QStringLiteral("--help")});
        QVERIFY2(help.out.contains(QStringLiteral("7 rate limit reached")) &&
                     help.out.contains(QStringLiteral("--no-wait")),
                 qPrintable(help.out));
    }

    // A server of another dialect without /accounts: the opportunities are synced (exit 0, last
    // sync set), and stderr says that account names are unavailable from it.
    void serverWithoutAccountsStillSyncs()
    {
        const QJsonArray live{scriptedRecord(QStringLiteral("opp-1"), QStringLiteral("One")),
                              scriptedRecord(QStringLiteral("opp-2"), QStringLiteral("Two"))};
        ScriptedServer server([&](const ScriptedServer::Request &request) {
            if (request.path != QLatin1String("/api/v1/opportunities"))
                return ScriptedServer::notFound();
            // No total: the client pages until a short page.
            const bool archived =
                request.query.queryItemValue(QStringLiteral("isArchived")) == QLatin1String("true");
            const bool first =
                request.query.queryItemValue(QStringLiteral("page")) == QLatin1String("1");
            return ScriptedServer::json(
                200, QJsonDocument(QJsonObject{
                         {QStringLiteral("data"), archived || !first ? QJsonArray() : live}}));
        });
        QVERIFY(server.isListening());
        QTemporaryDir profile;
        const CliRun run = runCli(profile.path(), server.baseUrl(), {QStringLiteral("sync")});
        EXPECT_EXIT(run, 0);
        QVERIFY2(run.err.contains(QStringLiteral("account names are unavailable from this server")),
                 qPrintable(describe(run)));
        const CliRun list = runCli(profile.path(), server.baseUrl(), {QStringLiteral("list")});
        QVERIFY2(list.out.contains(QStringLiteral("One")) &&
                     list.out.contains(QStringLiteral("Two")),
                 qPrintable(describe(list)));
        const CliRun status = runCli(profile.path(), server.baseUrl(), {QStringLiteral("status")});
        QVERIFY2(!status.out.contains(QStringLiteral("last sync:   never")),
                 qPrintable(describe(status)));
    }

    // 422 and 403 fail the sync, and each refused record is named (id and name) with the reason.
    void refusedEditsNameTheRecordsAndWhy()
    {
        ServerProcess server;
        QVERIFY(server.start());
        QTemporaryDir profile;
        const CliRun orphan =
            runCli(profile.path(), server.baseUrl(),
                   {QStringLiteral("new"), QStringLiteral("name=Orphan deal"),
                    QStringLiteral("accountId=11111111-2222-3333-4444-555555555555")});
        EXPECT_EXIT(orphan, 0);
        const QString orphanId = orphan.out.trimmed();
        const CliRun refused = runCli(profile.path(), server.baseUrl(), {QStringLiteral("sync")});
        EXPECT_EXIT(refused, 6);
        QVERIFY2(refused.err.contains(QStringLiteral("refused: ") + orphanId +
                                      QStringLiteral(" (Orphan deal): ")) &&
                     refused.err.contains(QStringLiteral("accountId")),
                 qPrintable(describe(refused)));

        const CliRun kept = runCli(profile.path(), server.baseUrl(),
                                   {QStringLiteral("new"), QStringLiteral("name=Read only deal")});
        EXPECT_EXIT(kept, 0);
        const QString keptId = kept.out.trimmed();
        const CliRun readOnly = runCli(profile.path(), server.baseUrl(), {QStringLiteral("sync")},
                                       ServerProcess::readKey);
        EXPECT_EXIT(readOnly, 5);
        QVERIFY2(readOnly.err.contains(QStringLiteral("refused: ") + keptId +
                                       QStringLiteral(" (Read only deal): ")) &&
                     readOnly.err.contains(QStringLiteral("may only read")),
                 qPrintable(describe(readOnly)));
    }

private:
    // Requests with the same key as the command's, so that its next one is refused.
    static void spendBudget(const ServerProcess &server, int requests)
    {
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        TestData::spendRateBudget(http, requests);
    }
};

QTEST_GUILESS_MAIN(TestKashewCliSync)
#include "tst_kashewclisync.moc"
