#include "SyncEngine.h"

#include "ChangeFeedSettings.h"
#include "FetchDetailTask.h"
#include "FollowChangesTask.h"
#include "LiveUpdates.h"
#include "LocalStore.h"
#include "PullAccountsTask.h"
#include "PullListingTask.h"
#include "PullPeopleTask.h"
#include "PushEntryTask.h"
#include "RequestGate.h"
#include "ServerFeatures.h"
#include "Timestamp.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QNetworkInformation>

namespace {

// A sync that could not write the cache ends with this error (as its tasks' do).
ApiError storeError(const Status &failed)
{
    return ApiError{
        ApiError::Kind::Other,
        0,
        QCoreApplication::translate("SyncEngine", "The local cache could not be written: %1")
            .arg(failed.error()),
        {},
        0};
}

} // namespace

SyncEngine::SyncEngine(LocalStore &store, ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
    , m_pusher(store, {[this] { return m_running; }, [this] { return mayPushEdits(); },
                       [this] {
                           syncNow();
                       }})
{
    connect(&m_timer, &QTimer::timeout, this, &SyncEngine::syncNow);
    connect(&m_client, &ApiClient::rateLimited, this, [this](int seconds) {
        emit rateLimited(QDateTime::currentDateTime().addSecs(seconds));
    });
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setTimerType(Qt::PreciseTimer); // a rate limit's wait must not end early
    connect(&m_retryTimer, &QTimer::timeout, this, &SyncEngine::syncNow);
    m_lastSuccess = Timestamp::fromText(m_store.setting(QStringLiteral("lastSyncAt")));
    // `kashew sync` is a new process each time, without start(): the people asked by an earlier
    // process within the interval are not asked again (a re-sync stays one request).
    m_peopleAskedAt = Timestamp::fromText(m_store.setting(QStringLiteral("people/askedAt")));
    m_live = std::make_unique<LiveUpdates>(store, client, *this);
    connect(m_live.get(), &LiveUpdates::stateChanged, this, &SyncEngine::liveStateChanged);
}

SyncEngine::~SyncEngine()
{
    abortTasks();
}

void SyncEngine::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

bool SyncEngine::mayPushEdits() const
{
    // A wrong key or an insecure address waits for the settings; a backoff for its timer.
    const bool needsSettings =
        m_state == State::Error && (m_lastError.kind == ApiError::Kind::Unauthorized ||
                                    m_lastError.kind == ApiError::Kind::Insecure);
    // A pull the budget cut short left the requests edits need: they need not wait for it.
    const bool budgetHasRoom = m_lastError.kind == ApiError::Kind::OverBudget && requestGate() &&
                               requestGate()->admitsWrite();
    return !m_client.settings().apiKey.isEmpty() && (!m_retryTimer.isActive() || budgetHasRoom) &&
           m_client.rateLimitWaitMs() <= 0 && !needsSettings;
}

void SyncEngine::setPushingEdits(bool pushing)
{
    if (RequestGate *gate = requestGate())
        gate->setPushingEdits(pushing);
}

QDateTime SyncEngine::nextSyncAt() const
{
    qint64 ms = -1;
    for (const QTimer *timer : {&m_timer, &m_retryTimer}) {
        if (timer->isActive() && (ms < 0 || timer->remainingTime() < ms))
            ms = timer->remainingTime();
    }
    return ms < 0 ? QDateTime() : QDateTime::currentDateTime().addMSecs(ms);
}

void SyncEngine::start(std::chrono::milliseconds interval)
{
    m_pusher.setEnabled(true);
    m_peopleAskedAt = QDateTime(); // maybe new settings, maybe a new server: ask at once
    if (interval.count() > 0)
        m_timer.start(interval);
    // When the system says the network is back, do not wait for the timer. Without a backend
    // (no NetworkManager, say) the offline retry timer still brings the sync back.
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    if (reachability == QNetworkInformation::Reachability::Online &&
                        m_state == State::Offline)
                        syncNow();
                });
    }
    syncNow();
    m_live->start();
}

void SyncEngine::stop()
{
    m_timer.stop();
    m_retryTimer.stop();
    m_pusher.setEnabled(false);
    m_client.abortAll();
    abortTasks();
    ++m_generation;
    m_running = false;
    m_lock.reset();
    m_live->stop();
}

LiveChannel::State SyncEngine::liveState() const
{
    return m_live->state();
}

void SyncEngine::syncNow()
{
    if (m_running) {
        m_again = true;
        return;
    }
    if (const qint64 waitMs = m_client.rateLimitWaitMs(); waitMs > 0) {
        // Asking before the rate limit's wait ends would only be refused again.
        m_retryTimer.start(static_cast<int>(waitMs));
        emit rateLimited(m_client.rateLimitedUntil());
        return;
    }
    // This sync sends everything the outbox holds; a backoff's retry is moot (finish() sets it
    // again if this one fails too).
    m_pusher.cancel();
    m_retryTimer.stop();
    m_lock = std::make_unique<QLockFile>(m_store.path() + QStringLiteral(".sync-lock"));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0) && !(takeOverOrphanedLock(*m_lock) && m_lock->tryLock(0))) {
        // Another kashew process syncs this cache right now: its work is ours too.
        m_lock.reset();
        m_retryTimer.start(5000);
        return;
    }
    m_running = true;
    m_again = false;
    m_tried.clear();
    m_progress = Progress{};
    m_lastError = ApiError{};
    m_heldEdits = ApiError{};
    setState(State::Syncing);
    emit progressChanged(m_progress);
    setPushingEdits(true);
    pushNext();
}

bool SyncEngine::takeOverOrphanedLock(QLockFile &lock)
{
    // A kill between creating a lock file and writing its owner into it leaves a file no one
    // owns and QLockFile never counts as stale (nor its ".rmlock" helper before 30 s). While its
    // owner lives it holds an advisory lock on the file, and removal fails; once the owner is
    // gone, removal succeeds and the lock is ours to take.
    qint64 pid = 0;
    QString host;
    QString application;
    if (lock.error() != QLockFile::LockFailedError || lock.getLockInfo(&pid, &host, &application))
        return false;
    QLockFile helper(m_store.path() + QStringLiteral(".sync-lock.rmlock"));
    if (!helper.getLockInfo(&pid, &host, &application))
        helper.removeStaleLockFile();
    return lock.removeStaleLockFile();
}

void SyncEngine::finish(const ApiError &error)
{
    m_running = false;
    m_lock.reset();
    m_lastError = error;
    setPushingEdits(false);
    if (error.ok()) {
        m_lastSuccess = QDateTime::currentDateTimeUtc();
        // Unsaved, only the next start shows an older "last synced".
        static_cast<void>(
            m_store.setSetting(QStringLiteral("lastSyncAt"), Timestamp::toText(m_lastSuccess)));
        setState(State::UpToDate);
        if (!m_heldEdits.ok())
            m_retryTimer.start(std::max(1000, m_heldEdits.retryAfterSeconds * 1000));
    } else if (error.kind == ApiError::Kind::OverBudget) {
        // The key's own budget, not a failure to act on: nothing was sent, and the sync goes on
        // by itself once the window has room (a pull cut short keeps what it fetched).
        m_retryTimer.start(std::max(1000, error.retryAfterSeconds * 1000));
        setState(State::Error);
    } else if (error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout) {
        setState(State::Offline);
        m_retryTimer.start(30000); // try again soon: the network may be back
    } else {
        if (error.kind == ApiError::Kind::RateLimited) {
            const qint64 waitMs = std::max<qint64>(m_client.rateLimitWaitMs(),
                                                   qint64(error.retryAfterSeconds) * 1000);
            m_retryTimer.start(static_cast<int>(std::max<qint64>(1000, waitMs)));
            emit rateLimited(QDateTime::currentDateTime().addMSecs(m_retryTimer.remainingTime()));
        }
        setState(State::Error);
    }
    emit finished(error.ok());
    m_pusher.syncFinished(error.ok() || error.kind == ApiError::Kind::OverBudget);
    if (m_again && error.ok())
        QTimer::singleShot(0, this, &SyncEngine::syncNow);
}

void SyncEngine::run(SyncTask *task, std::function<void(const SyncTaskOutcome &)> then)
{
    const quint64 generation = m_generation;
    connect(task, &SyncTask::finished, this,
            [this, task, generation, then = std::move(then)](const SyncTaskOutcome &outcome) {
                task->deleteLater();
                if (generation == m_generation)
                    then(outcome);
            });
    task->start();
}

void SyncEngine::abortTasks()
{
    const QList<SyncTask *> tasks = findChildren<SyncTask *>(QString(), Qt::FindDirectChildrenOnly);
    for (SyncTask *task : tasks) {
        task->abort();
        task->deleteLater();
    }
}

void SyncEngine::pushNext()
{
    const auto outbox = m_store.outbox();
    if (!outbox)
        return finish(ApiError{ApiError::Kind::Other,
                               0,
                               tr("The local cache could not be read: %1").arg(outbox.error()),
                               {},
                               0});
    for (const OutboxEntry &entry : *outbox) {
        if (m_tried.contains(entry.sequence))
            continue;
        const auto record = m_store.opportunity(entry.opportunityId);
        const bool waitsForUser =
            record && (record->state == SyncState::Failed || record->state == SyncState::Conflict);
        if (waitsForUser)
            continue;
        m_tried.insert(entry.sequence);
        auto *task = new PushEntryTask(m_store, m_client, entry, this);
        connect(task, &PushEntryTask::readOnlyDetected, this, [this] {
            m_readOnly = true;
            emit readOnlyDetected();
        });
        return run(task, [this](const SyncTaskOutcome &outcome) { entryPushed(outcome); });
    }
    setPushingEdits(false);
    pull();
}

void SyncEngine::entryPushed(const SyncTaskOutcome &outcome)
{
    switch (outcome.kind) {
    case SyncTaskOutcome::Kind::Done:
        ++m_progress.editsPushed;
        emit progressChanged(m_progress);
        return pushNext();
    case SyncTaskOutcome::Kind::Settled:
    case SyncTaskOutcome::Kind::Refused:
        // Refused entries wait for the user (marked Failed); the others go out.
        return pushNext();
    case SyncTaskOutcome::Kind::Failed:
        // Over the budget the edits wait in the outbox, nothing lost; the pull may still fit.
        if (outcome.error.kind == ApiError::Kind::OverBudget) {
            m_heldEdits = outcome.error;
            setPushingEdits(false);
            return pull();
        }
        return finish(outcome.error);
    }
}

void SyncEngine::pull()
{
    // Where the server named its change feed (remembered in the cache), it is followed instead.
    if (ChangeFeedSettings(m_store)
            .features(m_client.settings().baseUrl)
            .has(ServerFeatures::changes()))
        return followChanges();
    auto *task = new PullListingTask(m_store, m_client, this);
    task->setPageSize(m_listingPageSize);
    connect(task, &PullListingTask::pageStored, this, [this](int records, qint64 listingTotal) {
        ++m_progress.pagesDone;
        m_progress.recordsDone += records;
        if (listingTotal >= 0)
            m_progress.recordsTotal =
                (m_progress.recordsTotal < 0 ? 0 : m_progress.recordsTotal) + listingTotal;
        emit progressChanged(m_progress);
    });
    run(task, [this, task](const SyncTaskOutcome &outcome) {
        if (!outcome.mayGoOn())
            return finish(outcome.error);
        // The sync goes through; the records it could not read stay as they were.
        m_unreadableError = task->unreadableError();
        m_serverHasUsers = m_client.serverFeatures().has(ServerFeatures::users());
        // Remembered, so that the next sync and the next start know the server's way.
        if (const Status kept = ChangeFeedSettings(m_store).setFeatures(m_client.settings().baseUrl,
                                                                        m_client.serverFeatures());
            !kept)
            return finish(storeError(kept));
        // A whole listing of a server with the feed: the next sync follows the feed from the
        // cursor read before the listing, rather than downloading everything again.
        if (const std::optional<qint64> cursor = task->feedCursor();
            cursor && m_client.serverFeatures().has(ServerFeatures::changes())) {
            if (const Status kept = ChangeFeedSettings(m_store).setCursor(*cursor); !kept)
                return finish(storeError(kept));
        }
        pullAccounts();
    });
}

void SyncEngine::followChanges()
{
    auto *task = new FollowChangesTask(m_store, m_client, this);
    connect(task, &FollowChangesTask::pageStored, this, [this](int records, qint64 total) {
        ++m_progress.pagesDone;
        m_progress.recordsDone += records;
        if (total >= 0)
            m_progress.recordsTotal = total;
        emit progressChanged(m_progress);
    });
    run(task, [this, task](const SyncTaskOutcome &outcome) {
        const QUrl server = m_client.settings().baseUrl;
        if (outcome.kind == SyncTaskOutcome::Kind::Refused) {
            // No feed at this address any more (another server there): the listing, as for any
            // server, which also says what this one has.
            if (const Status forgotten = ChangeFeedSettings(m_store).setFeatures(server, {});
                !forgotten)
                return finish(storeError(forgotten));
            return pull();
        }
        if (!outcome.mayGoOn())
            return finish(outcome.error);
        m_unreadableError = task->unreadableError();
        m_serverHasUsers =
            ChangeFeedSettings(m_store).features(server).has(ServerFeatures::users());
        // Accounts come in the feed; people are asked as often as ever.
        pullPeople();
    });
}

void SyncEngine::pullAccounts()
{
    if (m_accountsMissing)
        return pullPeople();
    run(new PullAccountsTask(m_store, m_client, this), [this](const SyncTaskOutcome &outcome) {
        switch (outcome.kind) {
        case SyncTaskOutcome::Kind::Failed:
            return finish(outcome.error);
        case SyncTaskOutcome::Kind::Refused:
            // Account names are a convenience; the opportunities are stored. The cached names
            // stay, and the app and kashew say why there are no new ones.
            m_accountsError = outcome.error;
            m_accountsMissing = outcome.error.kind == ApiError::Kind::NotFound;
            break;
        case SyncTaskOutcome::Kind::Done:
        case SyncTaskOutcome::Kind::Settled:
            m_accountsError = ApiError{};
            break;
        }
        pullPeople();
    });
}

void SyncEngine::pullPeople()
{
    // A server that does not name /users is never asked for it (the hosted API's budget).
    if (!m_serverHasUsers) {
        m_peopleError = ApiError{};
        return finish(ApiError{});
    }
    // Asked lately: the cached people stay, and so does what became of that request.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_peopleAskedAt.isValid() && m_peopleAskedAt <= now &&
        m_peopleAskedAt.msecsTo(now) < m_peopleInterval.count())
        return finish(ApiError{});
    // Counted from the request, whatever its answer: a failing /users costs no more either.
    // Unsaved, the next process asks once more: a request, nothing lost.
    m_peopleAskedAt = now;
    static_cast<void>(m_store.setSetting(QStringLiteral("people/askedAt"), Timestamp::toText(now)));
    run(new PullPeopleTask(m_store, m_client, this), [this](const SyncTaskOutcome &outcome) {
        // Names are a convenience: whatever became of them, the deals are synced. The cached
        // people stay, and peopleError() says why there are no new ones.
        m_peopleError = outcome.error;
        finish(ApiError{});
    });
}

void SyncEngine::fetchDetail(const QString &id)
{
    run(new FetchDetailTask(m_store, m_client, id, this),
        [this, id](const SyncTaskOutcome &outcome) { emit detailFetched(id, outcome.error); });
}
