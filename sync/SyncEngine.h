#pragma once

#include "ApiClient.h"
#include "ApiError.h"
#include "OutboxEntry.h"
#include "PushScheduler.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <memory>

class LocalStore;
class QLockFile;

// Moves changes between the LocalStore and the server: pushes the outbox in order (coalesced,
// idempotent, merged field by field on conflict), then pulls every page into the cache. One sync
// at a time (also across processes on the same cache); on start, on a timer, on demand, and a
// short quiet period after the user's edits (PushScheduler). The push half is in
// SyncEnginePush.cpp.
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
    // The records the last sync could not read (none: it read them all), named with the fields
    // at fault. The sync went through without them; their cached copies stay as they were.
    const ApiError &unreadableError() const { return m_unreadableError; }
    // When a rate limit's wait ends (invalid: there is none).
    QDateTime rateLimitedUntil() const { return m_client.rateLimitedUntil(); }
    // Fetches one record with its updates history into the cache (for the detail view).
    void fetchDetail(const QString &id);
    void stop();

signals:
    void stateChanged(SyncEngine::State state);
    void progressChanged(const SyncEngine::Progress &progress);
    void finished(bool ok);
    void readOnlyDetected();
    void detailFetched(const QString &id, const ApiError &error);
    // The server's rate limit is reached: nothing is sent before `retryAt` (local time), then the
    // sync goes on by itself.
    void rateLimited(const QDateTime &retryAt);

private:
    void setState(State state);
    // Whether edits may go out now: a key, and no offline backoff or rate limit to wait out.
    bool mayPushEdits() const;
    // Removes a lock file left without an owner (empty or unreadable); true when it did.
    bool takeOverOrphanedLock(QLockFile &lock);
    void finish(const ApiError &error);
    void pushNext();
    void pushEntry(const OutboxEntry &entry, int round);
    void pushCreate(const OutboxEntry &entry);
    void refreshThenPush(const OutboxEntry &entry, int round);
    // The server took the entry: `server` is its answer (none for a delete). Goes on pushing.
    void entryPushed(const OutboxEntry &entry, const Opportunity *server,
                     const QByteArray &etag = {});
    // The record a single-record answer describes, with the fields it left out taken from the
    // cache's record `cachedId` (as the user last saw or sent it): a server that omits
    // is_archived or probability must not unarchive or zero the record.
    Opportunity completed(const ApiClient::Detail &detail, const QString &cachedId) const;
    // The sync's error when the cache refused a write.
    ApiError storeError() const;
    // Handles a failed push of one entry; returns true when pushing may go on.
    // Which request of an entry failed: its own send, or a look-up of what the server holds.
    enum class Request
    {
        Send,
        LookUp
    };
    bool handlePushError(const OutboxEntry &entry, const ApiError &error, int round,
                         Request request = Request::Send);
    void pullPage(bool archived, int page);
    void pullAccounts(int page, QList<Account> accounts);

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
    QSet<QString> m_pulledIds;
    int m_largestPage = 0;
    bool m_pullComplete = true;
    // Records of this pull kashew could not read: left as they were, reported when it ends.
    QList<ApiClient::UnreadableRecord> m_unreadable;
    std::unique_ptr<QLockFile> m_lock;
    ApiError m_accountsError;
    ApiError m_unreadableError;
    // The server answered 404 on /accounts: it has none to give, no need to ask every sync.
    bool m_accountsMissing = false;
    PushScheduler m_pusher;
};
