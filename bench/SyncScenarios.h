#pragma once

#include <QList>
#include <QString>
#include <QUrl>

class ServerProcess;

// The sync benchmark's scenarios that need more than one sync: a teammate's change reaching a
// second client over the live channel, and a first sync cut into rate-limit windows.
namespace SyncScenarios {

struct Latency
{
    // Empty when measured; otherwise why not (e.g. the live channel is not built yet).
    QString unavailable;
    // From the teammate's PUT answer to the record in the second client's cache, one per sample.
    QList<double> milliseconds;
    // Samples that did not arrive within 10 seconds.
    int missed = 0;
    // Requests the second client sent meanwhile (after its first sync).
    int requests = 0;
};
// The second client runs a SyncEngine (no timer: interval 0) on the synced cache at `cachePath`;
// a teammate (another ApiClient) changes a record `samples` times.
Latency teammateLatency(const QUrl &server, const QString &cachePath, int samples);

struct Budgeted
{
    bool finished = false;
    QString error;
    // Syncs the engine ran until one completed, and the rate windows that took.
    int syncRuns = 0;
    int windows = 0;
    int requests = 0;
    qint64 bytes = 0;
    double seconds = 0;
    // The cache against the server's database at the end.
    qint64 cached = 0;
    qint64 onServer = 0;
    int missing = 0;
    int extra = 0;
};
// A first sync into an empty cache against a server started with --rate-limit, whose window is
// `windowSeconds`: the engine is left to wait out each 429 and go on by itself.
Budgeted budgetedFirstSync(const ServerProcess &server, const QString &cachePath, int windowSeconds,
                           int timeoutSeconds);

double median(QList<double> values);

} // namespace SyncScenarios
