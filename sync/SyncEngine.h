#pragma once

#include "ApiClient.h"
#include "ApiError.h"
#include "LiveChannel.h"
#include "OutboxEntry.h"
#include "PushScheduler.h"
#include "SyncTaskOutcome.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>
#include <memory>

class LiveUpdates;
class LocalStore;
class QLockFile;
class RequestGate;
class SyncTask;

// Moves changes between the LocalStore and the server: pushes the outbox in order (coalesced,
// idempotent, merged field by field on conflict), then pulls every page into the cache. One sync
// at a time (also across processes on the same cache); on start, on a timer, on demand, and a
// short quiet period after the user's edits (PushScheduler). The work is done by task objects
// the engine sequences: PushEntryTask per entry, then PullListingTask, then PullAccountsTask,
// then PullPeopleTask (only for a server whose listing names `users`, and not every sync);
// FetchDetailTask for the detail view. Where the server named `changes` (remembered in the
// cache), FollowChangesTask takes the place of the listing and the accounts.
class SyncEngine final : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,
        Syncing,
        UpToDate,
        Offline,
        Error
    };
    Q_ENUM(State)

    struct Progress
    {
        int pagesDone = 0;
        int recordsDone = 0;
        // -1 while unknown.
        qint64 recordsTotal = -1;
        int editsPushed = 0;
    };

    SyncEngine(LocalStore &store, ApiClient &client, QObject *parent = nullptr);
    ~SyncEngine() override;

    State state() const { return m_state; }
    const Progress &progress() const { return m_progress; }
    const ApiError &lastError() const { return m_lastError; }
    QDateTime lastSuccess() const { return m_lastSuccess; }
    // The key turned out read-only (403 on a write): editing is not allowed.
    bool isReadOnly() const { return m_readOnly; }
    void resetReadOnly() { m_readOnly = false; }

    // Syncs every `interval` (0: only on demand) and right away.
    void start(std::chrono::milliseconds interval);
    // Starts a sync unless one runs; then one more follows it. Not before a rate limit's wait ends:
    // then it says so again (rateLimited) and syncs when the wait is over.
    void syncNow();
    // How long after the user's last edit its sync starts (default 1.5 s).
    void setPushDelay(std::chrono::milliseconds delay) { m_pusher.setQuietPeriod(delay); }
    // A sync for the user's latest edits waits for their quiet period to end.
    bool isPushScheduled() const { return m_pusher.isScheduled(); }
    // Why the last sync has no account names (none: it has them). Opportunities sync without.
    const ApiError &accountsError() const { return m_accountsError; }
    // Why the last request for the server's /users brought no people (none: it did, the server
    // has no such resource, or its listing does not name it). Opportunities sync without.
    const ApiError &peopleError() const { return m_peopleError; }
    // How long after asking for the people the engine asks again (default 15 minutes); counted
    // from the next request on.
    void setPeopleInterval(std::chrono::milliseconds interval) { m_peopleInterval = interval; }
    // The records the last sync could not read (none: it read them all), named with the fields
    // at fault. The sync went through without them; their cached copies stay as they were.
    const ApiError &unreadableError() const { return m_unreadableError; }
    // When a rate limit's wait ends (invalid: there is none).
    QDateTime rateLimitedUntil() const { return m_client.rateLimitedUntil(); }
    // When the next sync runs by itself, local time (invalid: none is due, only on demand). After
    // the request budget stopped a sync (OverBudget), when it has room again.
    QDateTime nextSyncAt() const;
    // The key's request budget every request passes (none: requests are not counted).
    RequestGate *requestGate() const { return m_client.requestGate(); }
    // The page size a listing pull asks for (default: the largest the API allows; tests ask for
    // small pages to cut a pull into several windows with few records).
    void setListingPageSize(int pageSize) { m_listingPageSize = pageSize; }
    // Fetches one record with its updates history into the cache (for the detail view).
    void fetchDetail(const QString &id);
    void stop();
    // The live channel to the server's events (LiveUpdates; Off where the server has none).
    LiveChannel::State liveState() const;

signals:
    void stateChanged(SyncEngine::State state);
    void progressChanged(const SyncEngine::Progress &progress);
    void finished(bool ok);
    void readOnlyDetected();
    void detailFetched(const QString &id, const ApiError &error);
    // The server's rate limit is reached: nothing is sent before `retryAt` (local time), then the
    // sync goes on by itself.
    void rateLimited(const QDateTime &retryAt);
    void liveStateChanged(LiveChannel::State state);

private:
    void setState(State state);
    // Whether edits may go out now: a key, and no offline backoff or rate limit to wait out (a
    // wait for the request budget lets them go while it has room for them).
    bool mayPushEdits() const;
    // Reads while edits are pushed are the edits' own: the budget's reserve is not for them.
    void setPushingEdits(bool pushing);
    // Removes a lock file left without an owner (empty or unreadable); true when it did.
    bool takeOverOrphanedLock(QLockFile &lock);
    void finish(const ApiError &error);
    // Starts `task` (a child of the engine, deleted once it finished); `then` hears how it ended,
    // unless the engine was stopped meanwhile.
    void run(SyncTask *task, std::function<void(const SyncTaskOutcome &)> then);
    // Aborts every task under way: none of them finishes or acts on an answer any more.
    void abortTasks();
    // Pushes the next outbox entry, in order; when none is left, pulls.
    void pushNext();
    void entryPushed(const SyncTaskOutcome &outcome);
    void pull();
    // kashew-server's change feed instead of the listing and the accounts (FollowChangesTask).
    void followChanges();
    void pullAccounts();
    void pullPeople();

    LocalStore &m_store;
    ApiClient &m_client;
    State m_state = State::Idle;
    Progress m_progress;
    ApiError m_lastError;
    QDateTime m_lastSuccess;
    QTimer m_timer;
    QTimer m_retryTimer;
    bool m_running = false;
    bool m_again = false;
    bool m_readOnly = false;
    // Entries already tried in this sync (refused ones are skipped, not retried in a loop).
    QSet<qint64> m_tried;
    std::unique_ptr<QLockFile> m_lock;
    ApiError m_accountsError;
    ApiError m_peopleError;
    ApiError m_unreadableError;
    int m_listingPageSize = ApiLimits::maxPageSize;
    // This sync's edits the request budget held back (the day's writes spent): they wait in the
    // outbox, the pull goes on, and a sync comes back for them when there is room.
    ApiError m_heldEdits;
    // The server answered 404 on /accounts: it has none to give, no need to ask every sync.
    bool m_accountsMissing = false;
    // This sync's listing named the `users` extension (the hosted API's never does).
    bool m_serverHasUsers = false;
    // People change rarely, and every request counts against the hosted plan's hourly budget:
    // they are asked on the first sync after start(), then once this interval has passed.
    std::chrono::milliseconds m_peopleInterval = std::chrono::minutes(15);
    // When /users was last asked, by this process or an earlier one (invalid: ask now).
    QDateTime m_peopleAskedAt;
    PushScheduler m_pusher;
    // Bumped by stop(): the tasks of an earlier run have nothing more to say.
    quint64 m_generation = 0;
    // Teammates' changes as they commit, while started (declared last: it watches the rest).
    std::unique_ptr<LiveUpdates> m_live;
};
