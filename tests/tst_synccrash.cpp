// A `kashew sync` process killed with SIGKILL at random points of a push, twenty times over:
// the server ends with exactly the intended state, each record once.
#include "ServerProcess.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct CliRun
{
    int exitCode = -1;
    QString output;
};

} // namespace

class TestSyncCrash final : public QObject
{
    Q_OBJECT

private slots:
    void killedTwentyTimesMidPush_data()
    {
        QTest::addColumn<QStringList>("serverOptions");
        QTest::newRow("server honours Idempotency-Key") << QStringList();
        // Then a lost answer must be found by looking the record up before posting again.
        QTest::newRow("server ignores Idempotency-Key")
            << QStringList{QStringLiteral("--ignore-idempotency-key")};
    }
    void killedTwentyTimesMidPush()
    {
        QFETCH(QStringList, serverOptions);
        ServerProcess server;
        // Slow answers widen the window in which a kill lands mid-request.
        QVERIFY(server.start(QStringList{QStringLiteral("--fault-delay"), QStringLiteral("0.6,120"),
                                         QStringLiteral("--fault-seed"), QStringLiteral("5")} +
                             serverOptions));
        QTemporaryDir profile;
        const auto cli = [&](const QStringList &arguments) {
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("KASHEW_API_KEY"),
                               QString::fromLatin1(ServerProcess::writeKey));
            process.setProcessEnvironment(environment);
            process.setProcessChannelMode(QProcess::MergedChannels);
            process.start(QStringLiteral(KASHEW_CLI_PATH),
                          QStringList{QStringLiteral("--profile"), profile.path(),
                                      QStringLiteral("--server"), server.baseUrl().toString()} +
                              arguments);
            process.waitForFinished(60000);
            return CliRun{process.exitCode(), QString::fromUtf8(process.readAll())};
        };

        constexpr int records = 15;
        QStringList ids;
        for (int i = 0; i < records; ++i) {
            const CliRun created =
                cli({QStringLiteral("new"), QStringLiteral("name=Crash %1").arg(i),
                     QStringLiteral("value=%1").arg(i * 10)});
            QCOMPARE(created.exitCode, 0);
            ids.append(created.output.trimmed());
        }
        for (int i = 0; i < records; i += 2)
            QCOMPARE(
                cli({QStringLiteral("move"), ids.at(i), QStringLiteral("negotiation")}).exitCode,
                0);

        QRandomGenerator random(42);
        int killed = 0;
        for (int round = 0; round < 20; ++round) {
            QProcess sync;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("KASHEW_API_KEY"),
                               QString::fromLatin1(ServerProcess::writeKey));
            sync.setProcessEnvironment(environment);
            sync.start(QStringLiteral(KASHEW_CLI_PATH),
                       {QStringLiteral("--profile"), profile.path(), QStringLiteral("--server"),
                        server.baseUrl().toString(), QStringLiteral("sync")});
            QVERIFY(sync.waitForStarted());
            QTest::qWait(random.bounded(20, 260));
            if (sync.state() == QProcess::Running) {
                sync.kill();
                ++killed;
            }
            sync.waitForFinished();
        }
        QVERIFY2(killed >= 10, qPrintable(QString::number(killed)));

        const CliRun last = cli({QStringLiteral("sync")});
        QVERIFY2(last.exitCode == 0, qPrintable(last.output));
        QCOMPARE(cli({QStringLiteral("pending")}).output.trimmed(), QString());

        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const TestHttp::Reply reply = http.get(QStringLiteral("/opportunities?pageSize=100"));
        QCOMPARE(reply.status, 200);
        const QJsonArray all = reply.json().value(QStringLiteral("opportunities")).toArray();
        QCOMPARE(all.size(), records);
        QSet<QString> names;
        for (const QJsonValue &item : all) {
            const QJsonObject o = item.toObject();
            const QString name = o.value(QStringLiteral("name")).toString();
            const int i = name.section(QLatin1Char(' '), 1).toInt();
            names.insert(name);
            QCOMPARE(o.value(QStringLiteral("value")).toInt(), i * 10);
            QCOMPARE(o.value(QStringLiteral("stage")).toString(),
                     i % 2 == 0 ? QStringLiteral("negotiation") : QStringLiteral("prospecting"));
        }
        QCOMPARE(names.size(), records);
    }
};

QTEST_GUILESS_MAIN(TestSyncCrash)
#include "tst_synccrash.moc"
