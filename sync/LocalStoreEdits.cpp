// LocalStore, the user's edits: each writes the row and its coalesced outbox entry in one
// transaction; conflicts settled, unsent edits discarded, refused ones sent again.
#include "AccountJson.h"
#include "CacheRows.h"
#include "CacheSalvage.h"
#include "JsonValueReader.h"
#include "LocalStore.h"
#include "OpportunityDiff.h"
#include "OpportunityJson.h"
#include "SchemaMigrations.h"
#include "SqlNullText.h"
#include "SqlTransaction.h"
#include "SqliteConnection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <atomic>

namespace {

using SqlNullText::nullable;
using SqlNullText::textOrNull;
using namespace CacheRows;

} // namespace

std::optional<QString> LocalStore::createOpportunity(Opportunity opportunity)
{
    opportunity.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    opportunity.createdAt = opportunity.updatedAt = QDateTime::currentDateTimeUtc();
    CachedOpportunity record;
    record.opportunity = opportunity;
    record.state = SyncState::Pending;
    OutboxEntry entry;
    entry.opportunityId = opportunity.id;
    entry.operation = OutboxEntry::Operation::Create;
    entry.fields = OpportunityFieldNames::writable();
    entry.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    SqlTransaction transaction(m_connectionName);
    if (!writeRow(record) || !writeEntry(entry) || !commit(transaction))
        return std::nullopt;
    emit opportunitiesChanged({opportunity.id});
    notifyOutbox();
    return opportunity.id;
}

bool LocalStore::editOpportunity(const QString &id, const Opportunity &edited,
                                 OpportunityFields fields)
{
    SqlTransaction transaction(m_connectionName);
    auto record = opportunity(id);
    if (!record)
        return fail(QStringLiteral("editing %1").arg(id), tr("no such record"));
    fields &= OpportunityFieldNames::writable();
    const OpportunityFields changed =
        OpportunityDiff::changedFields(record->opportunity, edited, fields);
    if (!changed)
        return true;
    // A synced row is the server's state: it becomes the base the edit is measured against.
    if (!record->base && record->state == SyncState::Synced)
        record->base = record->opportunity;
    OpportunityDiff::copyFields(edited, &record->opportunity, changed);
    record->opportunity.updatedAt = QDateTime::currentDateTimeUtc();
    if (changed.testFlag(OpportunityField::AccountId)) {
        record->opportunity.accountName.clear();
        for (const Account &account : accounts()) {
            if (account.id == record->opportunity.accountId)
                record->opportunity.accountName = account.name;
        }
    }
    auto entry = entryFor(id);
    if (!entry) {
        entry = OutboxEntry{};
        entry->opportunityId = id;
        entry->operation = OutboxEntry::Operation::Update;
    }
    if (entry->operation == OutboxEntry::Operation::Update) {
        // What still differs from the server's state goes out; an edit undone before it was
        // pushed leaves nothing.
        const OpportunityFields pending = entry->fields | changed;
        entry->fields = record->base ? OpportunityDiff::changedFields(*record->base,
                                                                      record->opportunity, pending)
                                     : pending;
    }
    // An entry whose send may have landed stays even when nothing seems left: completeEntry()
    // then sends back what differs from what it carried.
    const bool nothingLeft =
        entry->operation == OutboxEntry::Operation::Update && !entry->fields && !entry->inDoubt;
    if (record->state != SyncState::Conflict)
        record->state = nothingLeft ? SyncState::Synced : SyncState::Pending;
    record->syncError.clear();
    entry->lastError.clear();
    const bool written =
        writeRow(*record) &&
        (nothingLeft ? (entry->sequence == 0 || removeEntry(entry->sequence)) : writeEntry(*entry));
    if (!written || !commit(transaction))
        return false;
    emit opportunitiesChanged({id});
    notifyOutbox();
    return true;
}

bool LocalStore::deleteOpportunity(const QString &id)
{
    SqlTransaction transaction(m_connectionName);
    const auto record = opportunity(id);
    if (!record)
        return fail(QStringLiteral("deleting %1").arg(id), tr("no such record"));
    auto entry = entryFor(id);
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (entry && entry->operation == OutboxEntry::Operation::Create && entry->inDoubt)
        return fail(
            QStringLiteral("deleting %1").arg(id),
            tr("it is being sent to the server right now; delete it once it is saved there"));
    if (entry && entry->operation == OutboxEntry::Operation::Create) {
        // Never reached the server: nothing to tell it.
        if (!removeEntry(entry->sequence) || !removeRow(id))
            return false;
    } else {
        if (!entry)
            entry = OutboxEntry{};
        entry->opportunityId = id;
        entry->operation = OutboxEntry::Operation::Delete;
        entry->fields = {};
        entry->lastError.clear();
        if (!record->base && record->state == SyncState::Synced) {
            CachedOpportunity based = *record;
            based.base = record->opportunity;
            if (!writeRow(based))
                return false;
        }
        query.prepare(QStringLiteral(
            "UPDATE opportunities SET local_deleted = 1, sync_state = 1 WHERE id = ?"));
        query.addBindValue(id);
        if (!query.exec())
            return fail(QStringLiteral("deleting %1").arg(id), query.lastError().text());
        if (!writeEntry(*entry))
            return false;
    }
    if (!commit(transaction))
        return false;
    emit opportunitiesRemoved({id});
    notifyOutbox();
    return true;
}

bool LocalStore::resolveConflict(const QString &id, const Opportunity &chosen)
{
    SqlTransaction transaction(m_connectionName);
    auto record = opportunity(id);
    if (!record || record->state != SyncState::Conflict)
        return fail(QStringLiteral("resolving %1").arg(id), tr("no conflict to resolve"));
    auto entry = entryFor(id);
    if (!entry) {
        entry = OutboxEntry{};
        entry->opportunityId = id;
    }
    if (!record->serverState)
        record->serverDeleted = true; // no readable server state: treat as gone there
    if (record->serverDeleted) {
        // Keeping a record the server deleted means creating it again.
        entry->operation = OutboxEntry::Operation::Create;
        entry->fields = OpportunityFieldNames::writable();
        entry->idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
        entry->attempts = 0;
        entry->inDoubt = false;
        record->base.reset();
        record->etag.clear();
    } else {
        // The server's state, with my changes to fields it did not touch, and the chosen values
        // of the fields both sides changed.
        Opportunity result = *record->serverState;
        const OpportunityFields mine =
            entry->sequence > 0 && entry->operation == OutboxEntry::Operation::Update
                ? entry->fields
                : OpportunityDiff::changedFields(record->base.value_or(result),
                                                 record->opportunity);
        OpportunityDiff::copyFields(record->opportunity, &result, mine & ~record->conflictFields);
        OpportunityDiff::copyFields(chosen, &result, record->conflictFields);
        record->opportunity = result;
        record->base = record->serverState;
        entry->operation = OutboxEntry::Operation::Update;
    }
    if (record->serverDeleted)
        OpportunityDiff::copyFields(chosen, &record->opportunity,
                                    OpportunityFieldNames::writable());
    if (entry->operation == OutboxEntry::Operation::Update)
        entry->fields = OpportunityDiff::changedFields(*record->base, record->opportunity);
    record->state = entry->fields ? SyncState::Pending : SyncState::Synced;
    record->serverState.reset();
    record->conflictFields = {};
    record->serverDeleted = false;
    record->syncError.clear();
    entry->lastError.clear();
    const bool written = writeRow(*record) &&
                         (entry->fields ? writeEntry(*entry)
                                        : (entry->sequence == 0 || removeEntry(entry->sequence)));
    if (!written || !commit(transaction))
        return false;
    emit opportunitiesChanged({id});
    notifyOutbox();
    return true;
}

bool LocalStore::discardEdits(const QString &id)
{
    SqlTransaction transaction(m_connectionName);
    const auto entry = entryFor(id);
    if (entry && entry->inDoubt && entry->lastError.isEmpty())
        return fail(QStringLiteral("discarding"),
                    tr("the changes are being sent to the server right now"));
    auto record = opportunity(id);
    if (entry && entry->sequence > 0 && !removeEntry(entry->sequence))
        return false;
    const std::optional<Opportunity> server = record && record->serverState ? record->serverState
                                              : record                      ? record->base
                                                                            : std::nullopt;
    bool removed = false;
    if (!record && entry && entry->operation == OutboxEntry::Operation::Delete) {
        // A pending delete: the hidden row comes back as it was.
        QSqlQuery query(QSqlDatabase::database(m_connectionName));
        query.prepare(QStringLiteral(
            "UPDATE opportunities SET local_deleted = 0, sync_state = 0 WHERE id = ?"));
        query.addBindValue(id);
        if (!query.exec())
            return fail(QStringLiteral("discarding"), query.lastError().text());
    } else if (record &&
               (record->serverDeleted ||
                (!server && entry && entry->operation == OutboxEntry::Operation::Create))) {
        if (!removeRow(id))
            return false;
        removed = true;
    } else if (record) {
        CachedOpportunity restored;
        restored.opportunity = server.value_or(record->opportunity);
        restored.etag = record->etag;
        if (!writeRow(restored))
            return false;
    }
    if (!commit(transaction))
        return false;
    if (removed)
        emit opportunitiesRemoved({id});
    else
        emit opportunitiesChanged({id});
    notifyOutbox();
    return true;
}

bool LocalStore::retryFailed(const QString &id)
{
    QStringList ids;
    SqlTransaction transaction(m_connectionName);
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(
        QStringLiteral("SELECT o.id FROM opportunities o JOIN outbox x ON x.opportunity_id = o.id"
                       " WHERE o.sync_state = 2 AND (? = '' OR o.id = ?)"));
    query.addBindValue(id.isNull() ? QString(QLatin1String("")) : id);
    query.addBindValue(id);
    if (!query.exec())
        return fail(QStringLiteral("retrying"), query.lastError().text());
    while (query.next())
        ids.append(query.value(0).toString());
    for (const QString &failed : std::as_const(ids)) {
        QSqlQuery reset(QSqlDatabase::database(m_connectionName));
        reset.prepare(QStringLiteral(
            "UPDATE opportunities SET sync_state = 1, sync_error = NULL WHERE id = ?"));
        reset.addBindValue(failed);
        QSqlQuery entry(QSqlDatabase::database(m_connectionName));
        entry.prepare(
            QStringLiteral("UPDATE outbox SET last_error = NULL WHERE opportunity_id = ?"));
        entry.addBindValue(failed);
        if (!reset.exec() || !entry.exec())
            return fail(QStringLiteral("retrying"), reset.lastError().text());
    }
    if (!commit(transaction))
        return false;
    if (!ids.isEmpty())
        emit opportunitiesChanged(ids);
    return true;
}
