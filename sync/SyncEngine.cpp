#include "SyncEngine.h"

#include "LocalStore.h"
#include "OpportunityDiff.h"
#include "OpportunityJson.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QNetworkInformation>

namespace {

constexpr int pageSize = 500;

} // namespace

SyncEngine::SyncEngine(LocalStore &store, ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
{
    connect(&m_timer, &QTimer::timeout, this, &SyncEngine::syncNow);
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

void SyncEngine::start(std::chrono::milliseconds interval)
{
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
        setState(State::Error);
        if (error.kind == ApiError::Kind::RateLimited)
            m_retryTimer.start(std::max(1, error.retryAfterSeconds) * 1000);
    }
    emit finished(error.ok());
    if (m_again && error.ok())
        QTimer::singleShot(0, this, &SyncEngine::syncNow);
}

void SyncEngine::pushNext()
{
    for (const OutboxEntry &entry : m_store.outbox()) {
        if (m_tried.contains(entry.sequence))
            continue;
        const auto record = m_store.opportunity(entry.opportunityId);
        const bool waitsForUser =
            record && (record->state == SyncState::Failed || record->state == SyncState::Conflict);
        if (waitsForUser)
            continue;
        m_tried.insert(entry.sequence);
        pushEntry(entry, 0);
        return;
    }
    // Outbox done: pull.
    m_pulledIds.clear();
    m_largestPage = 0;
    m_pullComplete = true;
    if (!m_store.beginPull())
        return finish(storeError());
    pullPage(false, 1);
}

void SyncEngine::pushEntry(const OutboxEntry &entry, int round)
{
    const auto record = [&]() -> std::optional<CachedOpportunity> {
        if (entry.operation == OutboxEntry::Operation::Delete) {
            // A pending delete hides its row; the ETag it needs is still there.
            CachedOpportunity hidden;
            hidden.opportunity.id = entry.opportunityId;
            return hidden;
        }
        return m_store.opportunity(entry.opportunityId);
    }();
    if (!record)
        return pushNext();
    if (entry.operation == OutboxEntry::Operation::Create)
        return pushCreate(entry);

    const QByteArray etag = entry.operation == OutboxEntry::Operation::Delete
                                ? m_store.etagOf(entry.opportunityId)
                                : record->etag;
    if ((etag.isEmpty() || entry.inDoubt) && round == 0) {
        // Without a version to send, look first: a change made on the server meanwhile must be
        // merged, not overwritten. After a send that may have landed, look too, while the cache
        // still knows what that send carried: what of it the server holds is ours.
        return refreshThenPush(entry, round);
    }
    const QJsonObject body =
        entry.operation == OutboxEntry::Operation::Delete
            ? QJsonObject()
            : OpportunityJson::toRequestBody(record->opportunity, entry.fields);
    if (!m_store.markAttempt(entry.sequence, body))
        return finish(storeError());
    if (entry.operation == OutboxEntry::Operation::Delete) {
        m_client.deleteOpportunity(entry.opportunityId, etag, [=](const ApiError &error, bool) {
            if (error.ok() || error.kind == ApiError::Kind::NotFound) {
                return entryPushed(entry, nullptr);
            }
            if (handlePushError(entry, error, round))
                pushNext();
        });
        return;
    }
    m_client.updateOpportunity(entry.opportunityId, body, etag,
                               [=](const ApiError &error, const ApiClient::Detail &detail) {
                                   if (error.ok()) {
                                       return entryPushed(entry, &detail.opportunity, detail.etag);
                                   }
                                   if (handlePushError(entry, error, round))
                                       pushNext();
                               });
}

void SyncEngine::refreshThenPush(const OutboxEntry &entry, int round)
{
    m_client.getOpportunity(
        entry.opportunityId, [=](const ApiError &error, const ApiClient::Detail &detail) {
            if (error.kind == ApiError::Kind::NotFound) {
                const bool stored = entry.operation == OutboxEntry::Operation::Delete
                                        ? m_store.completeDelete(entry.sequence)
                                        : m_store.recordServerDeleted(entry.opportunityId);
                return stored ? pushNext() : finish(storeError());
            }
            if (!error.ok()) {
                if (handlePushError(entry, error, round, Request::LookUp))
                    pushNext();
                return;
            }
            if (!m_store.mergeServerRecord(detail.opportunity, detail.etag) ||
                !m_store.storeUpdates(detail.opportunity.id, detail.updates))
                return finish(storeError());
            // The merge may have settled the entry or turned it into a conflict.
            const auto current = m_store.entryFor(entry.opportunityId);
            const auto record = m_store.opportunity(entry.opportunityId);
            const bool conflict = record && record->state == SyncState::Conflict;
            if (!current || conflict ||
                (entry.operation == OutboxEntry::Operation::Delete &&
                 !m_store.entryFor(entry.opportunityId)))
                return pushNext();
            pushEntry(*current, round + 1);
        });
}

void SyncEngine::pushCreate(const OutboxEntry &entry)
{
    const auto record = m_store.opportunity(entry.opportunityId);
    if (!record)
        return pushNext();
    const QJsonObject body = OpportunityJson::toRequestBody(
        record->opportunity,
        OpportunityFieldNames::writable() & ~OpportunityFields(OpportunityField::OwnerId));
    const auto post = [=] {
        if (!m_store.markAttempt(entry.sequence, body))
            return finish(storeError());
        m_client.createOpportunity(body, entry.idempotencyKey,
                                   [=](const ApiError &error, const ApiClient::Detail &detail) {
                                       if (error.ok()) {
                                           return entryPushed(entry, &detail.opportunity,
                                                              detail.etag);
                                       }
                                       if (handlePushError(entry, error, 0))
                                           pushNext();
                                   });
    };
    if (!entry.inDoubt)
        return post();
    // An earlier send may have landed and its answer been lost. Servers that ignore
    // Idempotency-Key would create a second record: look for the first one before posting again.
    // Compare with what was sent then, not with the record as it is now; a record this cache
    // already holds is another create's, never this one's.
    const OpportunityJson::Reading sent =
        OpportunityJson::read(entry.sentBody, OpportunityJson::ReadMode::Request);
    Opportunity landed = record->opportunity;
    OpportunityDiff::copyFields(sent.opportunity, &landed, sent.present);
    ApiClient::OpportunityFilter filter;
    filter.search = landed.name;
    filter.pageSize = 100;
    filter.archived = landed.isArchived;
    m_client.listOpportunities(filter, [=](const ApiError &error,
                                           const ApiClient::OpportunityPage &page) {
        if (!error.ok()) {
            if (handlePushError(entry, error, 0, Request::LookUp))
                pushNext();
            return;
        }
        const QDateTime since = entry.createdAt.addSecs(-300);
        for (const Opportunity &candidate : page.items) {
            const bool same = !OpportunityDiff::changedFields(
                candidate, landed,
                OpportunityFieldNames::writable() & ~OpportunityFields(OpportunityField::OwnerId));
            const bool known =
                candidate.id != entry.opportunityId &&
                (m_store.opportunity(candidate.id) || m_store.entryFor(candidate.id));
            if (same && !known &&
                (!candidate.createdAt.isValid() || candidate.createdAt >= since)) {
                return entryPushed(entry, &candidate);
            }
        }
        post();
    });
}

void SyncEngine::entryPushed(const OutboxEntry &entry, const Opportunity *server,
                             const QByteArray &etag)
{
    // The server holds the change now; if the cache cannot say so, the push stops here and the
    // entry stays in doubt, so the next one looks before sending again.
    const bool stored = server ? m_store.completeEntry(entry.sequence, *server, etag)
                               : m_store.completeDelete(entry.sequence);
    if (!stored)
        return finish(storeError());
    ++m_progress.editsPushed;
    emit progressChanged(m_progress);
    pushNext();
}

ApiError SyncEngine::storeError() const
{
    return ApiError{ApiError::Kind::Other,
                    0,
                    tr("The local cache could not be written: %1").arg(m_store.lastError()),
                    {},
                    0};
}

bool SyncEngine::handlePushError(const OutboxEntry &entry, const ApiError &error, int round,
                                 Request request)
{
    // A send that certainly changed nothing needs no look-up before the next one. A look-up's
    // failure says nothing of the send it looks for.
    if (request == Request::Send && !error.mayHaveBeenApplied() &&
        !m_store.settleAttempt(entry.sequence)) {
        finish(storeError());
        return false;
    }
    // Pushing goes on only when the cache took note of the refusal.
    const auto stored = [this](bool ok) {
        if (!ok)
            finish(storeError());
        return ok;
    };
    switch (error.kind) {
    case ApiError::Kind::PreconditionFailed:
        if (round < 3) {
            refreshThenPush(entry, round + 1);
            return false;
        }
        return stored(m_store.failEntry(
            entry.sequence, tr("The record keeps changing on the server; try again later.")));
    case ApiError::Kind::NotFound:
        return stored(m_store.recordServerDeleted(entry.opportunityId));
    case ApiError::Kind::Validation: {
        QStringList parts;
        for (const FieldError &field : error.fieldErrors)
            parts.append(field.field.isEmpty()
                             ? field.message
                             : field.field + QStringLiteral(": ") + field.message);
        return stored(m_store.failEntry(
            entry.sequence,
            tr("The server refused this edit: %1")
                .arg(parts.isEmpty() ? error.message : parts.join(QStringLiteral("; ")))));
    }
    case ApiError::Kind::Forbidden:
        m_readOnly = true;
        emit readOnlyDetected();
        return stored(m_store.failEntry(
            entry.sequence,
            tr("This API key may only read: editing is not allowed. (%1)").arg(error.message)));
    case ApiError::Kind::BadResponse:
        // The edit may have landed; keep it and try again at the next sync.
        finish(error);
        return false;
    default:
        finish(error);
        return false;
    }
}

void SyncEngine::pullPage(bool archived, int page)
{
    ApiClient::OpportunityFilter filter;
    filter.page = page;
    filter.pageSize = pageSize;
    filter.archived = archived;
    m_client.listOpportunities(filter, [=](const ApiError &error,
                                           const ApiClient::OpportunityPage &result) {
        if (!error.ok())
            return finish(error); // the staged pages are dropped: the cache stays as it was
        if (!m_store.stagePulled(result.items))
            return finish(storeError());
        for (const Opportunity &item : result.items)
            m_pulledIds.insert(item.id);
        ++m_progress.pagesDone;
        m_progress.recordsDone += static_cast<int>(result.items.size());
        if (result.totalCount && page == 1)
            m_progress.recordsTotal =
                (m_progress.recordsTotal < 0 ? 0 : m_progress.recordsTotal) + *result.totalCount;
        emit progressChanged(m_progress);
        m_largestPage = std::max(m_largestPage, static_cast<int>(result.items.size()));
        const qint64 fetched = (qint64(page) - 1) * m_largestPage + result.items.size();
        const bool more = !result.items.isEmpty() && result.items.size() >= m_largestPage &&
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
        pullAccounts(1, {});
    });
}

void SyncEngine::pullAccounts(int page, QList<Account> accounts)
{
    m_client.listAccounts(
        page, pageSize, [=](const ApiError &error, const ApiClient::AccountPage &result) mutable {
            if (!error.ok())
                return finish(error);
            accounts += result.items;
            const bool more =
                !result.items.isEmpty() && (result.totalCount ? accounts.size() < *result.totalCount
                                                              : result.items.size() >= pageSize);
            if (more)
                return pullAccounts(page + 1, accounts);
            if (!m_store.storeAccounts(accounts))
                return finish(storeError());
            finish(ApiError{});
        });
}

void SyncEngine::fetchDetail(const QString &id)
{
    m_client.getOpportunity(id, [=](const ApiError &error, const ApiClient::Detail &detail) {
        const bool stored =
            !error.ok() || (m_store.mergeServerRecord(detail.opportunity, detail.etag) &&
                            m_store.storeUpdates(id, detail.updates));
        emit detailFetched(id, stored ? error : storeError());
    });
}
