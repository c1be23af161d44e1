#include "CliSync.h"

#include "ApiClient.h"
#include "CliCommands.h"
#include "CliOutput.h"
#include "LocalStore.h"
#include "SyncEngine.h"

#include <QEventLoop>
#include <QSet>
#include <QTimer>

namespace {

using CliOutput::err;
using CliOutput::out;

// How long `kashew sync` waits while another kashew (the app, another terminal) syncs the profile.
constexpr int lockWaitSeconds = 120;
// The longest rate-limit wait `kashew sync` sits out: the hosted plans count requests per hour.
// A longer one (the daily write budget) is reported with its time instead.
constexpr int maxRateLimitWaitSeconds = 3660;

int exitCodeFor(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::None:
        return CliCommands::Ok;
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        return CliCommands::Offline;
    case ApiError::Kind::Unauthorized:
    case ApiError::Kind::Forbidden:
    case ApiError::Kind::Insecure:
        return CliCommands::NotAuthorized;
    case ApiError::Kind::RateLimited:
    case ApiError::Kind::OverBudget:
        return CliCommands::RateLimited;
    default:
        return CliCommands::Failed;
    }
}

// The records whose edits the server refused for good (422, 403): they wait for the user.
Result<QSet<QString>> refusedIds(LocalStore &store)
{
    const auto records = store.opportunities();
    if (!records)
        return Failure{records.error()};
    QSet<QString> ids;
    for (const CachedOpportunity &record : *records) {
        if (record.state == SyncState::Failed)
            ids.insert(record.opportunity.id);
    }
    return ids;
}

QString clockTime(const QDateTime &when)
{
    return when.toString(QStringLiteral("HH:mm:ss"));
}

} // namespace

int CliSync::run(LocalStore &store, ApiClient &client, const Options &options)
{
    ApiClient::Settings settings = client.settings();
    settings.maxRateLimitWaitSeconds = options.noWait ? -1 : maxRateLimitWaitSeconds;
    client.setSettings(settings);
    // A cache that cannot be read fails here; the store's readFailed has said why (CliSession).
    const auto refusedBefore = refusedIds(store);
    if (!refusedBefore)
        return CliCommands::Failed;
    SyncEngine engine(store, client);
    QEventLoop loop;
    bool done = false;
    bool ok = false;
    QObject::connect(&engine, &SyncEngine::finished, &loop, [&](bool success) {
        done = true;
        ok = success;
        loop.quit();
    });
    // Said before the wait, not after it: a terminal that sits silent looks hung.
    QObject::connect(&client, &ApiClient::rateLimited, &loop, [](int seconds) {
        err() << "kashew: rate limit reached: the server asks to wait " << seconds
              << " s; kashew tries again at "
              << clockTime(QDateTime::currentDateTime().addSecs(seconds))
              << " (--no-wait gives up instead)\n";
        err().flush();
    });
    engine.syncNow();
    // Another kashew holds the profile's sync lock. Its sync may already be past our edits: wait
    // for it to end (the engine tries again every few seconds), then sync ourselves.
    QTimer giveUp;
    giveUp.setSingleShot(true);
    QObject::connect(&giveUp, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&engine, &SyncEngine::stateChanged, &giveUp, [&](SyncEngine::State state) {
        if (state == SyncEngine::State::Syncing)
            giveUp.stop();
    });
    if (!done && engine.state() != SyncEngine::State::Syncing) {
        err() << "kashew: another kashew is syncing this profile right now; waiting for it\n";
        err().flush();
        giveUp.start(lockWaitSeconds * 1000);
    }
    if (!done)
        loop.exec();
    if (!done) {
        engine.stop();
        err() << "kashew: another kashew has been syncing this profile for " << lockWaitSeconds
              << " s; try again later\n";
        return CliCommands::Failed;
    }
    const SyncEngine::Progress &progress = engine.progress();
    const ApiError &error = engine.lastError();
    if (!ok && error.kind == ApiError::Kind::RateLimited) {
        const QDateTime until = engine.rateLimitedUntil().isValid()
                                    ? engine.rateLimitedUntil()
                                    : QDateTime::currentDateTime().addSecs(error.retryAfterSeconds);
        err() << "kashew: rate limit reached: the server asks to wait " << error.retryAfterSeconds
              << " s; "
              << (options.noWait ? QStringLiteral("giving up (--no-wait)")
                                 : QStringLiteral("longer than kashew waits"))
              << "; try again at " << clockTime(until) << "\n";
        return CliCommands::RateLimited;
    }
    if (!ok && error.kind == ApiError::Kind::OverBudget) {
        err() << "kashew: " << error.message << " Run 'kashew sync' again then.\n";
        return CliCommands::RateLimited;
    }
    if (!ok) {
        err() << "kashew: sync failed: " << error.message << "\n";
        return exitCodeFor(error);
    }
    out() << "synced: " << progress.editsPushed << " edit(s) pushed, " << progress.recordsDone
          << " opportunities in " << progress.pagesDone << " page(s); " << store.pendingCount()
          << " pending\n";
    // Records the server sent in a form kashew cannot read: named, and kept here as they were.
    if (const ApiError &unreadable = engine.unreadableError(); !unreadable.ok())
        err() << "kashew: " << unreadable.message << "\n";
    // The opportunities are synced without the names of their accounts.
    if (const ApiError &accounts = engine.accountsError(); !accounts.ok())
        err() << "kashew: account names are unavailable from this server ("
              << (accounts.message.isEmpty()
                      ? QStringLiteral("/accounts answered %1").arg(accounts.httpStatus)
                      : accounts.message)
              << "); the opportunities are synced\n";
    // Nor do owner names from /users stop it (a server without /users is no problem).
    if (const ApiError &people = engine.peopleError(); !people.ok())
        err() << "kashew: owner names are unavailable from this server (" << people.message
              << "); the opportunities are synced\n";
    // Edits the server refused in this sync are kept and marked, but they did not get through.
    const auto records = store.opportunities();
    if (!records)
        return CliCommands::Failed;
    int refused = 0;
    for (const CachedOpportunity &record : *records) {
        if (record.state != SyncState::Failed || refusedBefore->contains(record.opportunity.id))
            continue;
        ++refused;
        err() << "kashew: refused: " << record.opportunity.id << " (" << record.opportunity.name
              << "): " << record.syncError << "\n";
    }
    if (refused == 0)
        return CliCommands::Ok;
    err() << "kashew: " << refused
          << " edit(s) refused by the server and kept here ('kashew pending' lists them); "
             "change a record with 'kashew set' to send it again\n";
    return engine.isReadOnly() ? CliCommands::NotAuthorized : CliCommands::InvalidValue;
}
