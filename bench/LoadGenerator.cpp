#include "LoadGenerator.h"

#include "Percentiles.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <memory>
#include <utility>
#include <vector>

namespace {

struct Client
{
    std::unique_ptr<QNetworkAccessManager> network = std::make_unique<QNetworkAccessManager>();
    QUrl base;
    int sent = 0;
    bool released = false;
    QElapsedTimer timer;
};

} // namespace

LoadGenerator::Figures LoadGenerator::run(const QList<QUrl> &bases, const QByteArray &apiKey,
                                          int clients, int perClient, int warmUp,
                                          const RequestFor &requestFor)
{
    std::vector<Client> all(static_cast<size_t>(clients));
    QList<double> latencies;
    Figures figures;
    QEventLoop loop;
    int running = clients;
    QElapsedTimer wall;
    int warming = clients;
    QList<int> parked;

    // Sends client c's next request, or ends the client; the warm-up requests come first.
    std::function<void(int)> next = [&](int c) {
        Client &client = all[static_cast<size_t>(c)];
        if (client.sent == warmUp + perClient) {
            if (--running == 0)
                loop.quit();
            return;
        }
        if (client.sent == warmUp && !client.released) {
            // Clients that finish their warm-up wait for the rest: the measured part has all of
            // them running at once, every connection open.
            client.released = true;
            parked.append(c);
            if (--warming > 0)
                return;
            wall.start();
            for (int waiting : std::exchange(parked, {}))
                next(waiting);
            return;
        }
        const int index = client.sent;
        const Request one = requestFor(c, index);
        QNetworkRequest request(QUrl(client.base.toString() + one.pathAndQuery));
        request.setRawHeader("Authorization", "Bearer " + apiKey);
        if (!one.body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
        client.timer.start();
        QNetworkReply *reply = client.network->sendCustomRequest(request, one.method, one.body);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, c, index, reply] {
            const double ms = all[static_cast<size_t>(c)].timer.nsecsElapsed() / 1e6;
            const QByteArray body = reply->readAll();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            reply->deleteLater();
            if (index >= warmUp) {
                latencies.append(ms);
                figures.bytes += body.size();
                if (status != 200) {
                    if (figures.failures++ == 0)
                        figures.firstFailure = body.left(300);
                    ++figures.failureStatuses[status];
                }
            }
            ++all[static_cast<size_t>(c)].sent;
            next(c);
        });
    };
    for (int c = 0; c < clients; ++c)
        all[static_cast<size_t>(c)].base = bases.at(c % bases.size());
    for (int c = 0; c < clients; ++c)
        next(c);
    loop.exec();
    figures.wallSeconds = wall.nsecsElapsed() / 1e9;
    figures.requests = static_cast<int>(latencies.size());
    const Percentiles percentiles = Percentiles::of(latencies);
    figures.p50Ms = percentiles.p50;
    figures.p99Ms = percentiles.p99;
    return figures;
}
