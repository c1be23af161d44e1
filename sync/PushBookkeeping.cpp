#include "PushBookkeeping.h"

#include "CacheDatabase.h"
#include "OpportunityDiff.h"
#include "OpportunityJson.h"
#include "Outbox.h"
#include "RecordTable.h"
#include "SqlTransaction.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

Result<StoreChanges> PushBookkeeping::complete(qint64 sequence, const Opportunity &server,
                                               const QByteArray &etag)
{
    const QString what = QStringLiteral("completing an edit");
    SqlTransaction transaction(m_db.connectionName());
    const auto done = m_outbox.entry(sequence);
    if (!done)
        return Failure{done.error()};
    if (!*done)
        return completeGone(transaction, server, etag);
    if ((*done)->operation == OutboxEntry::Operation::Delete) {
        // Deleted here while the edit was under way: the delete goes out against this version.
        OutboxEntry next = **done;
        next.attempts = 0;
        next.inDoubt = false;
        Status stored = m_records.setServerVersion(next.opportunityId, server, etag);
        if (stored)
            stored = m_outbox.write(next);
        if (stored)
            stored = m_db.commit(transaction);
        if (!stored)
            return Failure{stored.error()};
        return StoreChanges{};
    }
    const auto found = m_records.find((*done)->opportunityId);
    if (!found)
        return Failure{found.error()};
    if (!*found)
        return CacheDatabase::failure(
            what, QCoreApplication::translate("LocalStore", "the record is gone"));
    CachedOpportunity record = **found;
    const QString oldId = record.opportunity.id;
    if (oldId != server.id) {
        if (Status renamed = rename(oldId, server.id); !renamed)
            return Failure{renamed.error()};
    }
    // Edits made while the request was under way stay pending, as an update: fields changed
    // since the body was sent, and fields added to the entry that the body did not carry.
    const OutboxEntry &entry = **done;
    const OpportunityJson::Reading sent =
        OpportunityJson::read(entry.sentBody, OpportunityJson::ReadMode::Request);
    OpportunityFields remaining =
        OpportunityDiff::changedFields(sent.opportunity, record.opportunity, sent.present);
    if (entry.operation == OutboxEntry::Operation::Update)
        remaining |= entry.fields & ~sent.present;
    remaining = OpportunityDiff::changedFields(server, record.opportunity, remaining);
    Opportunity current = server;
    OpportunityDiff::copyFields(record.opportunity, &current, remaining);
    record.opportunity = current;
    record.base = server;
    record.etag = etag;
    record.state = remaining ? SyncState::Pending : SyncState::Synced;
    record.syncError.clear();
    record.syncFieldErrors.clear();
    Status written = m_records.write(record);
    if (written && remaining) {
        OutboxEntry next = entry;
        next.opportunityId = server.id;
        next.operation = OutboxEntry::Operation::Update;
        next.fields = remaining;
        next.attempts = 0;
        next.inDoubt = false;
        next.lastError.clear();
        written = m_outbox.write(next);
    } else if (written) {
        written = m_outbox.remove(sequence);
    }
    if (written)
        written = m_db.commit(transaction);
    if (!written)
        return Failure{written.error()};
    StoreChanges changes;
    if (oldId != server.id)
        changes.renamed = std::make_pair(oldId, server.id);
    changes.changed = QStringList{server.id};
    changes.outbox = true;
    return changes;
}

Result<StoreChanges> PushBookkeeping::completeGone(SqlTransaction &transaction,
                                                   const Opportunity &server,
                                                   const QByteArray &etag)
{
    // The entry went while its send was under way: the other program on this profile (the app,
    // `kashew`) undid, replaced or deleted the edit after this sync had read it. The server holds
    // what was sent; what the user has now goes out next, as a record's edits always do.
    const auto found = m_records.findAny(server.id);
    if (!found)
        return Failure{found.error()};
    if (!*found)
        return deleteCreated(transaction, server, etag);
    const auto newer = m_outbox.entryFor(server.id);
    if (!newer)
        return Failure{newer.error()};
    std::optional<OutboxEntry> next = *newer;
    StoreChanges changes;
    changes.outbox = true;
    if (next && next->operation != OutboxEntry::Operation::Update) {
        // Deleted meanwhile (or to be created again): that goes out against this version.
        Status stored = m_records.setServerVersion(server.id, server, etag);
        if (stored)
            stored = m_db.commit(transaction);
        if (!stored)
            return Failure{stored.error()};
        return changes;
    }
    CachedOpportunity record = **found;
    // Sent with If-Match (the record had an ETag, which edits leave alone), the update landed on
    // the base, so every difference from the answer is the user's; without one, the server may
    // have changed other fields, and only those edited here since the base are.
    const Opportunity before = record.base.value_or(record.opportunity);
    OpportunityFields mine = record.etag.isEmpty()
                                 ? OpportunityDiff::changedFields(before, record.opportunity)
                                 : OpportunityFieldNames::writable();
    if (next)
        mine |= next->fields;
    const OpportunityFields remaining = OpportunityDiff::changedFields(
        server, record.opportunity, mine & OpportunityFieldNames::writable());
    Opportunity current = server;
    OpportunityDiff::copyFields(record.opportunity, &current, remaining);
    record.opportunity = current;
    record.base = server;
    record.etag = etag;
    // A newer entry whose own send may have landed stays, as LocalEdits keeps it.
    const bool nothingLeft = !remaining && !(next && next->inDoubt);
    if (record.state != SyncState::Conflict)
        record.state = nothingLeft ? SyncState::Synced : SyncState::Pending;
    record.syncError.clear();
    record.syncFieldErrors.clear();
    Status written = m_records.write(record);
    if (written && !nothingLeft) {
        OutboxEntry entry = next.value_or(OutboxEntry{});
        entry.opportunityId = server.id;
        entry.fields = remaining;
        entry.lastError.clear();
        written = m_outbox.write(entry);
    } else if (written && next) {
        written = m_outbox.remove(next->sequence);
    }
    if (written)
        written = m_db.commit(transaction);
    if (!written)
        return Failure{written.error()};
    changes.changed = QStringList{server.id};
    return changes;
}

Result<StoreChanges> PushBookkeeping::deleteCreated(SqlTransaction &transaction,
                                                    const Opportunity &server,
                                                    const QByteArray &etag)
{
    // A record created here and deleted (or discarded) here before its create was answered: the
    // server has it now, and the user's delete goes out against it, hidden until then.
    CachedOpportunity record;
    record.opportunity = server;
    record.base = server;
    record.etag = etag;
    record.state = SyncState::Pending;
    OutboxEntry entry;
    entry.opportunityId = server.id;
    entry.operation = OutboxEntry::Operation::Delete;
    Status written = m_records.write(record);
    if (written)
        written = m_records.setHidden(server.id, true, SyncState::Pending);
    if (written)
        written = m_outbox.write(entry);
    if (written)
        written = m_db.commit(transaction);
    if (!written)
        return Failure{written.error()};
    StoreChanges changes;
    changes.outbox = true;
    return changes;
}

Status PushBookkeeping::rename(const QString &oldId, const QString &newId)
{
    const QString what = QStringLiteral("completing a create");
    if (Status removed =
            m_db.exec(what, QStringLiteral("DELETE FROM opportunities WHERE id = ?"), {oldId});
        !removed)
        return removed;
    return m_db.exec(
        what, QStringLiteral("INSERT OR REPLACE INTO id_aliases (old_id, new_id) VALUES (?, ?)"),
        {oldId, newId});
}

Result<StoreChanges> PushBookkeeping::completeDelete(qint64 sequence)
{
    SqlTransaction transaction(m_db.connectionName());
    const auto done = m_outbox.entry(sequence);
    if (!done)
        return Failure{done.error()};
    if (!*done)
        return StoreChanges{};
    Status removed = m_records.remove((*done)->opportunityId);
    if (removed)
        removed = m_outbox.remove(sequence);
    if (removed)
        removed = m_db.commit(transaction);
    if (!removed)
        return Failure{removed.error()};
    StoreChanges changes;
    changes.outbox = true;
    return changes;
}

Result<StoreChanges> PushBookkeeping::fail(qint64 sequence, const QString &error,
                                           const FieldErrors &fieldErrors)
{
    SqlTransaction transaction(m_db.connectionName());
    const auto failed = m_outbox.entry(sequence);
    if (!failed)
        return Failure{failed.error()};
    if (!*failed)
        return StoreChanges{};
    Status marked = m_outbox.setLastError(sequence, error);
    if (marked)
        marked = m_records.markFailed((*failed)->opportunityId, error, fieldErrors);
    if (marked)
        marked = m_db.commit(transaction);
    if (!marked)
        return Failure{marked.error()};
    StoreChanges changes;
    changes.changed = QStringList{(*failed)->opportunityId};
    changes.outbox = true;
    return changes;
}

Result<std::optional<QString>> PushBookkeeping::renamedTo(const QString &oldId) const
{
    QSqlQuery query = m_db.query();
    query.prepare(QStringLiteral("SELECT new_id FROM id_aliases WHERE old_id = ?"));
    query.addBindValue(oldId);
    if (!query.exec() || (!query.next() && query.lastError().isValid()))
        return CacheDatabase::failure(QStringLiteral("reading the server ids"),
                                      query.lastError().text());
    if (!query.isValid())
        return std::optional<QString>();
    return std::optional<QString>(query.value(0).toString());
}
