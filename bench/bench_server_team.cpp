// kashew-server for a team: 16 concurrent clients (one keep-alive connection each) against 1, 2
// and 4 processes on one PostgreSQL database, through packaging/team's nginx, and against one
// process on SQLite: requests/s and p50/p99 of a list page and of an edit. Then the change feed's
// bootstrap (GET /changes, limit 1000) over many records on both backends, and an empty follow-up.
// The PostgreSQL cluster is a throw-away one (tests/postgres-cluster.sh). Prints the figures and
// writes them to a file (default bench-results/server-team.txt). Run it through `kcpu`.
#include "FiguresFile.h"
#include "LoadGenerator.h"
#include "NginxProxy.h"
#include "Percentiles.h"
#include "ServerProcess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

// A PostgreSQL cluster of the bench's own, for as long as it runs; ServerProcess makes its
// databases there (KASHEW_TEST_BACKEND=postgresql, KASHEW_TEST_POSTGRES_ENV).
struct Cluster
{
    QTemporaryDir dir;
    bool started = false;
    QString script = QStringLiteral(KASHEW_SOURCE_DIR "/tests/postgres-cluster.sh");

    bool start()
    {
        const int code = QProcess::execute(QStringLiteral("bash"),
                                           {script, QStringLiteral("start"), dir.path()});
        started = code == 0;
        qputenv("KASHEW_TEST_POSTGRES_ENV", dir.filePath(QStringLiteral("cluster.env")).toUtf8());
        return started;
    }
    ~Cluster()
    {
        if (started)
            QProcess::execute(QStringLiteral("bash"), {script, QStringLiteral("stop"), dir.path()});
    }
};

void useBackend(bool postgres)
{
    if (postgres)
        qputenv("KASHEW_TEST_BACKEND", "postgresql");
    else
        qunsetenv("KASHEW_TEST_BACKEND");
}

struct Reply
{
    int status = 0;
    QByteArray body;
};

Reply get(QNetworkAccessManager &network, const QUrl &base, const QString &pathAndQuery)
{
    QNetworkRequest request(QUrl(base.toString() + pathAndQuery));
    request.setRawHeader("Authorization", QByteArray("Bearer ") + ServerProcess::writeKey);
    QNetworkReply *reply = network.get(request);
    while (!reply->isFinished())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    Reply answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                 reply->readAll()};
    reply->deleteLater();
    return answer;
}

QTextStream &operator<<(QTextStream &out, const LoadGenerator::Figures &f)
{
    return out << QStringLiteral("%1 %2 %3 %4")
                      .arg(QString::number(f.requestsPerSecond(), 'f', 0), 7)
                      .arg(QString::number(f.p50Ms, 'f', 2), 8)
                      .arg(QString::number(f.p99Ms, 'f', 2), 8)
                      .arg(f.failures, 8);
}

struct Load
{
    int records = 0;
    int clients = 16;
    int perClient = 40;
    QTextStream *out = nullptr;

    // The list pages and the edits of `clients` clients spread round-robin over `bases`.
    void measure(const QString &setUp, const QList<QUrl> &bases, const QStringList &ids) const
    {
        const int pages = std::max(1, records / 100);
        const auto list = LoadGenerator::run(
            bases, ServerProcess::writeKey, clients, perClient, 3, [&](int client, int index) {
                const int page = 1 + (client * 7 + index) % pages;
                return LoadGenerator::Request{
                    "GET", QStringLiteral("/opportunities?page=%1&pageSize=100").arg(page), {}};
            });
        // Each client edits a record of its own, as people editing different deals do.
        const auto edit = LoadGenerator::run(
            bases, ServerProcess::writeKey, clients, perClient, 3, [&](int client, int index) {
                return LoadGenerator::Request{
                    "PUT", QStringLiteral("/opportunities/") + ids.at(client % ids.size()),
                    QStringLiteral("{\"value\": %1}").arg(1000 + index).toUtf8()};
            });
        row(setUp, QStringLiteral("GET list, pageSize=100"), list);
        row(setUp, QStringLiteral("PUT value"), edit);
    }

    void row(const QString &setUp, const QString &request, const LoadGenerator::Figures &f) const
    {
        *out << QStringLiteral("%1 %2 ").arg(setUp, -34).arg(request, -24) << f << '\n';
        out->flush();
        std::fputs(".", stderr);
        if (f.failures > 0) {
            QStringList statuses;
            for (auto it = f.failureStatuses.cbegin(); it != f.failureStatuses.cend(); ++it)
                statuses.append(QStringLiteral("%1 x HTTP %2").arg(it.value()).arg(it.key()));
            *out << QStringLiteral("    failures: %1; the first: %2\n")
                        .arg(statuses.join(QStringLiteral(", ")),
                             QString::fromUtf8(f.firstFailure));
        }
    }
};

QStringList firstIds(const QUrl &base, int count)
{
    QNetworkAccessManager network;
    const QJsonArray list =
        QJsonDocument::fromJson(
            get(network, base, QStringLiteral("/opportunities?pageSize=%1").arg(count)).body)
            .object()
            .value(QStringLiteral("opportunities"))
            .toArray();
    QStringList ids;
    for (const QJsonValue &one : list)
        ids.append(one.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

// The feed's bootstrap from cursor 0 in pages of 1000, then an empty follow-up, on one connection.
QString measureFeed(const QString &backend, const QUrl &base, int records, double loadSeconds)
{
    QNetworkAccessManager network;
    QElapsedTimer timer;
    timer.start();
    qint64 cursor = 0;
    qint64 received = 0;
    qint64 bytes = 0;
    int pages = 0;
    for (bool more = true; more;) {
        const Reply reply =
            get(network, base, QStringLiteral("/changes?since=%1&limit=1000").arg(cursor));
        if (reply.status != 200)
            return QStringLiteral("%1: GET /changes answered HTTP %2\n")
                .arg(backend)
                .arg(reply.status);
        const QJsonObject page = QJsonDocument::fromJson(reply.body).object();
        received += page.value(QStringLiteral("changes")).toArray().size();
        bytes += reply.body.size();
        cursor = page.value(QStringLiteral("cursor")).toInteger();
        more = page.value(QStringLiteral("hasMore")).toBool();
        ++pages;
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    QList<double> followUps;
    for (int i = 0; i < 20; ++i) {
        timer.start();
        const Reply reply =
            get(network, base, QStringLiteral("/changes?since=%1&limit=1000").arg(cursor));
        followUps.append(timer.nsecsElapsed() / 1e6);
        if (reply.status != 200 || !QJsonDocument::fromJson(reply.body)
                                        .object()
                                        .value(QStringLiteral("changes"))
                                        .toArray()
                                        .isEmpty())
            return QStringLiteral("%1: the follow-up was not empty (HTTP %2)\n")
                .arg(backend)
                .arg(reply.status);
    }
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
        .arg(backend, -12)
        .arg(records, 8)
        .arg(QString::number(loadSeconds, 'f', 1), 7)
        .arg(received, 8)
        .arg(pages, 6)
        .arg(QString::number(received / seconds, 'f', 0), 10)
        .arg(QString::number(bytes / seconds / 1e6, 'f', 1), 6)
        .arg(QString::number(Percentiles::of(followUps).p50, 'f', 2), 10);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Measures several kashew-server processes under concurrent clients."));
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("opportunities"),
                                         QStringLiteral("Demo records for the load."),
                                         QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption feedOption(QStringLiteral("feed-opportunities"),
                                        QStringLiteral("Demo records for the change feed."),
                                        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption requestsOption(QStringLiteral("requests"),
                                            QStringLiteral("Requests per client and line."),
                                            QStringLiteral("N"), QStringLiteral("40"));
    const QCommandLineOption outputOption(QStringLiteral("output"), QStringLiteral("Figures file."),
                                          QStringLiteral("file"),
                                          QStringLiteral("bench-results/server-team.txt"));
    parser.addOptions({countOption, feedOption, requestsOption, outputOption});
    parser.process(app);

    Cluster cluster;
    if (!cluster.start()) {
        std::fprintf(stderr, "no PostgreSQL cluster (tests/postgres-cluster.sh)\n");
        return 1;
    }

    QString report;
    QTextStream out(&report);
    Load load;
    load.records = parser.value(countOption).toInt();
    load.perClient = parser.value(requestsOption).toInt();
    load.out = &out;
    const int feedRecords = parser.value(feedOption).toInt();
    out << "kashew-server for a team: " << load.clients << " concurrent clients (one keep-alive "
        << "connection each, all in the bench's one thread), " << load.records
        << " demo opportunities, " << load.perClient << " requests per client and line, "
        << "loopback; clients spread round-robin over the processes, or through nginx "
           "(packaging/team). The machine's cores are shared by the clients, the servers and "
           "PostgreSQL.\n";
    out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
               .arg(QStringLiteral("set-up"), -34)
               .arg(QStringLiteral("request"), -24)
               .arg(QStringLiteral("req/s"), 7)
               .arg(QStringLiteral("p50 ms"), 8)
               .arg(QStringLiteral("p99 ms"), 8)
               .arg(QStringLiteral("failures"), 8);
    const QStringList demo{QStringLiteral("--demo"), QString::number(load.records)};
    {
        useBackend(false);
        ServerProcess server;
        if (!server.start(demo))
            return 1;
        load.measure(QStringLiteral("SQLite, 1 process"), {server.baseUrl()},
                     firstIds(server.baseUrl(), load.clients));
    }
    {
        useBackend(true);
        // Four processes on one database; a line uses the first 1, 2 or 4.
        std::vector<std::unique_ptr<ServerProcess>> servers;
        servers.push_back(std::make_unique<ServerProcess>());
        if (!servers.front()->start(demo))
            return 1;
        for (int i = 1; i < 4; ++i) {
            servers.push_back(
                std::make_unique<ServerProcess>(ServerProcess::SameDatabaseAs{*servers.front()}));
            if (!servers.back()->start())
                return 1;
        }
        const QStringList ids = firstIds(servers.front()->baseUrl(), load.clients);
        for (int processes : {1, 2, 4}) {
            QList<QUrl> bases;
            for (int i = 0; i < processes; ++i)
                bases.append(servers.at(static_cast<size_t>(i))->baseUrl());
            load.measure(QStringLiteral("PostgreSQL, %1 process%2")
                             .arg(processes)
                             .arg(processes == 1 ? QString() : QStringLiteral("es")),
                         bases, ids);
        }
        NginxProxy proxy;
        if (!proxy.start({servers.at(0)->port(), servers.at(1)->port()})) {
            std::fprintf(stderr, "nginx: %s\n", qPrintable(proxy.errorString()));
            return 1;
        }
        load.measure(QStringLiteral("PostgreSQL, 2 processes, nginx"), {proxy.baseUrl()}, ids);
    }

    out << "\nchange feed: bootstrap GET /changes?since=0&limit=1000 and on, one client; then an "
           "empty follow-up from the last cursor (median of 20)\n";
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
               .arg(QStringLiteral("backend"), -12)
               .arg(QStringLiteral("records"), 8)
               .arg(QStringLiteral("load s"), 7)
               .arg(QStringLiteral("received"), 8)
               .arg(QStringLiteral("pages"), 6)
               .arg(QStringLiteral("records/s"), 10)
               .arg(QStringLiteral("MB/s"), 6)
               .arg(QStringLiteral("empty ms"), 10);
    for (bool postgres : {false, true}) {
        useBackend(postgres);
        ServerProcess server;
        QElapsedTimer loading;
        loading.start();
        if (!server.start({QStringLiteral("--demo"), QString::number(feedRecords)}))
            return 1;
        out << measureFeed(postgres ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite"),
                           server.baseUrl(), feedRecords, loading.nsecsElapsed() / 1e9);
        out.flush();
    }

    std::fputs("\n", stderr);
    return FiguresFile::publish(report, parser.value(outputOption)) ? 0 : 1;
}
