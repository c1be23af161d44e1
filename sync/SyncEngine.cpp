#include "SyncEngine.h"

#include "FetchDetailTask.h"
#include "LocalStore.h"
#include "PullAccountsTask.h"
#include "PullListingTask.h"
#include "PullPeopleTask.h"
#include "PushEntryTask.h"
#include "ServerFeatures.h"
#include "Timestamp.h"

#include <QLockFile>
#include <QNetworkInformation>

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
    return !m_client.settings().apiKey.isEmpty() && !m_retryTimer.isActive() &&
           m_client.rateLimitWaitMs() <= 0 && !needsSettings;
}

void SyncEngine::start(std::chrono::milliseconds interval)
{
    m_pusher.setEnabled(true);
    m_peopleDue = QDeadlineTimer(0); // maybe new settings, maybe a new server: ask at once
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
    setState(State::Syncing);
    emit progressChanged(m_progress);
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
    if (error.ok()) {
        m_lastSuccess = QDateTime::currentDateTimeUtc();
        // Unsaved, only the next start shows an older "last synced".
        static_cast<void>(
            m_store.setSetting(QStringLiteral("lastSyncAt"), Timestamp::toText(m_lastSuccess)));
        setState(State::UpToDate);
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
    m_pusher.syncFinished(error.ok());
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
        return finish(outcome.error);
    }
}

void SyncEngine::pull()
{
    auto *task = new PullListingTask(m_store, m_client, this);
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
        pullAccounts();
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
    if (!m_peopleDue.hasExpired())
        return finish(ApiError{});
    // Counted from the request, whatever its answer: a failing /users costs no more either.
    m_peopleDue.setRemainingTime(m_peopleInterval);
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
