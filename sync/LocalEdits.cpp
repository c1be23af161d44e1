#include "LocalEdits.h"

#include "AccountTable.h"
#include "CacheDatabase.h"
#include "CachedOpportunity.h"
#include "OpportunityDiff.h"
#include "Outbox.h"
#include "RecordTable.h"
#include "SqlTransaction.h"

#include <QCoreApplication>
#include <QSet>
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

struct LocalEdits::ReadAhead
{
    // The records edited and their entries, read before the first edit; an id edited again in
    // the same batch is read anew (`used`).
    QHash<QString, CachedOpportunity> records;
    QHash<QString, OutboxEntry> entries;
    QSet<QString> used;
    // Read on the first account change: a bulk change of the account names the same few.
    std::optional<QHash<QString, QString>> accountNames;
};

Result<StoreChanges> LocalEdits::create(Opportunity opportunity)
{
    RecordBatch batch;
    batch.creates.append(std::move(opportunity));
    return apply(batch, nullptr);
}

Result<StoreChanges> LocalEdits::edit(const QString &id, const Opportunity &edited,
                                      OpportunityFields fields)
{
    RecordBatch batch;
    batch.edits.append(RecordEdit{id, edited, fields});
    return apply(batch, nullptr);
}

Result<StoreChanges> LocalEdits::remove(const QString &id)
{
    RecordBatch batch;
    batch.deletions.append(id);
    return apply(batch, nullptr);
}

Result<StoreChanges> LocalEdits::apply(const RecordBatch &batch, QStringList *createdIds)
{
    SqlTransaction transaction(m_db.connectionName());
    StoreChanges changes;
    QStringList changed;
    QStringList created;
    ReadAhead reads;
    for (Opportunity opportunity : batch.creates) {
        const auto id = createWithin(std::move(opportunity));
        if (!id)
            return Failure{id.error()};
        created.append(*id);
    }
    // The records edited and their entries in a few reads, not two per record: a bulk change
    // edits thousands. Read a chunk at a time: all of them at once (every field, held twice
    // while they were put in the hash) were the peak memory of the process.
    constexpr qsizetype readChunk = 500;
    for (qsizetype next = 0; next < batch.edits.size(); ++next) {
        const RecordEdit &edit = batch.edits.at(next);
        if (batch.edits.size() > 1 && next % readChunk == 0) {
            QStringList ids;
            for (qsizetype i = next; i < qMin(next + readChunk, batch.edits.size()); ++i)
                ids.append(batch.edits.at(i).id);
            const auto records = m_records.findMany(ids);
            if (!records)
                return Failure{records.error()};
            reads.records.clear();
            for (const CachedOpportunity &record : *records)
                reads.records.insert(record.opportunity.id, record);
            auto entries = m_outbox.entriesFor(ids);
            if (!entries)
                return Failure{entries.error()};
            reads.entries = std::move(*entries);
        }
        const auto edited = editWithin(edit, reads);
        if (!edited)
            return Failure{edited.error()};
        if (*edited)
            changed.append(edit.id);
    }
    for (const QString &id : batch.deletions) {
        if (Status removed = removeWithin(id); !removed)
            return Failure{removed.error()};
    }
    // Edits that changed nothing wrote nothing: nothing to commit or announce.
    if (created.isEmpty() && changed.isEmpty() && batch.deletions.isEmpty())
        return changes;
    if (Status committed = m_db.commit(transaction); !committed)
        return Failure{committed.error()};
    if (createdIds)
        *createdIds = created;
    changed = created + changed;
    if (!changed.isEmpty())
        changes.changed = changed;
    changes.removed = batch.deletions;
    changes.outbox = true;
    return changes;
}

Result<QString> LocalEdits::createWithin(Opportunity opportunity)
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
    Status written = m_records.write(record);
    if (written)
        written = m_outbox.write(entry);
    if (!written)
        return Failure{written.error()};
    return opportunity.id;
}

Result<bool> LocalEdits::editWithin(const RecordEdit &edit, ReadAhead &reads)
{
    const QString &id = edit.id;
    // Read ahead, unless this batch edited it already (or read nothing ahead).
    const bool readAhead = !reads.used.contains(id) && reads.records.contains(id);
    reads.used.insert(id);
    std::optional<CachedOpportunity> found;
    if (readAhead) {
        found = reads.records.take(id);
    } else {
        auto read = m_records.find(id);
        if (!read)
            return Failure{read.error()};
        found = std::move(*read);
    }
    if (!found)
        return CacheDatabase::failure(QStringLiteral("editing %1").arg(id),
                                      QCoreApplication::translate("LocalStore", "no such record"));
    CachedOpportunity record = std::move(*found);
    const OpportunityFields fields = edit.fields & OpportunityFieldNames::writable();
    const OpportunityFields changed =
        OpportunityDiff::changedFields(record.opportunity, edit.edited, fields);
    if (!changed)
        return false;
    // A synced row is the server's state: it becomes the base the edit is measured against.
    if (!record.base && record.state == SyncState::Synced)
        record.base = record.opportunity;
    OpportunityDiff::copyFields(edit.edited, &record.opportunity, changed);
    record.opportunity.updatedAt = QDateTime::currentDateTimeUtc();
    if (changed.testFlag(OpportunityField::AccountId)) {
        // Read once per batch: a bulk change of the account names the same few accounts.
        if (!reads.accountNames) {
            const auto accounts = m_accounts.all();
            if (!accounts)
                return Failure{accounts.error()};
            reads.accountNames.emplace();
            for (const Account &account : *accounts)
                reads.accountNames->insert(account.id, account.name);
        }
        record.opportunity.accountName = reads.accountNames->value(record.opportunity.accountId);
    }
    OutboxEntry entry;
    if (readAhead) {
        entry = reads.entries.take(id);
    } else {
        const auto existing = m_outbox.entryFor(id);
        if (!existing)
            return Failure{existing.error()};
        entry = existing->value_or(OutboxEntry{});
    }
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
    if (Status written = writeBoth(m_records, m_outbox, record, entry, nothingLeft); !written)
        return Failure{written.error()};
    return true;
}

Status LocalEdits::removeWithin(const QString &id)
{
    const QString what = QStringLiteral("deleting %1").arg(id);
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
    if (created) {
        // Never reached the server: nothing to tell it.
        Status done = m_outbox.remove(entry->sequence);
        return done ? m_records.remove(id) : done;
    }
    if (!entry)
        entry = OutboxEntry{};
    entry->opportunityId = id;
    entry->operation = OutboxEntry::Operation::Delete;
    entry->fields = {};
    entry->lastError.clear();
    Status done;
    if (!record.base && record.state == SyncState::Synced) {
        CachedOpportunity based = record;
        based.base = record.opportunity;
        done = m_records.write(based);
    }
    if (done)
        done = m_records.setHidden(id, true, SyncState::Pending);
    return done ? m_outbox.write(*entry) : done;
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
