// kashew-server throughput and latency: list pages of 20, 100 and 500 over 100,000
// opportunities (unfiltered and with each filter), and PUT. Prints the figures and writes them
// to a file (default bench-results/server.txt).
#include "ServerProcess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTextStream>
#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

struct Figures
{
    QString name;
    int requests = 0;
    double seconds = 0;
    double p50Ms = 0;
    double p99Ms = 0;
};

// Sends `count` requests one after another on one keep-alive connection.
Figures measure(QNetworkAccessManager &network, const QString &name, int count,
                const std::function<QNetworkRequest(int)> &request,
                const QByteArray &method = "GET", const std::function<QByteArray(int)> &body = {})
{
    QList<double> latencies;
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < count; ++i) {
        QElapsedTimer one;
        one.start();
        QNetworkReply *reply =
            network.sendCustomRequest(request(i), method, body ? body(i) : QByteArray());
        while (!reply->isFinished())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->readAll();
        reply->deleteLater();
        if (status != 200)
            qFatal("%s: HTTP %d", qPrintable(name), status);
        latencies.append(one.nsecsElapsed() / 1e6);
    }
    Figures figures{name, count, total.nsecsElapsed() / 1e9, 0, 0};
    std::sort(latencies.begin(), latencies.end());
    figures.p50Ms = latencies.at(latencies.size() / 2);
    figures.p99Ms =
        latencies.at(std::min<qsizetype>(latencies.size() - 1, latencies.size() * 99 / 100));
    return figures;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures kashew-server over HTTP."));
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("opportunities"),
                                         QStringLiteral("Demo records."), QStringLiteral("N"),
                                         QStringLiteral("100000"));
    const QCommandLineOption outputOption(QStringLiteral("output"), QStringLiteral("Figures file."),
                                          QStringLiteral("file"),
                                          QStringLiteral("bench-results/server.txt"));
    parser.addOptions({countOption, outputOption});
    parser.process(app);
    const int count = parser.value(countOption).toInt();

    ServerProcess server;
    QElapsedTimer startup;
    startup.start();
    if (!server.start({QStringLiteral("--demo"), QString::number(count)}))
        return 1;
    const double startupSeconds = startup.nsecsElapsed() / 1e9;

    QNetworkAccessManager network;
    const auto get = [&](const QString &query) {
        return [&, query](int i) {
            QNetworkRequest request(QUrl(server.baseUrl().toString() +
                                         QStringLiteral("/opportunities?") +
                                         query.arg(i % 50 + 1)));
            request.setRawHeader("Authorization", QByteArray("Bearer ") + ServerProcess::writeKey);
            return request;
        };
    };
    // Warm the connection and SQLite's page cache once.
    measure(network, QStringLiteral("warm-up"), 20, get(QStringLiteral("pageSize=500&page=%1")));

    // Names and ids for the filtered runs, taken from the data.
    QNetworkReply *sample = network.get(get(QStringLiteral("pageSize=1&page=%1"))(0));
    while (!sample->isFinished())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const QJsonObject first = QJsonDocument::fromJson(sample->readAll())
                                  .object()
                                  .value(QStringLiteral("opportunities"))
                                  .toArray()
                                  .first()
                                  .toObject();
    sample->deleteLater();
    const QString accountId = first.value(QStringLiteral("account_id")).toString();
    const QString ownerId = QString::fromLatin1(
        QUrl::toPercentEncoding(first.value(QStringLiteral("owner_id")).toString()));
    const QString id = first.value(QStringLiteral("id")).toString();

    QList<Figures> results;
    for (int size : {20, 100, 500})
        results.append(measure(
            network, QStringLiteral("GET list, pageSize=%1").arg(size), 200,
            get(QStringLiteral("pageSize=%1&page=%2").arg(size).arg(QStringLiteral("%1")))));
    results.append(measure(network,
                           QStringLiteral("GET list, pageSize=100, deep pages (offset 50k+)"), 100,
                           get(QStringLiteral("pageSize=100&page=5%1"))));
    results.append(measure(network, QStringLiteral("GET list, pageSize=100, status=negotiation"),
                           200, get(QStringLiteral("pageSize=100&status=negotiation&page=%1"))));
    results.append(measure(network, QStringLiteral("GET list, pageSize=100, accountId"), 200,
                           get(QStringLiteral("pageSize=100&accountId=") + accountId +
                               QStringLiteral("&page=1&x=%1"))));
    results.append(measure(
        network, QStringLiteral("GET list, pageSize=100, ownerId"), 200,
        get(QStringLiteral("pageSize=100&ownerId=") + ownerId + QStringLiteral("&page=%1"))));
    results.append(measure(network, QStringLiteral("GET list, pageSize=100, isArchived=true"), 200,
                           get(QStringLiteral("pageSize=100&isArchived=true&page=1&x=%1"))));
    results.append(measure(network, QStringLiteral("GET list, pageSize=100, search (trigram)"), 200,
                           get(QStringLiteral("pageSize=100&search=m%C3%BCller&page=%1"))));
    results.append(measure(network, QStringLiteral("GET list, pageSize=100, search (1 char)"), 200,
                           get(QStringLiteral("pageSize=100&search=q&page=%1"))));
    results.append(measure(network, QStringLiteral("GET one with history"), 200, [&](int) {
        QNetworkRequest request(
            QUrl(server.baseUrl().toString() + QStringLiteral("/opportunities/") + id));
        request.setRawHeader("Authorization", QByteArray("Bearer ") + ServerProcess::writeKey);
        return request;
    }));
    results.append(measure(
        network, QStringLiteral("PUT (value, one history entry each)"), 200,
        [&](int) {
            QNetworkRequest request(
                QUrl(server.baseUrl().toString() + QStringLiteral("/opportunities/") + id));
            request.setRawHeader("Authorization", QByteArray("Bearer ") + ServerProcess::writeKey);
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
            return request;
        },
        "PUT", [](int i) { return QStringLiteral("{\"value\": %1}").arg(1000 + i).toUtf8(); }));

    QString report;
    QTextStream out(&report);
    out << "kashew-server benchmark: " << count
        << " demo opportunities, one client, keep-alive, loopback\n";
    out << "start-up with demo generation: " << QString::number(startupSeconds, 'f', 2) << " s\n";
    out << QStringLiteral("%1 %2 %3 %4\n")
               .arg(QStringLiteral("request"), -52)
               .arg(QStringLiteral("req/s"), 8)
               .arg(QStringLiteral("p50 ms"), 8)
               .arg(QStringLiteral("p99 ms"), 8);
    for (const Figures &f : results)
        out << QStringLiteral("%1 %2 %3 %4\n")
                   .arg(f.name, -52)
                   .arg(f.requests / f.seconds, 8, 'f', 0)
                   .arg(f.p50Ms, 8, 'f', 2)
                   .arg(f.p99Ms, 8, 'f', 2);
    out.flush();
    std::fputs(report.toUtf8().constData(), stdout);
    const QString path = parser.value(outputOption);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return 1;
    }
    file.write(report.toUtf8());
    return 0;
}
