#include "LocalEdits.h"

#include "AccountTable.h"
#include "CacheDatabase.h"
#include "CachedOpportunity.h"
#include "OpportunityDiff.h"
#include "Outbox.h"
#include "RecordTable.h"
#include "SqlTransaction.h"

#include <QCoreApplication>
#include <QUuid>

namespace {

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

StoreChanges changedOne(const QString &id)
{
    StoreChanges changes;
    changes.changed = QStringList{id};
    changes.outbox = true;
    return changes;
}

// Writes the row, then the entry or, when nothing is left to send, takes the entry away.
Status writeBoth(RecordTable &records, Outbox &outbox, const CachedOpportunity &record,
                 const OutboxEntry &entry, bool nothingLeft)
{
    if (Status written = records.write(record); !written)
        return written;
    if (!nothingLeft)
        return outbox.write(entry);
    return entry.sequence == 0 ? Status() : outbox.remove(entry.sequence);
}

} // namespace

Result<StoreChanges> LocalEdits::create(Opportunity opportunity)
{
    opportunity.id = newUuid();
    opportunity.createdAt = opportunity.updatedAt = QDateTime::currentDateTimeUtc();
    CachedOpportunity record;
    record.opportunity = opportunity;
    record.state = SyncState::Pending;
    OutboxEntry entry;
    entry.opportunityId = opportunity.id;
    entry.operation = OutboxEntry::Operation::Create;
    entry.fields = OpportunityFieldNames::writable();
    entry.idempotencyKey = newUuid();
    SqlTransaction transaction(m_db.connectionName());
    Status written = m_records.write(record);
    if (written)
        written = m_outbox.write(entry);
    if (written)
        written = m_db.commit(transaction);
    if (!written)
        return Failure{written.error()};
    return changedOne(opportunity.id);
}

Result<StoreChanges> LocalEdits::edit(const QString &id, const Opportunity &edited,
                                      OpportunityFields fields)
{
    SqlTransaction transaction(m_db.connectionName());
    const auto found = m_records.find(id);
    if (!found)
        return Failure{found.error()};
    if (!*found)
        return CacheDatabase::failure(QStringLiteral("editing %1").arg(id),
                                      QCoreApplication::translate("LocalStore", "no such record"));
    CachedOpportunity record = **found;
    fields &= OpportunityFieldNames::writable();
    const OpportunityFields changed =
        OpportunityDiff::changedFields(record.opportunity, edited, fields);
    if (!changed)
        return StoreChanges{};
    // A synced row is the server's state: it becomes the base the edit is measured against.
    if (!record.base && record.state == SyncState::Synced)
        record.base = record.opportunity;
    OpportunityDiff::copyFields(edited, &record.opportunity, changed);
    record.opportunity.updatedAt = QDateTime::currentDateTimeUtc();
    if (changed.testFlag(OpportunityField::AccountId)) {
        const auto accounts = m_accounts.all();
        if (!accounts)
            return Failure{accounts.error()};
        record.opportunity.accountName.clear();
        for (const Account &account : *accounts) {
            if (account.id == record.opportunity.accountId)
                record.opportunity.accountName = account.name;
        }
    }
    const auto existing = m_outbox.entryFor(id);
    if (!existing)
        return Failure{existing.error()};
    OutboxEntry entry = existing->value_or(OutboxEntry{});
    entry.opportunityId = id;
    if (entry.operation == OutboxEntry::Operation::Update) {
        // What still differs from the server's state goes out; an edit undone before it was
        // pushed leaves nothing.
        const OpportunityFields pending = entry.fields | changed;
        entry.fields =
            record.base ? OpportunityDiff::changedFields(*record.base, record.opportunity, pending)
                        : pending;
    }
    // An entry whose send may have landed stays even when nothing seems left: completeEntry()
    // then sends back what differs from what it carried.
    const bool nothingLeft =
        entry.operation == OutboxEntry::Operation::Update && !entry.fields && !entry.inDoubt;
    if (record.state != SyncState::Conflict)
        record.state = nothingLeft ? SyncState::Synced : SyncState::Pending;
    record.syncError.clear();
    record.syncFieldErrors.clear();
    entry.lastError.clear();
    Status written = writeBoth(m_records, m_outbox, record, entry, nothingLeft);
    if (written)
        written = m_db.commit(transaction);
    if (!written)
        return Failure{written.error()};
    return changedOne(id);
}

Result<StoreChanges> LocalEdits::remove(const QString &id)
{
    const QString what = QStringLiteral("deleting %1").arg(id);
    SqlTransaction transaction(m_db.connectionName());
    const auto found = m_records.find(id);
    if (!found)
        return Failure{found.error()};
    if (!*found)
        return CacheDatabase::failure(what,
                                      QCoreApplication::translate("LocalStore", "no such record"));
    const CachedOpportunity &record = **found;
    const auto existing = m_outbox.entryFor(id);
    if (!existing)
        return Failure{existing.error()};
    std::optional<OutboxEntry> entry = *existing;
    const bool created = entry && entry->operation == OutboxEntry::Operation::Create;
    if (created && entry->inDoubt)
        return CacheDatabase::failure(
            what,
            QCoreApplication::translate(
                "LocalStore",
                "it is being sent to the server right now; delete it once it is saved there"));
    Status done;
    if (created) {
        // Never reached the server: nothing to tell it.
        done = m_outbox.remove(entry->sequence);
        if (done)
            done = m_records.remove(id);
    } else {
        if (!entry)
            entry = OutboxEntry{};
        entry->opportunityId = id;
        entry->operation = OutboxEntry::Operation::Delete;
        entry->fields = {};
        entry->lastError.clear();
        if (!record.base && record.state == SyncState::Synced) {
            CachedOpportunity based = record;
            based.base = record.opportunity;
            done = m_records.write(based);
        }
        if (done)
            done = m_records.setHidden(id, true, SyncState::Pending);
        if (done)
            done = m_outbox.write(*entry);
    }
    if (done)
        done = m_db.commit(transaction);
    if (!done)
        return Failure{done.error()};
    StoreChanges changes;
    changes.removed = QStringList{id};
    changes.outbox = true;
    return changes;
}

Result<StoreChanges> LocalEdits::resolveConflict(const QString &id, const Opportunity &chosen)
{
    SqlTransaction transaction(m_db.connectionName());
    const auto found = m_records.find(id);
    if (!found)
        return Failure{found.error()};
    if (!*found || (*found)->state != SyncState::Conflict)
        return CacheDatabase::failure(
            QStringLiteral("resolving %1").arg(id),
            QCoreApplication::translate("LocalStore", "no conflict to resolve"));
    CachedOpportunity record = **found;
    const auto existing = m_outbox.entryFor(id);
    if (!existing)
        return Failure{existing.error()};
    OutboxEntry entry = existing->value_or(OutboxEntry{});
    entry.opportunityId = id;
    if (!record.serverState)
        record.serverDeleted = true; // no readable server state: treat as gone there
    if (record.serverDeleted) {
        // Keeping a record the server deleted means creating it again.
        entry.operation = OutboxEntry::Operation::Create;
        entry.fields = OpportunityFieldNames::writable();
        entry.idempotencyKey = newUuid();
        entry.attempts = 0;
        entry.inDoubt = false;
        record.base.reset();
        record.etag.clear();
        OpportunityDiff::copyFields(chosen, &record.opportunity, OpportunityFieldNames::writable());
    } else {
        // The server's state, with my changes to fields it did not touch, and the chosen values
        // of the fields both sides changed.
        Opportunity result = *record.serverState;
        const OpportunityFields mine =
            entry.sequence > 0 && entry.operation == OutboxEntry::Operation::Update
                ? entry.fields
                : OpportunityDiff::changedFields(record.base.value_or(result), record.opportunity);
        OpportunityDiff::copyFields(record.opportunity, &result, mine & ~record.conflictFields);
        OpportunityDiff::copyFields(chosen, &result, record.conflictFields);
        record.opportunity = result;
        record.base = record.serverState;
        entry.operation = OutboxEntry::Operation::Update;
        entry.fields = OpportunityDiff::changedFields(*record.base, record.opportunity);
    }
    record.state = entry.fields ? SyncState::Pending : SyncState::Synced;
    record.serverState.reset();
    record.conflictFields = {};
    record.serverDeleted = false;
    record.syncError.clear();
    record.syncFieldErrors.clear();
    entry.lastError.clear();
    Status written = writeBoth(m_records, m_outbox, record, entry, !entry.fields);
    if (written)
        written = m_db.commit(transaction);
    if (!written)
        return Failure{written.error()};
    return changedOne(id);
}

Result<StoreChanges> LocalEdits::discard(const QString &id)
{
    SqlTransaction transaction(m_db.connectionName());
    const auto existing = m_outbox.entryFor(id);
    if (!existing)
        return Failure{existing.error()};
    const std::optional<OutboxEntry> &entry = *existing;
    if (entry && entry->inDoubt && entry->lastError.isEmpty())
        return CacheDatabase::failure(
            QStringLiteral("discarding"),
            QCoreApplication::translate("LocalStore",
                                        "the changes are being sent to the server right now"));
    const auto found = m_records.find(id);
    if (!found)
        return Failure{found.error()};
    const std::optional<CachedOpportunity> &record = *found;
    if (entry && entry->sequence > 0) {
        if (Status dropped = m_outbox.remove(entry->sequence); !dropped)
            return Failure{dropped.error()};
    }
    const std::optional<Opportunity> server = record && record->serverState ? record->serverState
                                              : record                      ? record->base
                                                                            : std::nullopt;
    bool removed = false;
    Status done;
    if (!record && entry && entry->operation == OutboxEntry::Operation::Delete) {
        // A pending delete: the hidden row comes back as it was.
        done = m_records.setHidden(id, false, SyncState::Synced);
    } else if (record &&
               (record->serverDeleted ||
                (!server && entry && entry->operation == OutboxEntry::Operation::Create))) {
        done = m_records.remove(id);
        removed = true;
    } else if (record) {
        CachedOpportunity restored;
        restored.opportunity = server.value_or(record->opportunity);
        restored.etag = record->etag;
        done = m_records.write(restored);
    }
    if (done)
        done = m_db.commit(transaction);
    if (!done)
        return Failure{done.error()};
    StoreChanges changes;
    if (removed)
        changes.removed = QStringList{id};
    else
        changes.changed = QStringList{id};
    changes.outbox = true;
    return changes;
}

Result<StoreChanges> LocalEdits::retryFailed(const QString &id)
{
    SqlTransaction transaction(m_db.connectionName());
    const auto ids = m_records.failedIds(id);
    if (!ids)
        return Failure{ids.error()};
    for (const QString &failed : *ids) {
        Status reset = m_records.clearFailure(failed);
        if (reset)
            reset = m_outbox.clearLastError(failed);
        if (!reset)
            return Failure{reset.error()};
    }
    if (Status committed = m_db.commit(transaction); !committed)
        return Failure{committed.error()};
    StoreChanges changes;
    if (!ids->isEmpty())
        changes.changed = *ids;
    return changes;
}
