#include "SyncEngine.h"

#include "ApiLimits.h"
#include "LocalStore.h"
#include "OpportunityDiff.h"
#include "OpportunityJson.h"
#include "RecordVersion.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QNetworkInformation>

namespace {

constexpr int pageSize = ApiLimits::maxPageSize;

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
    const QString last = m_store.setting(QStringLiteral("lastSyncAt"));
    if (!last.isEmpty())
        m_lastSuccess = QDateTime::fromString(last, Qt::ISODateWithMs);
}

SyncEngine::~SyncEngine() = default;

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
        m_store.setSetting(QStringLiteral("lastSyncAt"), m_lastSuccess.toString(Qt::ISODateWithMs));
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

ApiError SyncEngine::storeError() const
{
    return ApiError{ApiError::Kind::Other,
                    0,
                    tr("The local cache could not be written: %1").arg(m_store.lastError()),
                    {},
                    0};
}

void SyncEngine::pullPage(bool archived, int page)
{
    if (!archived && page == 1)
        m_unreadable.clear();
    OpportunityFilter filter;
    filter.archived = archived;
    m_client.listOpportunities(filter, {page, pageSize}, [=](ApiError error,
                                           const ApiClient::OpportunityPage &result) {
        if (!error.ok() && result.unreadable.isEmpty()) {
            // The staged pages are dropped: the cache stays as it was. Records found unreadable
            // so far are still worth telling.
            if (!m_unreadable.isEmpty())
                error.message += QLatin1Char(' ') + ApiClient::unreadableMessage(m_unreadable);
            return finish(error);
        }
        // Records it cannot read are left out, named, and kept here as they were; the others of
        // the page are taken.
        QStringList unreadableIds;
        for (const ApiClient::UnreadableRecord &record : result.unreadable) {
            if (record.id.isEmpty())
                m_pullComplete = false; // it may be any record: none is taken for deleted
            else
                unreadableIds.append(record.id);
            m_unreadable.append(record);
        }
        QList<Opportunity> items = result.items;
        if (archived) {
            // Listed live already, and not saying it is archived: the server ignores isArchived
            // (it lists everything twice), and the record is not archived.
            items.removeIf([&](const Opportunity &item) {
                return result.archivedByFilter.contains(item.id) && m_pulledIds.contains(item.id);
            });
        }
        if (!m_store.stagePulled(items) || !m_store.keepUnreadable(unreadableIds))
            return finish(storeError());
        for (const Opportunity &item : result.items)
            m_pulledIds.insert(item.id);
        for (const QString &id : std::as_const(unreadableIds))
            m_pulledIds.insert(id);
        const qsizetype received = result.received();
        ++m_progress.pagesDone;
        m_progress.recordsDone += static_cast<int>(items.size());
        if (result.totalCount && page == 1)
            m_progress.recordsTotal =
                (m_progress.recordsTotal < 0 ? 0 : m_progress.recordsTotal) + *result.totalCount;
        emit progressChanged(m_progress);
        m_largestPage = std::max(m_largestPage, static_cast<int>(received));
        const qint64 fetched = (qint64(page) - 1) * m_largestPage + received;
        const bool more = received > 0 && received >= m_largestPage &&
                          (!result.totalCount || fetched < *result.totalCount);
        if (more)
            return pullPage(archived, page + 1);
        if (result.totalCount && fetched < *result.totalCount)
            m_pullComplete = false;
        if (!archived) {
            m_largestPage = 0;
            return pullPage(true, 1);
        }
        if (m_progress.recordsTotal >= 0 && m_pulledIds.size() < m_progress.recordsTotal)
            m_pullComplete = false; // records moved between pages: do not take absence as deletion
        if (!m_store.commitPull(m_pullComplete))
            return finish(storeError());
        // Everything readable is in the cache and the sync goes through; the records it could
        // not read stay as they were, and the app and kashew say which fields stood in the way.
        m_unreadableError = ApiError{};
        if (!m_unreadable.isEmpty()) {
            m_unreadableError.kind = ApiError::Kind::BadResponse;
            m_unreadableError.fieldErrors = m_unreadable.first().errors;
            m_unreadableError.message = ApiClient::unreadableMessage(m_unreadable) +
                                        QLatin1Char(' ') +
                                        tr("The rest is synced; these stay here as they were.");
        }
        pullAccounts(1, {});
    });
}

void SyncEngine::pullAccounts(int page, QList<Account> accounts)
{
    if (m_accountsMissing)
        return finish(ApiError{});
    m_client.listAccounts(
        page, pageSize, [=](const ApiError &error, const ApiClient::AccountPage &result) mutable {
            if (!error.ok()) {
                // Account names are a convenience; the opportunities are stored. The cached
                // names stay, and the app and kashew say why there are no new ones.
                m_accountsError = error;
                m_accountsMissing = error.kind == ApiError::Kind::NotFound;
                return finish(ApiError{});
            }
            accounts += result.items;
            const bool more =
                !result.items.isEmpty() && (result.totalCount ? accounts.size() < *result.totalCount
                                                              : result.items.size() >= pageSize);
            if (more)
                return pullAccounts(page + 1, accounts);
            if (!m_store.storeAccounts(accounts))
                return finish(storeError());
            m_accountsError = ApiError{};
            finish(ApiError{});
        });
}

Opportunity SyncEngine::completed(const ApiClient::Detail &detail, const QString &cachedId) const
{
    Opportunity answer = detail.opportunity;
    const OpportunityFields absent = OpportunityFieldNames::writable() & ~detail.present;
    if (absent != OpportunityFields())
        if (const auto cached = m_store.opportunity(cachedId))
            OpportunityDiff::copyFields(cached->opportunity, &answer, absent);
    return answer;
}

void SyncEngine::fetchDetail(const QString &id)
{
    m_client.getOpportunity(id, [=](const ApiError &error, const ApiClient::Detail &detail) {
        if (!error.ok() || !m_store.mergeServerRecord(completed(detail, id), detail.etag)) {
            emit detailFetched(id, error.ok() ? storeError() : error);
            return;
        }
        // The history belongs to the record as the cache now holds it (when it holds the server's
        // state), so that the two compare as one version until either changes.
        const auto cached = m_store.opportunity(id);
        const Opportunity fetched = cached && cached->state == SyncState::Synced
                                        ? cached->opportunity
                                        : completed(detail, id);
        const bool stored = m_store.storeUpdates(id, detail.updates, RecordVersion::of(fetched));
        emit detailFetched(id, stored ? error : storeError());
    });
}
