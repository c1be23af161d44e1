#include "MergePolicy.h"

#include "OpportunityDiff.h"
#include "OpportunityJson.h"

#include <QCoreApplication>

namespace MergePolicy {

namespace {

// What the server holds of a send that may have landed is our own change, not a change made
// there: measured from it, a later edit of the same field is no conflict.
std::optional<Opportunity> baseOf(const CachedOpportunity &cached, const Opportunity &server,
                                  const std::optional<OutboxEntry> &entry)
{
    std::optional<Opportunity> base = cached.base;
    if (base && entry && entry->inDoubt) {
        const OpportunityJson::Reading sent =
            OpportunityJson::read(entry->sentBody, OpportunityJson::ReadMode::Request);
        const OpportunityFields landed =
            sent.present & ~OpportunityDiff::changedFields(sent.opportunity, server, sent.present);
        OpportunityDiff::copyFields(server, &*base, landed);
    }
    return base;
}

// Deleted here: the delete goes out against the newest version the server has, unless the
// server changed the record since; then the user decides.
Decision deletedHere(const Opportunity &server, const QByteArray &knownEtag,
                     const CachedOpportunity &cached, const std::optional<Opportunity> &base)
{
    Decision decision;
    const OpportunityFields serverChanged =
        base ? OpportunityDiff::changedFields(*base, server) : OpportunityFields();
    if (!serverChanged) {
        decision.etag = knownEtag;
        return decision;
    }
    CachedOpportunity record = cached;
    record.state = SyncState::Conflict;
    record.serverState = server;
    record.conflictFields = serverChanged;
    record.syncError =
        QCoreApplication::translate("LocalStore", "Deleted here, but changed on the server since.");
    // A conflict is what the record waits for now, not a refusal's fields.
    record.syncFieldErrors.clear();
    decision.record = record;
    decision.entryChange = Decision::EntryChange::Remove;
    return decision;
}

} // namespace

Decision merge(const Opportunity &server, const QByteArray &etag,
               const std::optional<CachedOpportunity> &cached,
               const std::optional<OutboxEntry> &entry)
{
    Decision decision;
    // Lists carry no ETags: the one we have stays valid only while the record is unchanged.
    const QByteArray knownEtag = !etag.isEmpty()                                     ? etag
                                 : cached && cached->base && *cached->base == server ? cached->etag
                                                                                     : QByteArray();
    if (!cached || (!entry && cached->state == SyncState::Synced)) {
        // Nothing of ours to keep: take the server's state, unless it is what we have.
        if (cached && cached->base && *cached->base == server && cached->opportunity == server)
            return decision;
        CachedOpportunity record;
        record.opportunity = server;
        record.base = server;
        record.etag = knownEtag;
        decision.record = record;
        return decision;
    }
    const std::optional<Opportunity> base = baseOf(*cached, server, entry);
    if (entry && entry->operation == OutboxEntry::Operation::Delete)
        return deletedHere(server, knownEtag, *cached, base);
    // Local edits: three-way merge against the base they started from.
    CachedOpportunity record = *cached;
    const Opportunity from = base.value_or(server);
    const OpportunityFields mine =
        entry ? entry->fields : OpportunityDiff::changedFields(from, cached->opportunity);
    const OpportunityFields theirs = OpportunityDiff::changedFields(from, server);
    const OpportunityFields both =
        OpportunityDiff::changedFields(cached->opportunity, server, mine & theirs);
    record.etag = knownEtag;
    if (both) {
        record.state = SyncState::Conflict;
        record.serverState = server;
        record.conflictFields = both;
        record.syncError =
            QCoreApplication::translate("LocalStore", "Changed here and on the server.");
        record.syncFieldErrors.clear();
        decision.record = record;
        return decision;
    }
    // No field changed on both sides: take theirs, keep mine.
    Opportunity merged = server;
    OpportunityDiff::copyFields(cached->opportunity, &merged, mine);
    record.opportunity = merged;
    record.base = server;
    if (record.state == SyncState::Conflict && !record.serverDeleted) {
        // A conflict without an edit waiting (deleted here, changed there) waits for the user.
        if (entry)
            record.state = SyncState::Pending;
        else
            record.serverState = server;
    }
    if (entry) {
        decision.entryFields =
            OpportunityDiff::changedFields(server, record.opportunity, entry->fields);
        decision.entryChange =
            decision.entryFields ? Decision::EntryChange::Update : Decision::EntryChange::Remove;
        if (!decision.entryFields)
            record.state = SyncState::Synced;
    }
    decision.record = record;
    return decision;
}

Vanished vanished(std::optional<OutboxEntry::Operation> operation, SyncState state)
{
    if (operation == OutboxEntry::Operation::Create)
        return Vanished::Keep;
    // Synced rows and deletes are done; anything the user still has to settle stays.
    if ((!operation && state == SyncState::Synced) || operation == OutboxEntry::Operation::Delete)
        return Vanished::Remove;
    return Vanished::Conflict;
}

CachedOpportunity deletedOnServer(CachedOpportunity record)
{
    record.state = SyncState::Conflict;
    record.serverDeleted = true;
    record.serverState.reset();
    record.syncError =
        QCoreApplication::translate("LocalStore", "Deleted on the server while edited here.");
    record.syncFieldErrors.clear();
    return record;
}

} // namespace MergePolicy
