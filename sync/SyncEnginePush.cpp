// The push half of SyncEngine: the outbox replayed in order, once per change, each entry sent
// with the version it started from and merged again when the server changed it meanwhile.
#include "LocalStore.h"
#include "OpportunityDiff.h"
#include "OpportunityJson.h"
#include "SyncEngine.h"

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
                                       const Opportunity answer =
                                           completed(detail, entry.opportunityId);
                                       return entryPushed(entry, &answer, detail.etag);
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
            if (!m_store.mergeServerRecord(completed(detail, entry.opportunityId), detail.etag) ||
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
                                           const Opportunity answer =
                                               completed(detail, entry.opportunityId);
                                           return entryPushed(entry, &answer, detail.etag);
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
    OpportunityFilter filter;
    filter.setSearch(landed.name);
    filter.archived = landed.isArchived;
    m_client.listOpportunities(filter, {1, 100}, [=](const ApiError &error,
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
