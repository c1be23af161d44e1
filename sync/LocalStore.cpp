#include "LocalStore.h"

#include "AccountJson.h"
#include "CacheRows.h"
#include "CacheSalvage.h"
#include "JsonValueReader.h"
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

// Each step takes the schema from version N to N+1; released steps are never edited.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps{
        {
            QStringLiteral(
                "CREATE TABLE opportunities ("
                " id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, account_id TEXT,"
                " account_name TEXT, lead_id TEXT, value REAL NOT NULL,"
                " currency TEXT NOT NULL, stage TEXT NOT NULL, probability INTEGER NOT NULL,"
                " expected_close_date TEXT, description TEXT, owner_id TEXT,"
                " is_archived INTEGER NOT NULL, created_at TEXT, updated_at TEXT,"
                // Sync bookkeeping: the server state local edits started from (null while
                // there are none: the row is the server's state), and where it stands.
                " base TEXT, etag BLOB, sync_state INTEGER NOT NULL DEFAULT 0,"
                " sync_error TEXT, server_state TEXT, conflict_fields INTEGER NOT NULL DEFAULT 0,"
                " server_deleted INTEGER NOT NULL DEFAULT 0,"
                " local_deleted INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral(
                "CREATE TABLE accounts (id TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE opportunity_updates ("
                           " opportunity_id TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL,"
                           " fetched_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE outbox ("
                           " sequence INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " opportunity_id TEXT NOT NULL UNIQUE, operation TEXT NOT NULL,"
                           " fields INTEGER NOT NULL, idempotency_key TEXT,"
                           " attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT,"
                           " created_at TEXT NOT NULL, sent_body TEXT)"),
            QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT)"),
        },
        {
            // Whether a send may have landed is kept apart from how often it was tried: a refused
            // connection is a try that certainly created nothing.
            QStringLiteral("ALTER TABLE outbox ADD COLUMN in_doubt INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("UPDATE outbox SET in_doubt = 1 WHERE attempts > 0"),
            // The ids a record had here before the server gave it its own, so that an id once shown
            // (by `kashew new`, say) keeps naming the record.
            QStringLiteral("CREATE TABLE id_aliases (old_id TEXT PRIMARY KEY NOT NULL,"
                           " new_id TEXT NOT NULL)"),
        }};
    return steps;
}

using SqlNullText::nullable;
using SqlNullText::textOrNull;
using namespace CacheRows;

std::atomic<int> connectionCounter{0};

} // namespace

LocalStore::LocalStore(QObject *parent)
    : QObject(parent)
    , m_connectionName(QStringLiteral("kashew-cache-%1").arg(++connectionCounter))
{}

LocalStore::~LocalStore()
{
    m_statements.clear(); // before the connection goes
    SqliteConnection::close(m_connectionName);
}

int LocalStore::schemaVersion()
{
    return static_cast<int>(migrations().size());
}

bool LocalStore::commit(SqlTransaction &transaction)
{
    return transaction.commit() || fail(QStringLiteral("saving"), transaction.error());
}

bool LocalStore::fail(const QString &what, const QString &error)
{
    m_lastError = what + QStringLiteral(": ") + error;
    return false;
}

LocalStore::OpenResult LocalStore::open(const QString &path)
{
    OpenResult result;
    m_path = path;
    // A cache cut to nothing opens as an empty database: say so rather than start over silently.
    const bool emptyFile = QFileInfo::exists(path) && QFileInfo(path).size() == 0 &&
                           QFileInfo(path + QStringLiteral("-wal")).size() == 0;
    OpenProblem problem;
    if (openAt(path, &problem)) {
        result.ok = true;
        if (emptyFile)
            result.recoveryMessage =
                tr("The local cache %1 was an empty file (it was cut short or damaged); nothing "
                   "pending could be kept. Everything will be downloaded again at the next sync.")
                    .arg(path);
        return result;
    }
    m_statements.clear();
    SqliteConnection::close(m_connectionName);
    switch (problem.kind) {
    case OpenProblem::Kind::NewerSchema:
        // Not damaged, only newer than this program: leave it alone.
        result.error = tr("The cache %1 was written by a newer kashew: %2").arg(path, problem.text);
        return result;
    case OpenProblem::Kind::Unusable:
        // A full disk, a permission or a lock is not damage: the file stays as it is.
        result.error = tr("The local cache %1 cannot be opened: %2. It was left as it is; "
                          "nothing was changed.")
                           .arg(path, problem.text);
        return result;
    case OpenProblem::Kind::Corrupt:
        break;
    }
    return salvage(path, problem.text);
}

LocalStore::OpenResult LocalStore::salvage(const QString &path, const QString &damage)
{
    OpenResult result;
    // The damaged file stays, moved aside for the record; salvage reads a copy of it.
    const QString aside =
        path + QStringLiteral(".corrupt-") +
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    // The file and its WAL move together or not at all: a WAL left behind would be thrown away
    // by the next open, with the edits only it holds.
    QStringList moved;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (!QFile::exists(path + suffix))
            continue;
        if (QFile::exists(aside + suffix) || !QFile::rename(path + suffix, aside + suffix)) {
            for (const QString &back : std::as_const(moved))
                QFile::rename(aside + back, path + back);
            result.error =
                tr("The cache %1 cannot be read (%2) and cannot be moved aside.").arg(path, damage);
            return result;
        }
        moved.append(suffix);
    }
    CacheSalvage::Result salvaged;
    {
        QTemporaryDir work;
        const QString copy = work.filePath(QStringLiteral("salvage.sqlite"));
        bool copied = work.isValid();
        for (const QString &suffix : {QString(), QStringLiteral("-wal")})
            copied = copied &&
                     (!QFile::exists(aside + suffix) || QFile::copy(aside + suffix, copy + suffix));
        // Without room for a copy, the file kept for the record is read, never changed.
        salvaged = copied ? CacheSalvage::read(copy) : CacheSalvage::read(aside, true);
    }
    OpenProblem fresh;
    if (!openAt(path, &fresh)) {
        result.error = tr("Cannot create a new cache at %1: %2").arg(path, fresh.text);
        return result;
    }
    int kept = 0;
    for (const OutboxEntry &entry : std::as_const(salvaged.entries)) {
        const auto row = std::find_if(
            salvaged.records.cbegin(), salvaged.records.cend(),
            [&](const CachedOpportunity &r) { return r.opportunity.id == entry.opportunityId; });
        if (row == salvaged.records.cend() && entry.operation != OutboxEntry::Operation::Delete)
            continue;
        SqlTransaction transaction(m_connectionName);
        CachedOpportunity record = row != salvaged.records.cend() ? *row : CachedOpportunity{};
        record.opportunity.id = entry.opportunityId;
        OutboxEntry copy = entry;
        copy.sequence = 0; // a new entry in the new outbox
        bool ok = writeRow(record) && writeEntry(copy);
        if (ok && entry.operation == OutboxEntry::Operation::Delete) {
            QSqlQuery hide(QSqlDatabase::database(m_connectionName));
            hide.prepare(QStringLiteral("UPDATE opportunities SET local_deleted = 1 WHERE id = ?"));
            hide.addBindValue(entry.opportunityId);
            ok = hide.exec();
        }
        if (ok && commit(transaction))
            ++kept;
    }
    const int lost = static_cast<int>(salvaged.entries.size()) - kept;
    QStringList sentences{
        tr("The local cache could not be read (%1). It was moved to %2 and a new one was created.")
            .arg(damage, aside),
        tr("%n pending edit(s) were kept.", nullptr, kept)};
    if (lost > 0)
        sentences.append(tr("%n pending edit(s) could not be read and are lost.", nullptr, lost));
    if (salvaged.outboxDamaged || !salvaged.error.isEmpty())
        sentences.append(tr("Part of the list of pending edits was damaged: edits stored there "
                            "are lost."));
    sentences.append(tr("Everything else will be downloaded again at the next sync."));
    result.ok = true;
    result.recoveryMessage = sentences.join(QLatin1Char(' '));
    return result;
}

namespace {

// Damage, as opposed to a file that is sound but cannot be used right now.
bool isDamage(int sqliteCode)
{
    constexpr int corrupt = 11;      // SQLITE_CORRUPT
    constexpr int notADatabase = 26; // SQLITE_NOTADB
    return sqliteCode == corrupt || sqliteCode == notADatabase;
}

// What a failure to open means to the user, before the driver's own words.
QString describe(int sqliteCode, const QString &driverText)
{
    QString reason;
    switch (sqliteCode) {
    case 13: // SQLITE_FULL
        reason = LocalStore::tr("no space left on the disk");
        break;
    case 10: // SQLITE_IOERR
        reason = LocalStore::tr("the disk could not be read or written (is it full?)");
        break;
    case 3:  // SQLITE_PERM
    case 8:  // SQLITE_READONLY
    case 14: // SQLITE_CANTOPEN
    case 23: // SQLITE_AUTH
        reason = LocalStore::tr("the file or its folder may not be opened or written");
        break;
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        reason = LocalStore::tr("another program holds it locked");
        break;
    default:
        return driverText;
    }
    return reason + QStringLiteral(" (") + driverText + QLatin1Char(')');
}

} // namespace

bool LocalStore::openAt(const QString &path, OpenProblem *problem)
{
    const auto failed = [problem](int code, const QString &text) {
        problem->kind = isDamage(code) ? OpenProblem::Kind::Corrupt : OpenProblem::Kind::Unusable;
        problem->text = describe(code, text);
        return false;
    };
    // A first sync writes every page of a large pipeline at random (UUID) positions: with a
    // cache that holds them, SQLite does not spill and re-read pages on every insert.
    QString error;
    int code = 0;
    if (!SqliteConnection::open(m_connectionName, path,
                                {QStringLiteral("PRAGMA cache_size=-32768"),
                                 QStringLiteral("PRAGMA temp.cache_size=-32768")},
                                &error, &code))
        return failed(code, error);
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (!query.exec(QStringLiteral("PRAGMA quick_check")))
        return failed(SqliteConnection::resultCode(query.lastError()), query.lastError().text());
    if (!query.next() || query.value(0).toString() != QLatin1String("ok")) {
        problem->kind = OpenProblem::Kind::Corrupt;
        problem->text = query.isValid() ? query.value(0).toString() : tr("integrity check failed");
        return false;
    }
    query.finish();
    bool tooNew = false;
    if (!SchemaMigrations::apply(m_connectionName, migrations(), &error, &tooNew)) {
        problem->kind = tooNew ? OpenProblem::Kind::NewerSchema : OpenProblem::Kind::Unusable;
        problem->text = error;
        return false;
    }
    return true;
}

std::optional<CachedOpportunity> LocalStore::opportunity(const QString &id)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT ") + rowColumns +
                  QStringLiteral(" FROM opportunities WHERE id = ? AND local_deleted = 0"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return recordFromRow(query);
}

QList<CachedOpportunity> LocalStore::opportunities()
{
    QList<CachedOpportunity> records;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT ") + rowColumns +
                    QStringLiteral(" FROM opportunities WHERE local_deleted = 0"))) {
        fail(QStringLiteral("reading the cache"), query.lastError().text());
        return records;
    }
    while (query.next())
        records.append(recordFromRow(query));
    return records;
}

QList<Account> LocalStore::accounts()
{
    QList<Account> list;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT data FROM accounts")))
        return list;
    while (query.next()) {
        FieldErrors errors;
        const Account account = AccountJson::read(
            QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object(), &errors);
        if (errors.isEmpty())
            list.append(account);
    }
    std::sort(list.begin(), list.end(), [](const Account &a, const Account &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return list;
}

std::optional<QList<OpportunityUpdate>> LocalStore::updates(const QString &opportunityId)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT data FROM opportunity_updates WHERE opportunity_id = ?"));
    query.addBindValue(opportunityId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    FieldErrors errors;
    return OpportunityJson::readUpdates(
        QJsonDocument::fromJson(query.value(0).toString().toUtf8()).array(), &errors);
}

QSqlQuery &LocalStore::prepared(const QString &sql)
{
    std::unique_ptr<QSqlQuery> &query = m_statements[sql];
    if (!query) {
        query = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connectionName));
        query->prepare(sql);
    }
    return *query;
}

bool LocalStore::writeRow(const CachedOpportunity &record, const QString &baseJson)
{
    const Opportunity &o = record.opportunity;
    QSqlQuery &query = prepared(QStringLiteral(
        "INSERT OR REPLACE INTO opportunities (id, name, account_id, account_name, lead_id, value,"
        " currency, stage, probability, expected_close_date, description, owner_id, is_archived,"
        " created_at, updated_at, base, etag, sync_state, sync_error, server_state, "
        "conflict_fields,"
        " server_deleted, local_deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?, ?, ?, ?, 0)"));
    bindData(query, o);
    query.addBindValue(baseJson.isNull() ? opportunityToJson(record.base) : QVariant(baseJson));
    query.addBindValue(record.etag);
    query.addBindValue(static_cast<int>(record.state));
    query.addBindValue(nullable(record.syncError));
    query.addBindValue(opportunityToJson(record.serverState));
    query.addBindValue(record.conflictFields.toInt());
    query.addBindValue(record.serverDeleted ? 1 : 0);
    const bool ok = query.exec();
    query.finish();
    return ok || fail(QStringLiteral("writing %1").arg(o.id), query.lastError().text());
}

bool LocalStore::removeRow(const QString &id)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("DELETE FROM opportunities WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return fail(QStringLiteral("removing %1").arg(id), query.lastError().text());
    query.prepare(QStringLiteral("DELETE FROM opportunity_updates WHERE opportunity_id = ?"));
    query.addBindValue(id);
    return query.exec() || fail(QStringLiteral("removing %1").arg(id), query.lastError().text());
}

std::optional<OutboxEntry> LocalStore::entryFor(const QString &id)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT ") + entryColumns +
                  QStringLiteral(" FROM outbox WHERE opportunity_id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return entryFromRow(query);
}

std::optional<OutboxEntry> LocalStore::entry(qint64 sequence)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT ") + entryColumns +
                  QStringLiteral(" FROM outbox WHERE sequence = ?"));
    query.addBindValue(sequence);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return entryFromRow(query);
}

bool LocalStore::writeEntry(const OutboxEntry &entry)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (entry.sequence > 0) {
        query.prepare(QStringLiteral(
            "UPDATE outbox SET opportunity_id = ?, operation = ?, fields = ?,"
            " idempotency_key = ?, attempts = ?, last_error = ?, in_doubt = ? WHERE sequence = ?"));
    } else {
        query.prepare(QStringLiteral("INSERT INTO outbox (opportunity_id, operation, fields,"
                                     " idempotency_key, attempts, last_error, in_doubt, created_at,"
                                     " sent_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    }
    query.addBindValue(entry.opportunityId);
    query.addBindValue(operationName(entry.operation));
    query.addBindValue(entry.fields.toInt());
    query.addBindValue(nullable(entry.idempotencyKey));
    query.addBindValue(entry.attempts);
    query.addBindValue(nullable(entry.lastError));
    query.addBindValue(entry.inDoubt ? 1 : 0);
    if (entry.sequence > 0) {
        query.addBindValue(entry.sequence);
    } else {
        // A salvaged entry keeps when it was made and what its last send carried: a look-up
        // for a send that may have landed needs both.
        query.addBindValue(timestampText(
            entry.createdAt.isValid() ? entry.createdAt : QDateTime::currentDateTimeUtc()));
        query.addBindValue(entry.sentBody.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                    : QVariant(jsonText(entry.sentBody)));
    }
    return query.exec() || fail(QStringLiteral("writing the outbox"), query.lastError().text());
}

bool LocalStore::removeEntry(qint64 sequence)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("DELETE FROM outbox WHERE sequence = ?"));
    query.addBindValue(sequence);
    return query.exec() || fail(QStringLiteral("writing the outbox"), query.lastError().text());
}

void LocalStore::notifyOutbox()
{
    emit outboxChanged(pendingCount());
}

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

QList<OutboxEntry> LocalStore::outbox()
{
    QList<OutboxEntry> entries;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT ") + entryColumns +
                    QStringLiteral(" FROM outbox ORDER BY sequence")))
        return entries;
    while (query.next())
        entries.append(entryFromRow(query));
    return entries;
}

QByteArray LocalStore::etagOf(const QString &id)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT etag FROM opportunities WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toByteArray();
}

qint64 LocalStore::opportunityCount()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM opportunities WHERE local_deleted = 0")) ||
        !query.next())
        return 0;
    return query.value(0).toLongLong();
}

int LocalStore::pendingCount()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM outbox")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

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
            query.exec(QStringLiteral("DELETE FROM pull_staging"))) ||
           fail(QStringLiteral("starting a pull"), query.lastError().text());
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
                               " WHERE o.id NOT IN (SELECT id FROM pull_staging)")))
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
    if (!clear.exec(QStringLiteral("DELETE FROM pull_staging")) || !commit(transaction))
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

bool LocalStore::storeUpdates(const QString &opportunityId, const QList<OpportunityUpdate> &updates)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO opportunity_updates (opportunity_id, data, fetched_at)"
        " VALUES (?, ?, ?)"));
    query.addBindValue(opportunityId);
    query.addBindValue(QString::fromUtf8(
        QJsonDocument(OpportunityJson::updatesToJson(updates)).toJson(QJsonDocument::Compact)));
    query.addBindValue(timestampText(QDateTime::currentDateTimeUtc()));
    if (!query.exec())
        return fail(QStringLiteral("storing the history"), query.lastError().text());
    emit opportunitiesChanged({opportunityId});
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

QString LocalStore::setting(const QString &key)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return QString();
    return query.value(0).toString();
}

bool LocalStore::setSetting(const QString &key, const QString &value)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"));
    query.addBindValue(key);
    query.addBindValue(value);
    return query.exec() || fail(QStringLiteral("writing a setting"), query.lastError().text());
}
