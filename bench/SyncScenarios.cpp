#include "SyncScenarios.h"

#include "ApiClient.h"
#include "LocalStore.h"
#include "ServerProcess.h"
#include "SyncEngine.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTimer>
#include <algorithm>
#include <cmath>

namespace SyncScenarios {

namespace {

ApiClient::Settings clientSettings(const QUrl &server)
{
    ApiClient::Settings settings;
    settings.baseUrl = server;
    settings.apiKey = QString::fromLatin1(ServerProcess::writeKey);
    return settings;
}

// Runs the event loop until `done` holds or `timeoutMs` passes; whether it holds.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(1, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// The server's record ids, read from its SQLite file by sqlite3 (no request, no budget spent).
QSet<QString> serverIds(const ServerProcess &server)
{
    QProcess sqlite;
    sqlite.start(QStringLiteral("sqlite3"), {QStringLiteral("-readonly"), server.databasePath(),
                                             QStringLiteral("SELECT id FROM opportunities")});
    sqlite.waitForFinished(-1);
    QSet<QString> ids;
    for (const QByteArray &line : sqlite.readAllStandardOutput().split('\n')) {
        if (!line.trimmed().isEmpty())
            ids.insert(QString::fromLatin1(line.trimmed()));
    }
    return ids;
}

} // namespace

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

Latency teammateLatency(const QUrl &server, const QString &cachePath, int samples)
{
    Latency result;
    LocalStore store;
    if (!store.open(cachePath).ok) {
        result.unavailable = QStringLiteral("the cache did not open");
        return result;
    }
    ApiClient client;
    client.setSettings(clientSettings(server));
    SyncEngine engine(store, client);
    bool firstSyncDone = false;
    QObject::connect(&engine, &SyncEngine::finished, [&](bool) { firstSyncDone = true; });
    engine.start(std::chrono::milliseconds(0));
    if (!waitFor([&] { return firstSyncDone; }, 600000)) {
        result.unavailable = QStringLiteral("the second client's first sync did not end");
        return result;
    }
    if (!waitFor([&] { return engine.liveState() == LiveChannel::State::Connected; }, 10000)) {
        result.unavailable =
            QStringLiteral("n/a (not built yet: the live channel did not connect)");
        return result;
    }
    const QList<CachedOpportunity> records = store.opportunities().value();
    if (records.isEmpty()) {
        result.unavailable = QStringLiteral("the cache is empty");
        return result;
    }
    const int requestsBefore = client.requestCount();
    ApiClient teammate;
    teammate.setSettings(clientSettings(server));
    for (int i = 0; i < samples; ++i) {
        const QString id = records.at(i * 7 % records.size()).opportunity.id;
        const double value = 900000 + i;
        QElapsedTimer sinceAnswer;
        bool answered = false;
        teammate.updateOpportunity(id, QJsonObject{{QStringLiteral("value"), value}}, {},
                                   [&](const ApiError &error, const ApiClient::Detail &) {
                                       sinceAnswer.start();
                                       answered = error.ok();
                                   });
        if (!waitFor([&] { return sinceAnswer.isValid(); }, 30000) || !answered) {
            result.unavailable = QStringLiteral("the teammate's edit failed");
            return result;
        }
        const bool arrived = waitFor(
            [&] {
                const std::optional<CachedOpportunity> cached = store.opportunity(id);
                return cached && cached->opportunity.value == value;
            },
            10000);
        if (arrived)
            result.milliseconds.append(sinceAnswer.nsecsElapsed() / 1e6);
        else
            ++result.missed;
    }
    result.requests = client.requestCount() - requestsBefore;
    engine.stop();
    return result;
}

Budgeted budgetedFirstSync(const ServerProcess &server, const QString &cachePath, int windowSeconds,
                           int timeoutSeconds)
{
    Budgeted result;
    LocalStore store;
    if (!store.open(cachePath).ok) {
        result.error = QStringLiteral("the cache did not open");
        return result;
    }
    ApiClient client;
    ApiClient::Settings settings = clientSettings(server.baseUrl());
    // A 429 ends the sync (nothing waited out inside a request): the engine goes on by itself
    // when the window frees, as it would after an hour's budget.
    settings.maxRateLimitWaitSeconds = 0;
    client.setSettings(settings);
    SyncEngine engine(store, client);
    bool ok = false;
    QObject::connect(&engine, &SyncEngine::finished, [&](bool success) {
        ++result.syncRuns;
        ok = success;
        // Should the engine not resume by itself, ask again: it waits for the rate limit's end.
        if (!success)
            QTimer::singleShot(200, &engine, [&engine] { engine.syncNow(); });
    });
    QElapsedTimer timer;
    timer.start();
    engine.start(std::chrono::milliseconds(0));
    result.finished = waitFor([&] { return ok; }, timeoutSeconds * 1000);
    result.seconds = timer.nsecsElapsed() / 1e9;
    engine.stop();
    if (!result.finished)
        result.error = engine.lastError().message;
    result.windows = std::max(1, static_cast<int>(std::ceil(result.seconds / windowSeconds)));
    result.requests = client.requestCount();
    result.bytes = client.bytesReceived();
    const QSet<QString> onServer = serverIds(server);
    QSet<QString> cached;
    const QList<CachedOpportunity> records = store.opportunities().value();
    for (const CachedOpportunity &record : records)
        cached.insert(record.opportunity.id);
    result.cached = records.size();
    result.onServer = onServer.size();
    result.missing = static_cast<int>((onServer - cached).size());
    // Duplicates cannot hide in a set: a cache row count above its distinct ids counts too.
    result.extra = static_cast<int>((cached - onServer).size() + (records.size() - cached.size()));
    return result;
}

} // namespace SyncScenarios
