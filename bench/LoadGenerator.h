#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QUrl>
#include <functional>

// Concurrent HTTP clients for benchmarks: each client is its own QNetworkAccessManager with one
// keep-alive connection and sends its requests one after another, as a desktop client does; all
// clients run in this thread's event loop (one core's worth of load generation).
class LoadGenerator final
{
public:
    struct Request
    {
        QByteArray method = "GET";
        QString pathAndQuery; // after the API base, e.g. "/opportunities?page=2"
        QByteArray body;
    };
    // The request number `index` (0-based) of client `client`.
    using RequestFor = std::function<Request(int client, int index)>;

    struct Figures
    {
        int requests = 0;
        int failures = 0;               // answers other than 200, and network errors (status 0)
        QMap<int, int> failureStatuses; // status -> how many
        QByteArray firstFailure;        // the body of the first, to say why
        double wallSeconds = 0;         // first request sent to last answer received
        double p50Ms = 0;
        double p99Ms = 0;
        qint64 bytes = 0; // response bodies
        double requestsPerSecond() const { return wallSeconds > 0 ? requests / wallSeconds : 0; }
    };

    // `clients` clients, client i talking to bases[i % bases.size()], each sending `perClient`
    // requests after `warmUp` unmeasured ones (which open the connections).
    static Figures run(const QList<QUrl> &bases, const QByteArray &apiKey, int clients,
                       int perClient, int warmUp, const RequestFor &requestFor);
};
