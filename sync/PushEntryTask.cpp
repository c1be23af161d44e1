#include "PushEntryTask.h"

#include "OpportunityDiff.h"
#include "OpportunityJson.h"
#include "SyncJournal.h"

#include <QCoreApplication>

PushEntryTask::PushEntryTask(SyncJournal &journal, ApiClient &client, const OutboxEntry &entry,
                             QObject *parent)
    : SyncTask(journal, client, parent)
    , m_entry(entry)
{}

void PushEntryTask::start()
{
    push(m_entry, 0);
}

void PushEntryTask::push(const OutboxEntry &entry, int round)
{
    const auto record = [&]() -> std::optional<CachedOpportunity> {
        if (entry.operation == OutboxEntry::Operation::Delete) {
            // A pending delete hides its row; the ETag it needs is still there.
            CachedOpportunity hidden;
            hidden.opportunity.id = entry.opportunityId;
            return hidden;
        }
        return m_journal.opportunity(entry.opportunityId);
    }();
    if (!record)
        return finish(SyncTaskOutcome::settled());
    if (entry.operation == OutboxEntry::Operation::Create)
        return pushCreate(entry);

    const QByteArray etag = entry.operation == OutboxEntry::Operation::Delete
                                ? m_journal.etagOf(entry.opportunityId)
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
    if (const Status marked = m_journal.markAttempt(entry.sequence, body); !marked)
        return finish(storeFailure(marked));
    if (entry.operation == OutboxEntry::Operation::Delete) {
        m_client.deleteOpportunity(entry.opportunityId, etag,
                                   whenAnswered<bool>([=](const ApiError &error, bool) {
                                       if (error.ok() || error.kind == ApiError::Kind::NotFound)
                                           return pushed(entry, nullptr);
                                       failedRequest(entry, error, round);
                                   }));
        return;
    }
    m_client.updateOpportunity(entry.opportunityId, body, etag,
                               whenAnswered<ApiClient::Detail>(
                                   [=](const ApiError &error, const ApiClient::Detail &detail) {
                                       if (!error.ok())
                                           return failedRequest(entry, error, round);
                                       const Opportunity answer =
                                           completed(detail, entry.opportunityId);
                                       pushed(entry, &answer, detail.etag);
                                   }));
}

void PushEntryTask::refreshThenPush(const OutboxEntry &entry, int round)
{
    m_client.getOpportunity(
        entry.opportunityId, whenAnswered<ApiClient::Detail>([=](const ApiError &error,
                                                                 const ApiClient::Detail &detail) {
            if (error.kind == ApiError::Kind::NotFound) {
                return settled(entry.operation == OutboxEntry::Operation::Delete
                                   ? m_journal.completeDelete(entry.sequence)
                                   : m_journal.recordServerDeleted(entry.opportunityId));
            }
            if (!error.ok())
                return failedRequest(entry, error, round, Request::LookUp);
            if (const Status merged = m_journal.mergeServerRecord(
                    completed(detail, entry.opportunityId), detail.etag);
                !merged)
                return finish(storeFailure(merged));
            if (const Status stored = m_journal.storeUpdates(detail.opportunity.id, detail.updates);
                !stored)
                return finish(storeFailure(stored));
            // The merge may have settled the entry or turned it into a conflict.
            const auto current = m_journal.entryFor(entry.opportunityId);
            const auto record = m_journal.opportunity(entry.opportunityId);
            const bool conflict = record && record->state == SyncState::Conflict;
            if (!current || conflict)
                return finish(SyncTaskOutcome::settled());
            push(*current, round + 1);
        }));
}

void PushEntryTask::pushCreate(const OutboxEntry &entry)
{
    const auto record = m_journal.opportunity(entry.opportunityId);
    if (!record)
        return finish(SyncTaskOutcome::settled());
    const QJsonObject body = OpportunityJson::toRequestBody(
        record->opportunity,
        OpportunityFieldNames::writable() & ~OpportunityFields(OpportunityField::OwnerId));
    if (!entry.inDoubt)
        return post(entry, body);
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
    m_client.listOpportunities(
        filter, {1, 100},
        whenAnswered<ApiClient::OpportunityPage>(
            [=](const ApiError &error, const ApiClient::OpportunityPage &page) {
                if (!error.ok())
                    return failedRequest(entry, error, 0, Request::LookUp);
                const QDateTime since = entry.createdAt.addSecs(-300);
                for (const Opportunity &candidate : page.items) {
                    const bool same = !OpportunityDiff::changedFields(
                        candidate, landed,
                        OpportunityFieldNames::writable() &
                            ~OpportunityFields(OpportunityField::OwnerId));
                    const bool known =
                        candidate.id != entry.opportunityId &&
                        (m_journal.opportunity(candidate.id) || m_journal.entryFor(candidate.id));
                    if (same && !known &&
                        (!candidate.createdAt.isValid() || candidate.createdAt >= since))
                        return pushed(entry, &candidate);
                }
                post(entry, body);
            }));
}

void PushEntryTask::post(const OutboxEntry &entry, const QJsonObject &body)
{
    if (const Status marked = m_journal.markAttempt(entry.sequence, body); !marked)
        return finish(storeFailure(marked));
    m_client.createOpportunity(body, entry.idempotencyKey,
                               whenAnswered<ApiClient::Detail>(
                                   [=](const ApiError &error, const ApiClient::Detail &detail) {
                                       if (!error.ok())
                                           return failedRequest(entry, error, 0);
                                       const Opportunity answer =
                                           completed(detail, entry.opportunityId);
                                       pushed(entry, &answer, detail.etag);
                                   }));
}

void PushEntryTask::pushed(const OutboxEntry &entry, const Opportunity *server,
                           const QByteArray &etag)
{
    // The server holds the change now; if the cache cannot say so, the sync stops here and the
    // entry stays in doubt, so the next one looks before sending again.
    const Status stored = server ? m_journal.completeEntry(entry.sequence, *server, etag)
                                 : m_journal.completeDelete(entry.sequence);
    finish(stored ? SyncTaskOutcome::done() : storeFailure(stored));
}

void PushEntryTask::failedRequest(const OutboxEntry &entry, const ApiError &error, int round,
                                  Request request)
{
    // A send that certainly changed nothing needs no look-up before the next one. A look-up's
    // failure says nothing of the send it looks for.
    if (request == Request::Send && !error.mayHaveBeenApplied())
        if (const Status settledAttempt = m_journal.settleAttempt(entry.sequence); !settledAttempt)
            return finish(storeFailure(settledAttempt));
    // The messages keep SyncEngine's translation context, where they have always been.
    switch (error.kind) {
    case ApiError::Kind::PreconditionFailed:
        if (round < 3)
            return refreshThenPush(entry, round + 1);
        return refuse(
            entry, error,
            QCoreApplication::translate(
                "SyncEngine", "The record keeps changing on the server; try again later."));
    case ApiError::Kind::NotFound:
        return settled(m_journal.recordServerDeleted(entry.opportunityId));
    case ApiError::Kind::Validation: {
        QStringList parts;
        for (const FieldError &field : error.fieldErrors)
            parts.append(field.field.isEmpty()
                             ? field.message
                             : field.field + QStringLiteral(": ") + field.message);
        return refuse(entry, error,
                      QCoreApplication::translate("SyncEngine", "The server refused this edit: %1")
                          .arg(parts.isEmpty() ? error.message : parts.join(QStringLiteral("; "))));
    }
    case ApiError::Kind::Forbidden:
        emit readOnlyDetected();
        return refuse(entry, error,
                      QCoreApplication::translate(
                          "SyncEngine", "This API key may only read: editing is not allowed. (%1)")
                          .arg(error.message));
    default:
        // Offline, a wrong key, a rate limit, a server error, an unreadable answer (the edit may
        // have landed): the entry stays for the next sync, which looks first when it may have.
        return finish(SyncTaskOutcome::failed(error));
    }
}

void PushEntryTask::refuse(const OutboxEntry &entry, const ApiError &error, const QString &why)
{
    if (const Status failed = m_journal.failEntry(entry.sequence, why, error.fieldErrors); !failed)
        return finish(storeFailure(failed));
    finish(SyncTaskOutcome::refused(error));
}

void PushEntryTask::settled(const Status &stored)
{
    finish(stored ? SyncTaskOutcome::settled() : storeFailure(stored));
}
