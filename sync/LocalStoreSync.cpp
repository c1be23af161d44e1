// LocalStore, the sync's side: pulled pages staged and merged field by field, and the push's
// bookkeeping (attempts in doubt, answers stored, refusals, server ids).
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

bool LocalStore::beginPull()
{
    // A temporary table: a pull that does not finish leaves nothing behind, not even after a crash.
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    return (query.exec(QStringLiteral(
                "CREATE TEMP TABLE IF NOT EXISTS pull_staging ("
                " id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, account_id TEXT, account_name "
                "TEXT,"
                " lead_id TEXT, value REAL NOT NULL, currency TEXT NOT NULL, stage TEXT NOT NULL,"
                " probability INTEGER NOT NULL, expected_close_date TEXT, description TEXT, "
                "owner_id TEXT,"
                " is_archived INTEGER NOT NULL, created_at TEXT, updated_at TEXT)")) &&
            query.exec(QStringLiteral("DELETE FROM pull_staging")) &&
            query.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS pull_unreadable (id TEXT "
                                      "PRIMARY KEY NOT NULL)")) &&
            query.exec(QStringLiteral("DELETE FROM pull_unreadable"))) ||
           fail(QStringLiteral("starting a pull"), query.lastError().text());
}

bool LocalStore::keepUnreadable(const QStringList &ids)
{
    if (ids.isEmpty())
        return true;
    SqlTransaction transaction(m_connectionName);
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO pull_unreadable (id) VALUES (?)"));
    for (const QString &id : ids) {
        query.addBindValue(id);
        if (!query.exec())
            return fail(QStringLiteral("staging a pulled page"), query.lastError().text());
    }
    query.finish();
    return commit(transaction);
}

bool LocalStore::stagePulled(const QList<Opportunity> &page)
{
    SqlTransaction transaction(m_connectionName);
    QSqlQuery &query =
        prepared(QStringLiteral("INSERT OR REPLACE INTO pull_staging (") + dataColumns +
                 QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const Opportunity &opportunity : page) {
        bindData(query, opportunity);
        if (!query.exec())
            return fail(QStringLiteral("staging a pulled page"), query.lastError().text());
    }
    query.finish();
    return commit(transaction);
}

bool LocalStore::merge(const Opportunity &server, const QByteArray &etag, QStringList *changed)
{
    auto cached = [&]() -> std::optional<CachedOpportunity> {
        QSqlQuery query(QSqlDatabase::database(m_connectionName));
        query.prepare(QStringLiteral("SELECT ") + rowColumns +
                      QStringLiteral(", local_deleted FROM opportunities WHERE id = ?"));
        query.addBindValue(server.id);
        if (!query.exec() || !query.next())
            return std::nullopt;
        CachedOpportunity record = recordFromRow(query);
        if (query.value(22).toBool())
            record.state = SyncState::Pending; // a pending delete keeps its row hidden
        return record;
    }();
    const auto entry = entryFor(server.id);
    // Lists carry no ETags: the one we have stays valid only while the record is unchanged.
    const QByteArray knownEtag = !etag.isEmpty()                                     ? etag
                                 : cached && cached->base && *cached->base == server ? cached->etag
                                                                                     : QByteArray();
    if (!cached || (!entry && cached->state == SyncState::Synced)) {
        // Nothing of ours to keep: take the server's state, unless it is what we have.
        if (cached && cached->base && *cached->base == server && cached->opportunity == server)
            return true;
        CachedOpportunity record;
        record.opportunity = server;
        record.base = server;
        record.etag = knownEtag;
        changed->append(server.id);
        return writeRow(record);
    }
    // What the server holds of a send that may have landed is our own change, not a change made
    // there: measured from it, a later edit of the same field is no conflict.
    std::optional<Opportunity> base = cached->base;
    if (base && entry && entry->inDoubt) {
        const OpportunityJson::Reading sent =
            OpportunityJson::read(entry->sentBody, OpportunityJson::ReadMode::Request);
        const OpportunityFields landed =
            sent.present & ~OpportunityDiff::changedFields(sent.opportunity, server, sent.present);
        OpportunityDiff::copyFields(server, &*base, landed);
    }
    if (entry && entry->operation == OutboxEntry::Operation::Delete) {
        // Deleted here: the delete goes out against the newest version the server has, unless
        // the server changed the record since; then the user decides.
        const OpportunityFields serverChanged =
            base ? OpportunityDiff::changedFields(*base, server) : OpportunityFields();
        QSqlQuery query(QSqlDatabase::database(m_connectionName));
        if (!serverChanged) {
            query.prepare(QStringLiteral("UPDATE opportunities SET etag = ? WHERE id = ?"));
            query.addBindValue(knownEtag);
            query.addBindValue(server.id);
            return query.exec() || fail(QStringLiteral("merging"), query.lastError().text());
        }
        CachedOpportunity record = *cached;
        record.state = SyncState::Conflict;
        record.serverState = server;
        record.conflictFields = serverChanged;
        record.syncError = tr("Deleted here, but changed on the server since.");
        changed->append(server.id);
        return removeEntry(entry->sequence) && writeRow(record);
    }
    // Local edits: three-way merge against the base they started from.
    CachedOpportunity record = *cached;
    const Opportunity from = base.value_or(server);
    const OpportunityFields mine =
        entry ? entry->fields : OpportunityDiff::changedFields(from, cached->opportunity);
    const OpportunityFields theirs = OpportunityDiff::changedFields(from, server);
    const OpportunityFields both =
        OpportunityDiff::changedFields(cached->opportunity, server, mine & theirs);
    if (both) {
        record.state = SyncState::Conflict;
        record.serverState = server;
        record.conflictFields = both;
        record.syncError = tr("Changed here and on the server.");
        record.etag = knownEtag;
    } else {
        // No field changed on both sides: take theirs, keep mine.
        Opportunity merged = server;
        OpportunityDiff::copyFields(cached->opportunity, &merged, mine);
        record.opportunity = merged;
        record.base = server;
        record.etag = knownEtag;
        if (record.state == SyncState::Conflict && !record.serverDeleted) {
            // A conflict without an edit waiting (deleted here, changed there) waits for the user.
            if (entry)
                record.state = SyncState::Pending;
            else
                record.serverState = server;
        }
    }
    changed->append(server.id);
    if (entry && !both) {
        OutboxEntry updated = *entry;
        updated.fields = OpportunityDiff::changedFields(server, record.opportunity, entry->fields);
        if (!updated.fields) {
            record.state = SyncState::Synced;
            return writeRow(record) && removeEntry(entry->sequence);
        }
        return writeRow(record) && writeEntry(updated);
    }
    return writeRow(record);
}

bool LocalStore::commitPull(bool complete)
{
    QStringList changed;
    QStringList removed;
    SqlTransaction transaction(m_connectionName);
    {
        // Records nobody touched here, new or changed on the server: copied as they are, in SQL.
        QString same;
        QString selected;
        for (const QString &column : dataColumns.split(QStringLiteral(", "))) {
            same += (same.isEmpty() ? QString() : QStringLiteral(" AND ")) +
                    QStringLiteral("s.%1 IS o.%1").arg(column);
            selected += (selected.isEmpty() ? QString() : QStringLiteral(", ")) +
                        QStringLiteral("s.") + column;
        }
        const QString notTouched = QStringLiteral(
            "o.sync_state = 0 AND o.local_deleted = 0"
            " AND NOT EXISTS (SELECT 1 FROM outbox x WHERE x.opportunity_id = s.id)");
        const QString untouched = QStringLiteral(" FROM pull_staging s LEFT JOIN opportunities o "
                                                 "ON o.id = s.id WHERE o.id IS NULL OR (") +
                                  notTouched + QStringLiteral(" AND NOT (") + same +
                                  QStringLiteral("))");
        QSqlQuery query(QSqlDatabase::database(m_connectionName));
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("SELECT s.id") + untouched))
            return fail(QStringLiteral("merging a pull"), query.lastError().text());
        while (query.next())
            changed.append(query.value(0).toString());
        if (!query.exec(QStringLiteral("INSERT OR REPLACE INTO opportunities (") + dataColumns +
                        QStringLiteral(") SELECT ") + selected + untouched))
            return fail(QStringLiteral("merging a pull"), query.lastError().text());
        // Records with edits or conflicts here: merged field by field.
        if (!query.exec(
                QStringLiteral("SELECT ") + selected +
                QStringLiteral(
                    " FROM pull_staging s JOIN opportunities o ON o.id = s.id WHERE NOT (") +
                notTouched + QLatin1Char(')')))
            return fail(QStringLiteral("merging a pull"), query.lastError().text());
        QList<Opportunity> touched;
        while (query.next())
            touched.append(opportunityFromRow(query));
        query.finish();
        for (const Opportunity &server : touched) {
            if (!merge(server, QByteArray(), &changed))
                return false;
        }
    }
    if (complete) {
        QSqlQuery vanished(QSqlDatabase::database(m_connectionName));
        vanished.setForwardOnly(true);
        if (!vanished.exec(
                QStringLiteral("SELECT o.id, x.operation, o.sync_state FROM opportunities o"
                               " LEFT JOIN outbox x ON x.opportunity_id = o.id"
                               " WHERE o.id NOT IN (SELECT id FROM pull_staging)"
                               " AND o.id NOT IN (SELECT id FROM pull_unreadable)")))
            return fail(QStringLiteral("merging a pull"), vanished.lastError().text());
        struct Gone
        {
            QString id;
            QString operation;
            bool synced = false;
        };
        QList<Gone> gone;
        while (vanished.next())
            gone.append({vanished.value(0).toString(), textOrNull(vanished.value(1)),
                         vanished.value(2).toInt() == static_cast<int>(SyncState::Synced)});
        vanished.finish();
        for (const auto &[id, operation, synced] : gone) {
            if (operation == QLatin1String("create"))
                continue; // not on the server yet
            // Synced rows and deletes are done; anything the user still has to settle stays.
            if ((operation.isNull() && synced) || operation == QLatin1String("delete")) {
                if (!removeRow(id))
                    return false;
                if (!operation.isNull()) {
                    if (const auto entry = entryFor(id); entry && !removeEntry(entry->sequence))
                        return false;
                }
                removed.append(id);
            } else if (!markServerDeleted(id)) {
                return false;
            } else {
                changed.append(id);
            }
        }
    }
    QSqlQuery clear(QSqlDatabase::database(m_connectionName));
    if (!clear.exec(QStringLiteral("DELETE FROM pull_staging")) ||
        !clear.exec(QStringLiteral("DELETE FROM pull_unreadable")) || !commit(transaction))
        return fail(QStringLiteral("merging a pull"), clear.lastError().text());
    if (!changed.isEmpty())
        emit opportunitiesChanged(changed);
    if (!removed.isEmpty())
        emit opportunitiesRemoved(removed);
    notifyOutbox();
    return true;
}

bool LocalStore::mergeServerRecord(const Opportunity &server, const QByteArray &etag)
{
    QStringList changed;
    SqlTransaction transaction(m_connectionName);
    if (!merge(server, etag, &changed) || !commit(transaction))
        return false;
    emit opportunitiesChanged(changed);
    notifyOutbox();
    return true;
}

bool LocalStore::recordServerDeleted(const QString &id)
{
    SqlTransaction transaction(m_connectionName);
    if (!markServerDeleted(id) || !commit(transaction))
        return false;
    emit opportunitiesChanged({id});
    notifyOutbox();
    return true;
}

bool LocalStore::markServerDeleted(const QString &id)
{
    auto record = opportunity(id);
    if (!record)
        return true;
    record->state = SyncState::Conflict;
    record->serverDeleted = true;
    record->serverState.reset();
    record->syncError = tr("Deleted on the server while edited here.");
    const auto entry = entryFor(id);
    return writeRow(*record) && (!entry || removeEntry(entry->sequence));
}

bool LocalStore::storeAccounts(const QList<Account> &accounts)
{
    SqlTransaction transaction(m_connectionName);
    {
        QSqlQuery query(QSqlDatabase::database(m_connectionName));
        if (!query.exec(QStringLiteral("DELETE FROM accounts")))
            return fail(QStringLiteral("storing accounts"), query.lastError().text());
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO accounts (id, data) VALUES (?, ?)"));
        for (const Account &account : accounts) {
            query.addBindValue(account.id);
            query.addBindValue(jsonText(AccountJson::toResponse(account)));
            if (!query.exec())
                return fail(QStringLiteral("storing accounts"), query.lastError().text());
        }
    }
    if (!commit(transaction))
        return false;
    emit accountsChanged();
    return true;
}

bool LocalStore::markAttempt(qint64 sequence, const QJsonObject &body)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, in_doubt = 1, "
                                 "sent_body = ? WHERE sequence = ?"));
    query.addBindValue(jsonText(body));
    query.addBindValue(sequence);
    return query.exec() || fail(QStringLiteral("writing the outbox"), query.lastError().text());
}

bool LocalStore::settleAttempt(qint64 sequence)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("UPDATE outbox SET in_doubt = 0 WHERE sequence = ?"));
    query.addBindValue(sequence);
    return query.exec() || fail(QStringLiteral("writing the outbox"), query.lastError().text());
}

bool LocalStore::completeEntry(qint64 sequence, const Opportunity &server, const QByteArray &etag)
{
    SqlTransaction transaction(m_connectionName);
    const auto done = entry(sequence);
    if (!done)
        return fail(QStringLiteral("completing an edit"), tr("the outbox entry is gone"));
    if (done->operation == OutboxEntry::Operation::Delete) {
        // Deleted here while the edit was under way: the delete goes out against this version.
        QSqlQuery query(QSqlDatabase::database(m_connectionName));
        query.prepare(QStringLiteral("UPDATE opportunities SET etag = ?, base = ? WHERE id = ?"));
        query.addBindValue(etag);
        query.addBindValue(opportunityToJson(server));
        query.addBindValue(done->opportunityId);
        OutboxEntry next = *done;
        next.attempts = 0;
        next.inDoubt = false;
        if (!query.exec() || !writeEntry(next) || !commit(transaction))
            return fail(QStringLiteral("completing an edit"), query.lastError().text());
        return true;
    }
    auto record = opportunity(done->opportunityId);
    if (!record)
        return fail(QStringLiteral("completing an edit"), tr("the record is gone"));
    const QString oldId = record->opportunity.id;
    if (oldId != server.id) {
        QSqlQuery rename(QSqlDatabase::database(m_connectionName));
        rename.prepare(QStringLiteral("DELETE FROM opportunities WHERE id = ?"));
        rename.addBindValue(oldId);
        if (!rename.exec())
            return fail(QStringLiteral("completing a create"), rename.lastError().text());
        rename.prepare(
            QStringLiteral("INSERT OR REPLACE INTO id_aliases (old_id, new_id) VALUES (?, ?)"));
        rename.addBindValue(oldId);
        rename.addBindValue(server.id);
        if (!rename.exec())
            return fail(QStringLiteral("completing a create"), rename.lastError().text());
    }
    // Edits made while the request was under way stay pending, as an update: fields changed
    // since the body was sent, and fields added to the entry that the body did not carry.
    const OpportunityJson::Reading sent =
        OpportunityJson::read(done->sentBody, OpportunityJson::ReadMode::Request);
    OpportunityFields remaining =
        OpportunityDiff::changedFields(sent.opportunity, record->opportunity, sent.present);
    if (done->operation == OutboxEntry::Operation::Update)
        remaining |= done->fields & ~sent.present;
    remaining = OpportunityDiff::changedFields(server, record->opportunity, remaining);
    Opportunity current = server;
    OpportunityDiff::copyFields(record->opportunity, &current, remaining);
    record->opportunity = current;
    record->base = server;
    record->etag = etag;
    record->state = remaining ? SyncState::Pending : SyncState::Synced;
    record->syncError.clear();
    bool written = writeRow(*record);
    if (written && remaining) {
        OutboxEntry next = *done;
        next.opportunityId = server.id;
        next.operation = OutboxEntry::Operation::Update;
        next.fields = remaining;
        next.attempts = 0;
        next.inDoubt = false;
        next.lastError.clear();
        written = writeEntry(next);
    } else if (written) {
        written = removeEntry(sequence);
    }
    if (!written || !commit(transaction))
        return false;
    if (oldId != server.id)
        emit opportunityIdChanged(oldId, server.id);
    emit opportunitiesChanged({server.id});
    notifyOutbox();
    return true;
}

bool LocalStore::completeDelete(qint64 sequence)
{
    SqlTransaction transaction(m_connectionName);
    const auto done = entry(sequence);
    if (!done)
        return true;
    if (!removeRow(done->opportunityId) || !removeEntry(sequence) || !commit(transaction))
        return false;
    notifyOutbox();
    return true;
}

bool LocalStore::failEntry(qint64 sequence, const QString &error)
{
    SqlTransaction transaction(m_connectionName);
    const auto failed = entry(sequence);
    if (!failed)
        return true;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("UPDATE outbox SET last_error = ? WHERE sequence = ?"));
    query.addBindValue(error);
    query.addBindValue(sequence);
    if (!query.exec())
        return fail(QStringLiteral("writing the outbox"), query.lastError().text());
    query.prepare(QStringLiteral(
        "UPDATE opportunities SET sync_state = 2, sync_error = ?, local_deleted = 0 WHERE id = ?"));
    query.addBindValue(error);
    query.addBindValue(failed->opportunityId);
    if (!query.exec() || !commit(transaction))
        return fail(QStringLiteral("writing the outbox"), query.lastError().text());
    emit opportunitiesChanged({failed->opportunityId});
    notifyOutbox();
    return true;
}

std::optional<QString> LocalStore::renamedTo(const QString &oldId)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT new_id FROM id_aliases WHERE old_id = ?"));
    query.addBindValue(oldId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return query.value(0).toString();
}
