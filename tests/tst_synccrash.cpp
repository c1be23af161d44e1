// `kashew sync` processes killed with SIGKILL at a known point of a push, after the server
// committed a write and before its answer arrived, once for every write: the server ends with
// exactly the intended state, each record once.
#include "ServerProcess.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
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
    void killedAfterTheServerCommitted_data()
    {
        QTest::addColumn<QStringList>("serverOptions");
        QTest::newRow("server honours Idempotency-Key") << QStringList();
        // Then a lost answer must be found by looking the record up before posting again.
        QTest::newRow("server ignores Idempotency-Key")
            << QStringList{QStringLiteral("--ignore-idempotency-key")};
    }
    // Every write of a push is cut off the same way: the server has committed it and holds the
    // answer back, and the `kashew sync` process is killed (SIGKILL) before the answer arrives.
    // The next sync must settle each such write without applying it twice.
    void killedAfterTheServerCommitted()
    {
        QFETCH(QStringList, serverOptions);
        ServerProcess server;
        // Every answer is held back after the work is done: the window for the kill.
        QVERIFY(server.start(QStringList{QStringLiteral("--fault-delay"), QStringLiteral("1,400"),
                                         QStringLiteral("--log-requests")} +
                             serverOptions));
        QTemporaryDir profile;
        const QStringList common{QStringLiteral("--profile"), profile.path(),
                                 QStringLiteral("--server"), server.baseUrl().toString()};
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("KASHEW_API_KEY"),
                           QString::fromLatin1(ServerProcess::writeKey));
        const auto cli = [&](const QStringList &arguments) {
            QProcess process;
            process.setProcessEnvironment(environment);
            process.setProcessChannelMode(QProcess::MergedChannels);
            process.start(QStringLiteral(KASHEW_CLI_PATH), common + arguments);
            process.waitForFinished(120000);
            return CliRun{process.exitCode(), QString::fromUtf8(process.readAll())};
        };

        // Four records on the server, then four new ones and a move of each of the first four:
        // four creates and four updates to push.
        constexpr int half = 4;
        QStringList ids;
        for (int i = 0; i < 2 * half; ++i) {
            if (i == half) {
                const CliRun first = cli({QStringLiteral("sync")});
                QVERIFY2(first.exitCode == 0, qPrintable(first.output));
                // Read the server's log up to this sync's last request.
                QVERIFY(
                    !server
                         .waitForLine(QRegularExpression(QStringLiteral("^GET /api/v1/accounts ")),
                                      10000)
                         .isEmpty());
            }
            const CliRun created =
                cli({QStringLiteral("new"), QStringLiteral("name=Crash %1").arg(i),
                     QStringLiteral("value=%1").arg(i * 10)});
            QCOMPARE(created.exitCode, 0);
            ids.append(created.output.trimmed());
        }
        for (int i = 0; i < half; ++i) {
            const CliRun moved =
                cli({QStringLiteral("move"), ids.at(i), QStringLiteral("negotiation")});
            QVERIFY2(moved.exitCode == 0, qPrintable(moved.output));
        }

        static const QRegularExpression committed(
            QStringLiteral("^(POST|PUT) /api/v1/opportunities\\S* -> 20[01] "));
        static const QRegularExpression anyRequest(QStringLiteral("^(GET|POST|PUT|DELETE) "));
        int killedAfterPost = 0;
        int killedAfterPut = 0;
        int lookedUpFirst = 0;
        for (int round = 0; round < 4 * half; ++round) {
            QProcess sync;
            sync.setProcessEnvironment(environment);
            sync.start(QStringLiteral(KASHEW_CLI_PATH),
                       common + QStringList{QStringLiteral("sync")});
            QVERIFY(sync.waitForStarted());
            const bool afterPost = killedAfterPost + killedAfterPut > 0 && m_lastKillWasPost;
            // After a lost create, the first request of the next push is the look-up.
            const QString first = server.waitForLine(anyRequest, 30000);
            QVERIFY(!first.isEmpty());
            if (afterPost && first.startsWith(QLatin1String("GET /api/v1/opportunities ")))
                ++lookedUpFirst;
            QString write = committed.match(first).hasMatch() ? first : QString();
            while (write.isEmpty() && !sync.waitForFinished(0)) {
                const QString line = server.waitForLine(anyRequest, 500);
                if (committed.match(line).hasMatch())
                    write = line;
            }
            if (write.isEmpty())
                break; // a push with no write left: everything is settled
            sync.kill();
            sync.waitForFinished();
            m_lastKillWasPost = write.startsWith(QLatin1String("POST"));
            ++(m_lastKillWasPost ? killedAfterPost : killedAfterPut);
        }
        // Each of the eight writes was killed once after its commit, and each lost create was
        // looked up before anything else was sent.
        QCOMPARE(killedAfterPost, half);
        QCOMPARE(killedAfterPut, half);
        QCOMPARE(lookedUpFirst, half);

        const CliRun last = cli({QStringLiteral("sync")});
        QVERIFY2(last.exitCode == 0, qPrintable(last.output));
        QCOMPARE(cli({QStringLiteral("pending")}).output.trimmed(), QString());

        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const TestHttp::Reply reply = http.get(QStringLiteral("/opportunities?pageSize=100"));
        QCOMPARE(reply.status, 200);
        const QJsonArray all = reply.json().value(QStringLiteral("opportunities")).toArray();
        QCOMPARE(all.size(), 2 * half);
        QSet<QString> names;
        for (const QJsonValue &item : all) {
            const QJsonObject o = item.toObject();
            const QString name = o.value(QStringLiteral("name")).toString();
            const int i = name.section(QLatin1Char(' '), 1).toInt();
            names.insert(name);
            QCOMPARE(o.value(QStringLiteral("value")).toInt(), i * 10);
            QCOMPARE(o.value(QStringLiteral("stage")).toString(),
                     i < half ? QStringLiteral("negotiation") : QStringLiteral("prospecting"));
        }
        QCOMPARE(names.size(), 2 * half);
    }

private:
    bool m_lastKillWasPost = false;
};

QTEST_GUILESS_MAIN(TestSyncCrash)
#include "tst_synccrash.moc"
