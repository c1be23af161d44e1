// The kill-and-fault run of issue 10, with figures: `kashew sync` processes killed (SIGKILL) at
// random moments of their push against a server that cuts, fails and delays answers (and in half
// the runs ignores Idempotency-Key); the server killed mid-sync and restarted on its database;
// several profiles editing disjoint and shared records and syncing in parallel. A model in the
// bench holds what the server should end up with; after a clean sync of every profile, the
// server's records (all pages, live and archived) are compared with it: lost (missing or with
// other values) and doubled records are printed with their names and ids.
// The phases can run as separate invocations on one --workdir (the model is kept there).
#include "ServerProcess.h"
#include "bench_faults_support.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

struct Options
{
    int rounds = 300;
    int roundsPerRun = 30; // at least 1
    int serverKills = 40;
    int clients = 8;
    int iterations = 40;
    int shared = 6;
    int seed = 1;
    QStringList phases;
    QString work;
    QString output;
};

class FaultBench
{
public:
    explicit FaultBench(const Options &options)
        : m_options(options)
        , m_state(options.work + QStringLiteral("/state.json"))
    {
        m_model.load(m_state);
    }
    ~FaultBench() { m_model.save(m_state); }

    bool run()
    {
        for (const QString &phase : m_options.phases) {
            m_model.phase = phase;
            m_rng.seed(static_cast<quint32>(m_options.seed) * 31 +
                       static_cast<quint32>(m_model.count(phase + QStringLiteral(".invocations"))) *
                           1000 +
                       static_cast<quint32>(qHash(phase)));
            m_model.add(phase + QStringLiteral(".invocations"));
            m_phaseTimer.start();
            bool ok = true;
            if (phase == QLatin1String("kills"))
                ok = killRounds();
            else if (phase == QLatin1String("server"))
                ok = serverKills();
            else if (phase == QLatin1String("clients"))
                ok = parallelClients();
            else if (phase == QLatin1String("check"))
                ok = check();
            else
                return std::fprintf(stderr, "unknown phase %s\n", qPrintable(phase)), false;
            m_model.add(phase + QStringLiteral(".seconds"), m_phaseTimer.elapsed() / 1000.0);
            m_model.save(m_state);
            if (!ok)
                return false;
        }
        return true;
    }

private:
    double count(const QString &key) const
    {
        return m_model.count(m_model.phase + QLatin1Char('.') + key);
    }
    void add(const QString &key, double amount = 1)
    {
        m_model.add(m_model.phase + QLatin1Char('.') + key, amount);
    }

    // `text` with %1, %2, ... filled with the phase's counters of these names.
    // With `ofAllPhases`, the keys name their phase ("kills.rounds").
    QString fill(QString text, const QStringList &keys, bool ofAllPhases = false) const
    {
        for (const QString &key : keys)
            text = text.arg(static_cast<qint64>(ofAllPhases ? m_model.count(key) : count(key)));
        return text;
    }

    Cli cli(int profile) const
    {
        return Cli{profileDir(m_options.work, profile), serverUrl(m_model.port)};
    }

    void report(QString text)
    {
        text += QStringLiteral("  (%1 s)\n").arg(m_phaseTimer.elapsed() / 1000.0, 0, 'f', 0);
        std::fputs(text.toUtf8().constData(), stdout);
        std::fflush(stdout);
        QFile file(m_options.output);
        QDir().mkpath(QFileInfo(file).absolutePath());
        if (file.open(QIODevice::Append))
            file.write(text.toUtf8());
    }

    // (Re)starts the server on the bench's database and port, with `extra` options.
    bool startServer(const QStringList &extra)
    {
        if (m_server.isRunning())
            m_server.stop();
        const QStringList arguments =
            QStringList{
                QStringLiteral("--listen"),   QStringLiteral("127.0.0.1:%1").arg(m_model.port),
                QStringLiteral("--database"), m_options.work + QStringLiteral("/server.sqlite"),
                QStringLiteral("--api-key"),  QString::fromLatin1(ServerProcess::writeKey)} +
            extra;
        for (int attempt = 0; attempt < 20; ++attempt) {
            if (m_server.startWithOnly(arguments)) {
                m_model.port = m_server.port();
                m_model.save(m_state);
                return true;
            }
            QThread::msleep(500); // the port may still be held by the killed server
        }
        std::fprintf(stderr, "kashew-server does not start on port %d\n", m_model.port);
        return false;
    }

    QStringList faultOptions(const QString &delay, bool ignoreKey)
    {
        QStringList options{
            QStringLiteral("--fault-cut"),   QStringLiteral("0.05"),
            QStringLiteral("--fault-error"), QStringLiteral("0.05"),
            QStringLiteral("--fault-delay"), delay,
            QStringLiteral("--fault-seed"),  QString::number(m_rng.bounded(100000))};
        if (ignoreKey)
            options << QStringLiteral("--ignore-idempotency-key");
        return options;
    }

    // `count` random edits of the profile's own records, the model following what kashew took.
    void edit(int profile, int edits)
    {
        for (int i = 0; i < edits; ++i) {
            QString why;
            const QJsonObject op = randomEdit(cli(profile), profile, m_model, m_rng, false, &why);
            m_model.apply(
                op.isEmpty() ? QJsonObject{{QStringLiteral("op"), QStringLiteral("refused")}} : op,
                profile);
            if (op.isEmpty() && count(QStringLiteral("edits.refused")) <= 5)
                std::fprintf(stderr, "  (refused: %s)\n", qPrintable(why));
        }
    }

    void tally(const KillResult &result)
    {
        add(QStringLiteral("requests"), result.requests);
        add(QStringLiteral("faultedRequests"), result.faults);
        add(QStringLiteral("syncsStuck"), result.stuck);
        if (!result.killed) {
            add(result.exitCode == 0 ? QStringLiteral("endedOk") : QStringLiteral("endedFailed"));
            return;
        }
        add(QStringLiteral("kills"));
        if (result.restarted)
            add(result.exitCode == 0 ? QStringLiteral("wentOnOk") : QStringLiteral("wentOnFailed"));
        add(result.afterWrite ? QStringLiteral("killsAfterWrite") : QStringLiteral("killsTimed"));
        if (result.landed) {
            add(QStringLiteral("landed"));
            add(QStringLiteral("landed.") + result.write);
            add(QStringLiteral("landedFaulted"), result.faulted);
        }
    }

    QString killFigures(const QString &what)
    {
        return fill(QStringLiteral("  kills of %1: %2 (%3 right after a committed write, %4 at a "
                                   "random time)\n  landed mid-push (the server log ends with a "
                                   "committed write whose answer the client never got): %5 (POST "
                                   "%6, PUT %7, DELETE %8; answer held back or cut by a fault: "
                                   "%9)\n")
                        .arg(what),
                    {QStringLiteral("kills"), QStringLiteral("killsAfterWrite"),
                     QStringLiteral("killsTimed"), QStringLiteral("landed"),
                     QStringLiteral("landed.POST"), QStringLiteral("landed.PUT"),
                     QStringLiteral("landed.DELETE"), QStringLiteral("landedFaulted")}) +
               fill(QStringLiteral("  syncs that ended before the kill: %1 ok, %2 failed (%3 "
                                   "stuck); requests %4, %5 of them faulted\n  edits: %6 new, %7 "
                                   "set, %8 move, %9 delete, %10 refused by kashew\n"),
                    {QStringLiteral("endedOk"), QStringLiteral("endedFailed"),
                     QStringLiteral("syncsStuck"), QStringLiteral("requests"),
                     QStringLiteral("faultedRequests"), QStringLiteral("edits.new"),
                     QStringLiteral("edits.set"), QStringLiteral("edits.move"),
                     QStringLiteral("edits.delete"), QStringLiteral("edits.refused")});
    }

    bool killRounds()
    {
        for (int round = 0; round < m_options.rounds; ++round) {
            if (round % m_options.roundsPerRun == 0) {
                // Every other run ignores Idempotency-Key: a lost create must be looked up.
                const bool ignoreKey = static_cast<int>(count(QStringLiteral("runs"))) % 2 == 1;
                add(ignoreKey ? QStringLiteral("runsIgnoringKey")
                              : QStringLiteral("runsHonouringKey"));
                add(QStringLiteral("runs"));
                if (!startServer(QStringList{QStringLiteral("--log-requests")} +
                                 faultOptions(QStringLiteral("0.25,300"), ignoreKey)))
                    return false;
            }
            edit(0, 1 + m_rng.bounded(3));
            tally(syncAndKill(m_server, cli(0), m_rng));
            add(QStringLiteral("rounds"));
        }
        report(fill(QStringLiteral("kill rounds: %1 rounds in %2 server runs (%3 honouring "
                                   "Idempotency-Key, %4 ignoring it); faults: cut 5%, error 5%, "
                                   "delay 25% x 300 ms\n"),
                    {QStringLiteral("rounds"), QStringLiteral("runs"),
                     QStringLiteral("runsHonouringKey"), QStringLiteral("runsIgnoringKey")}) +
               killFigures(QStringLiteral("kashew sync")));
        return true;
    }

    bool serverKills()
    {
        const auto options = [this] {
            const bool ignoreKey = static_cast<int>(count(QStringLiteral("starts"))) % 2 == 1;
            add(QStringLiteral("starts"));
            return QStringList{QStringLiteral("--log-requests"), QStringLiteral("--fault-delay"),
                               QStringLiteral("0.3,300"), QStringLiteral("--fault-seed"),
                               QString::number(m_rng.bounded(100000))} +
                   (ignoreKey ? QStringList{QStringLiteral("--ignore-idempotency-key")}
                              : QStringList());
        };
        if (!startServer(options()))
            return false;
        const int target = static_cast<int>(count(QStringLiteral("kills"))) + m_options.serverKills;
        for (int attempt = 0;
             count(QStringLiteral("kills")) < target && attempt < 4 * m_options.serverKills;
             ++attempt) {
            edit(0, 2 + m_rng.bounded(3));
            // Restarted on the same database, while the sync still runs.
            const KillResult result =
                syncAndKill(m_server, cli(0), m_rng, [&] { return startServer(options()); });
            tally(result);
            if (result.killed && !result.restarted)
                return false;
        }
        report(QStringLiteral("server kills: kashew-server killed (SIGKILL) mid-sync and restarted "
                              "on its database, every other start ignoring Idempotency-Key; "
                              "faults: delay 30% x 300 ms\n") +
               killFigures(QStringLiteral("kashew-server")) +
               fill(QStringLiteral("  syncs that went on against the restarted server: %1 ok, %2 "
                                   "failed\n"),
                    {QStringLiteral("wentOnOk"), QStringLiteral("wentOnFailed")}));
        return true;
    }

    bool parallelClients()
    {
        const int groups = (m_options.clients + 7) / 8;
        if (!startServer(faultOptions(QStringLiteral("0.3,150"), true)))
            return false;
        QStringList names;
        for (int g = 0; g < groups; ++g) {
            for (int i = 1; i <= m_options.shared; ++i)
                names.append(QStringLiteral("s%1-%2").arg(g).arg(i));
        }
        if (const QString error = createShared(cli(0), &m_model, names, m_rng); !error.isEmpty())
            return std::fprintf(stderr, "%s\n", qPrintable(error)), false;
        for (int i = 0; i < 30 && cli(0).run({QStringLiteral("sync")}).exitCode != 0; ++i) {
        }
        m_model.save(m_state);
        std::vector<std::unique_ptr<QProcess>> children;
        QEventLoop loop;
        int running = m_options.clients;
        for (int c = 0; c < m_options.clients; ++c) {
            children.push_back(std::make_unique<QProcess>());
            QProcess &child = *children.back();
            child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            QObject::connect(&child, &QProcess::finished, &loop, [&] {
                if (--running == 0)
                    loop.quit();
            });
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("--child-client"), QString::number(c), m_options.work,
                         QString::number(m_options.iterations), QString::number(m_rng.generate())});
        }
        loop.exec(); // the event loop also keeps reading the server's output
        QStringList refusals;
        for (int c = 0; c < m_options.clients; ++c) {
            for (const QByteArray &text : children[c]->readAllStandardOutput().split('\n')) {
                const QJsonObject op = QJsonDocument::fromJson(text).object();
                if (op.isEmpty())
                    continue;
                m_model.apply(op, c);
                if (op.value(QStringLiteral("op")).toString() == QLatin1String("refused") &&
                    refusals.size() < 5)
                    refusals.append(op.value(QStringLiteral("why")).toString());
            }
            add(children[c]->exitCode() == 0 ? QStringLiteral("childrenOk")
                                             : QStringLiteral("childrenFailed"));
        }
        for (const QString &why : refusals)
            std::fprintf(stderr, "  (refused: %s)\n", qPrintable(why));
        report(fill(QStringLiteral("parallel clients: %1 profiles x %2 iterations (1-3 edits, "
                                   "then a sync), %3 shared records per group of 8, each client "
                                   "its own field of them; faults: cut 5%, error 5%, delay 30% x "
                                   "150 ms, Idempotency-Key ignored\n  syncs: %4 ok, %5 failed; "
                                   "edits: %6 new, %7 set, %8 move, %9 delete, %10 shared, %11 "
                                   "refused by kashew; clients that failed: %12\n")
                        .arg(m_options.clients)
                        .arg(m_options.iterations)
                        .arg(m_options.shared),
                    {QStringLiteral("syncsOk"), QStringLiteral("syncsFailed"),
                     QStringLiteral("edits.new"), QStringLiteral("edits.set"),
                     QStringLiteral("edits.move"), QStringLiteral("edits.delete"),
                     QStringLiteral("edits.shared"), QStringLiteral("edits.refused"),
                     QStringLiteral("childrenFailed")}));
        return true;
    }

    bool check()
    {
        if (!startServer({}))
            return false;
        QString text = QStringLiteral("check: a clean sync of every profile, then the server's "
                                      "records against the model\n");
        QStringList stuck;
        const QStringList profiles =
            QDir(m_options.work).entryList({QStringLiteral("profile-*")}, QDir::Dirs);
        for (const QString &dir : profiles) {
            const int profile = dir.section(QLatin1Char('-'), 1).toInt();
            stuck += settleProfile(cli(profile), dir);
        }
        const Comparison c =
            compareWithServer(m_model, serverUrl(m_model.port), ServerProcess::writeKey);
        if (!c.error.isEmpty())
            return std::fprintf(stderr, "%s\n", qPrintable(c.error)), false;
        text += fill(QStringLiteral("  rounds: %1; kills: %2 of kashew sync (%3 landed mid-push), "
                                    "%4 of kashew-server (%5 landed mid-push); parallel syncs: %6 "
                                    "ok, %7 failed\n"),
                     {QStringLiteral("kills.rounds"), QStringLiteral("kills.kills"),
                      QStringLiteral("kills.landed"), QStringLiteral("server.kills"),
                      QStringLiteral("server.landed"), QStringLiteral("clients.syncsOk"),
                      QStringLiteral("clients.syncsFailed")},
                     true);
        text += QStringLiteral("  profiles: %1; records expected: %2; found on the server: %3 (%4 "
                               "live, %5 archived), %6 of them as expected\n"
                               "  lost: %7  doubled: %8  unexpected (deleted or unknown, yet "
                               "there): %9  not settled in a profile: %10\n")
                    .arg(profiles.size())
                    .arg(c.expected)
                    .arg(c.live + c.archived)
                    .arg(c.live)
                    .arg(c.archived)
                    .arg(c.matched)
                    .arg(c.lost)
                    .arg(c.doubled)
                    .arg(c.unexpected)
                    .arg(stuck.size());
        if (!c.problems.isEmpty() || !stuck.isEmpty())
            text += QStringLiteral(
                        "  !!!!!!!! THE SERVER DOES NOT HOLD WHAT WAS INTENDED !!!!!!!!\n    ") +
                    (c.problems + stuck).join(QStringLiteral("\n    ")) + QLatin1Char('\n');
        report(text);
        return true;
    }

    Options m_options;
    QString m_state;
    FaultModel m_model;
    ServerProcess m_server;
    QRandomGenerator m_rng;
    QElapsedTimer m_phaseTimer;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 6 && arguments.at(1) == QLatin1String("--child-client"))
        return runChild(arguments.at(3), arguments.at(2).toInt(), arguments.at(4).toInt(),
                        arguments.at(5).toUInt());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The kill-and-fault run: kashew sync and kashew-server killed mid-push against a faulty "
        "server, profiles syncing in parallel; the server's records checked against a model."));
    parser.addHelpOption();
    Options options;
    const struct
    {
        const char *name;
        const char *help;
        int *value;
    } numbers[] = {{"rounds", "Rounds of kashew sync killed.", &options.rounds},
                   {"rounds-per-run", "Rounds per server run.", &options.roundsPerRun},
                   {"server-kills", "Kills of the server mid-sync.", &options.serverKills},
                   {"clients", "Profiles syncing in parallel.", &options.clients},
                   {"iterations", "Edit-and-sync rounds per client.", &options.iterations},
                   {"shared", "Shared records per 8 clients.", &options.shared},
                   {"seed", "Seed of the random choices.", &options.seed}};
    for (const auto &number : numbers)
        parser.addOption(QCommandLineOption(QString::fromLatin1(number.name),
                                            QString::fromLatin1(number.help), QStringLiteral("N"),
                                            QString::number(*number.value)));
    const QCommandLineOption phases(
        QStringLiteral("phases"),
        QStringLiteral("Comma-separated, in order: kills, server, clients, check."),
        QStringLiteral("list"), QStringLiteral("kills,server,clients,check"));
    const QCommandLineOption work(QStringLiteral("workdir"),
                                  QStringLiteral("Keeps the server database, the profiles and the "
                                                 "model here, so phases can run one at a time "
                                                 "(default: a temporary folder)."),
                                  QStringLiteral("dir"));
    const QCommandLineOption output(QStringLiteral("output"), QStringLiteral("Figures file."),
                                    QStringLiteral("file"),
                                    QStringLiteral("bench-results/faults.txt"));
    parser.addOptions({phases, work, output});
    parser.process(app);

    QTemporaryDir temporary;
    for (const auto &number : numbers)
        *number.value = std::max(0, parser.value(QString::fromLatin1(number.name)).toInt());
    options.roundsPerRun = std::max(1, options.roundsPerRun);
    options.phases = parser.value(phases).split(QLatin1Char(','), Qt::SkipEmptyParts);
    options.work = parser.isSet(work) ? QDir(parser.value(work)).absolutePath() : temporary.path();
    options.output = parser.value(output);
    QDir().mkpath(options.work);
    FaultBench bench(options);
    return bench.run() ? 0 : 1;
}
