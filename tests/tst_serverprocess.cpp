// kashew-server as a process: command line, demo data, durability across kill -9, clean stop,
// and keys kept out of its output.
#include "ServerProcess.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

QJsonArray allOpportunities(TestHttp &http, bool archived)
{
    QJsonArray all;
    for (int page = 1;; ++page) {
        const QJsonArray items =
            http.get(QStringLiteral("/opportunities?pageSize=500&page=%1&isArchived=%2")
                         .arg(page)
                         .arg(archived ? QStringLiteral("true") : QStringLiteral("false")))
                .json()
                .value(QStringLiteral("opportunities"))
                .toArray();
        for (const QJsonValue &item : items)
            all.append(item);
        if (items.size() < 500)
            return all;
    }
}

} // namespace

class TestServerProcess final : public QObject
{
    Q_OBJECT

    // Writes a [server] group with these lines; the file lives as long as the test object.
    QString configFile(const QByteArray &lines)
    {
        const QString path = m_dir.filePath(QStringLiteral("kashew-server-%1.conf").arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write("[server]\n" + lines);
        return path;
    }

    QTemporaryDir m_dir;
    int m_files = 0;

private slots:
    void versionAndHelp()
    {
        const ServerProcess::Run version = ServerProcess::runToEnd({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.output.contains(
            QRegularExpression(QStringLiteral("^kashew-server \\d+\\.\\d+\\.\\d+"))));
        const ServerProcess::Run help = ServerProcess::runToEnd({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *option :
             {"--config", "--listen", "--database", "--api-key", "--read-only-key", "--user",
              "--demo", "--rate-limit", "--fault-error", "--fault-cut", "--fault-delay"})
            QVERIFY2(help.output.contains(QLatin1String(option)), option);
    }

    void badCommandLinesNameTheOption_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no key") << QStringList{QStringLiteral("--listen"),
                                               QStringLiteral("127.0.0.1:0")}
                                << "--api-key";
        QTest::newRow("bad listen")
            << QStringList{QStringLiteral("--api-key"), QStringLiteral("k"),
                           QStringLiteral("--listen"), QStringLiteral("localhost")}
            << "--listen";
        QTest::newRow("bad demo") << QStringList{QStringLiteral("--api-key"), QStringLiteral("k"),
                                                 QStringLiteral("--demo"), QStringLiteral("many")}
                                  << "--demo";
        QTest::newRow("bad rate") << QStringList{QStringLiteral("--api-key"), QStringLiteral("k"),
                                                 QStringLiteral("--rate-limit"),
                                                 QStringLiteral("1,2,3")}
                                  << "--rate-limit";
        QTest::newRow("config missing")
            << QStringList{QStringLiteral("--config"), QStringLiteral("/nonexistent/kashew.conf")}
            << "/nonexistent/kashew.conf";
        QTest::newRow("config unknown setting")
            << QStringList{QStringLiteral("--config"), configFile("apikey=k\n")} << "apikey";
        QTest::newRow("config bad port")
            << QStringList{QStringLiteral("--config"), configFile("api_key=k\nport=99999\n")}
            << "listen and port";
        QTest::newRow("config without key")
            << QStringList{QStringLiteral("--config"), configFile("port=0\n")} << "api_key";
        QTest::newRow("config key of an undeclared user")
            << QStringList{QStringLiteral("--config"),
                           configFile("api_key=kshw_users_0123456789@bob\n[users]\nana=Ana\n")}
            << "api_key in";
        QTest::newRow("config bad user")
            << QStringList{QStringLiteral("--config"),
                           configFile("api_key=k\n[users]\nana=Ana <ana@>\n")}
            << "[users]: the user ana has \"ana@\"";
        QTest::newRow("bad fault")
            << QStringList{QStringLiteral("--api-key"), QStringLiteral("k"),
                           QStringLiteral("--fault-error"), QStringLiteral("2")}
            << "--fault-error";
    }
    void badCommandLinesNameTheOption()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const ServerProcess::Run run = ServerProcess::runToEnd(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains(mentions), qPrintable(run.output));
    }

    void aConfigFileSetsEverything()
    {
        // The packaged service's way: address, database, keys and rate limit from the file only.
        const QString database = m_dir.filePath(QStringLiteral("from-config.sqlite"));
        ServerProcess server;
        QVERIFY(server.startWithOnly(
            {QStringLiteral("--config"),
             configFile("; keys stay off the command line\nlisten=127.0.0.1\nport=0\n"
                        "database=" +
                        database.toUtf8() +
                        "\napi_key=kshw_conf_one, kshw_conf_two\nread_only_key=kshw_conf_ro\n"
                        "rate_limit=4\n")}));
        QVERIFY(QFileInfo::exists(database));
        TestHttp second(server.baseUrl(), "kshw_conf_two");
        QCOMPARE(second.get(QStringLiteral("/accounts")).status, 200);
        TestHttp readOnly(server.baseUrl(), "kshw_conf_ro");
        QCOMPARE(
            readOnly
                .post(QStringLiteral("/accounts"), {{QStringLiteral("name"), QStringLiteral("A")}})
                .status,
            403);
        TestHttp first(server.baseUrl(), "kshw_conf_one");
        for (int i = 0; i < 4; ++i)
            QCOMPARE(first.get(QStringLiteral("/accounts")).status, 200);
        QCOMPARE(first.get(QStringLiteral("/accounts")).status, 429); // 4 an hour per key
        QVERIFY(!server.output().contains(QLatin1String("kshw_conf_one")));
        QCOMPARE(server.stop(), 0);

        // The command line still wins over the file.
        ServerProcess overridden;
        QVERIFY(overridden.startWithOnly(
            {QStringLiteral("--config"), configFile("api_key=kshw_conf_one\nport=0\n"),
             QStringLiteral("--api-key"), QStringLiteral("kshw_cli_key"),
             QStringLiteral("--database"), m_dir.filePath(QStringLiteral("cli.sqlite"))}));
        QCOMPARE(
            TestHttp(overridden.baseUrl(), "kshw_cli_key").get(QStringLiteral("/accounts")).status,
            200);
        QCOMPARE(
            TestHttp(overridden.baseUrl(), "kshw_conf_one").get(QStringLiteral("/accounts")).status,
            401);
    }

    void demoDataIsRealisticAndDeterministic()
    {
        ServerProcess first;
        QVERIFY(first.start({QStringLiteral("--demo"), QStringLiteral("2000")}));
        TestHttp http(first.baseUrl(), ServerProcess::writeKey);
        const QJsonArray live = allOpportunities(http, false);
        const QJsonArray archived = allOpportunities(http, true);
        QCOMPARE(live.size() + archived.size(), 2000);
        QVERIFY(archived.size() > 50 && archived.size() < 400);

        QSet<QString> stages, currencies, accounts, owners;
        bool nonAscii = false, past = false, future = false;
        double smallest = 1e18, largest = 0;
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        for (const QJsonValue &value : live) {
            const QJsonObject o = value.toObject();
            stages.insert(o.value(QStringLiteral("stage")).toString());
            currencies.insert(o.value(QStringLiteral("currency")).toString());
            accounts.insert(o.value(QStringLiteral("account_id")).toString());
            owners.insert(o.value(QStringLiteral("owner_id")).toString());
            nonAscii |= o.value(QStringLiteral("name")).toString().toLatin1() !=
                        o.value(QStringLiteral("name")).toString().toUtf8();
            const QString date = o.value(QStringLiteral("expected_close_date")).toString();
            past |= !date.isEmpty() && date < today;
            future |= date > today;
            smallest = qMin(smallest, o.value(QStringLiteral("value")).toDouble());
            largest = qMax(largest, o.value(QStringLiteral("value")).toDouble());
            QVERIFY(!o.value(QStringLiteral("account_name")).toString().isEmpty());
        }
        QCOMPARE(stages.size(), 6);
        QVERIFY(currencies.size() >= 3);
        QVERIFY(accounts.size() > 80 && accounts.size() <= 100);
        QVERIFY(owners.size() >= 3 && owners.size() <= 8);
        QVERIFY(nonAscii && past && future);
        QVERIFY(largest / smallest > 1000);
        const QJsonObject accountsPage = http.get(QStringLiteral("/accounts")).json();
        QCOMPARE(accountsPage.value(QStringLiteral("totalCount")).toInt(), 100);

        // The same seed gives the same records, ids included.
        ServerProcess second;
        QVERIFY(second.start({QStringLiteral("--demo"), QStringLiteral("2000")}));
        TestHttp again(second.baseUrl(), ServerProcess::writeKey);
        QCOMPARE(allOpportunities(again, false), live);

        // --demo leaves a database that holds data as it is.
        QCOMPARE(first.stop(), 0);
        QVERIFY(first.start({QStringLiteral("--demo"), QStringLiteral("10")}));
        QCOMPARE(allOpportunities(http, false).size(), live.size());
    }

    void writesSurviveKillNine()
    {
        ServerProcess server;
        QVERIFY(server.start());
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        QStringList ids;
        for (int i = 0; i < 25; ++i)
            ids.append(TestData::createOpportunity(
                           http, {{QStringLiteral("name"), QStringLiteral("Durable %1").arg(i)}})
                           .value(QStringLiteral("id"))
                           .toString());
        QCOMPARE(http.put(QStringLiteral("/opportunities/") + ids.first(),
                          {{QStringLiteral("stage"), QStringLiteral("closed_won")}})
                     .status,
                 200);
        server.kill();
        QVERIFY(server.start());
        QCOMPARE(http.get(QStringLiteral("/opportunities?pageSize=100"))
                     .json()
                     .value(QStringLiteral("totalCount"))
                     .toInt(),
                 25);
        const QJsonObject first = http.get(QStringLiteral("/opportunities/") + ids.first()).json();
        QCOMPARE(first.value(QStringLiteral("stage")).toString(), QStringLiteral("closed_won"));
        QCOMPARE(first.value(QStringLiteral("updates")).toArray().size(), 2);
    }

    void sigtermStopsCleanly()
    {
        ServerProcess server;
        QVERIFY(server.start());
        QCOMPARE(server.stop(), 0);
        QVERIFY(server.output().contains(QStringLiteral("stopped")));
    }

    void keysNeverAppearInFull()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--log-requests")}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        QCOMPARE(http.get(QStringLiteral("/opportunities")).status, 200);
        TestHttp wrong(server.baseUrl(), "kshw_wrong_key_00000000");
        QCOMPARE(wrong.get(QStringLiteral("/opportunities")).status, 401);
        server.stop();
        const QString output = server.output();
        QVERIFY(output.contains(QStringLiteral("GET /api/v1/opportunities -> 200")));
        QVERIFY(!output.contains(QLatin1String(ServerProcess::writeKey)));
        QVERIFY(!output.contains(QLatin1String(ServerProcess::readKey)));
        QVERIFY(!output.contains(QStringLiteral("kshw_wrong_key_00000000")));
    }

    void refusesADatabaseItCannotOpen()
    {
        const ServerProcess::Run run = ServerProcess::runToEnd(
            {QStringLiteral("--api-key"), QStringLiteral("k"), QStringLiteral("--database"),
             QStringLiteral("/proc/kashew/none.sqlite"), QStringLiteral("--listen"),
             QStringLiteral("127.0.0.1:0")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.output.contains(QStringLiteral("/proc/kashew/none.sqlite")));
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
