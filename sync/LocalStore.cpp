#include "LocalStore.h"

#include "AccountJson.h"
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
#include <QUuid>
#include <atomic>

namespace {

// Each step takes the schema from version N to N+1; released steps are never edited.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps{{
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
        QStringLiteral("CREATE TABLE accounts (id TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL)"),
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
    }};
    return steps;
}

using SqlNullText::nullable;
using SqlNullText::textOrNull;

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<Opportunity> opportunityFromJson(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    const auto reading =
        OpportunityJson::read(QJsonDocument::fromJson(value.toString().toUtf8()).object(),
                              OpportunityJson::ReadMode::Response);
    if (!reading.ok())
        return std::nullopt;
    return reading.opportunity;
}

QVariant opportunityToJson(const std::optional<Opportunity> &opportunity)
{
    return opportunity ? QVariant(jsonText(OpportunityJson::toResponse(*opportunity)))
                       : QVariant(QMetaType::fromType<QString>());
}

const QString rowColumns = QStringLiteral(
    "id, name, account_id, account_name, lead_id, value, currency, stage, probability,"
    " expected_close_date, description, owner_id, is_archived, created_at, updated_at, base, etag,"
    " sync_state, sync_error, server_state, conflict_fields, server_deleted");

QString timestampText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// The record's own columns, the first fifteen of a row.
Opportunity opportunityFromRow(const QSqlQuery &query)
{
    Opportunity o;
    o.id = query.value(0).toString();
    o.name = query.value(1).toString();
    o.accountId = textOrNull(query.value(2));
    o.accountName = textOrNull(query.value(3));
    o.leadId = textOrNull(query.value(4));
    o.value = query.value(5).toDouble();
    o.currency = query.value(6).toString();
    o.stage = Stages::fromId(query.value(7).toString()).value_or(Stage::Prospecting);
    o.probability = query.value(8).toInt();
    if (!query.value(9).isNull())
        o.expectedCloseDate =
            JsonValueReader::parseDate(query.value(9).toString()).value_or(QDate());
    o.description = textOrNull(query.value(10));
    o.ownerId = textOrNull(query.value(11));
    o.isArchived = query.value(12).toBool();
    if (!query.value(13).isNull())
        o.createdAt =
            JsonValueReader::parseTimestamp(query.value(13).toString()).value_or(QDateTime());
    if (!query.value(14).isNull())
        o.updatedAt =
            JsonValueReader::parseTimestamp(query.value(14).toString()).value_or(QDateTime());
    return o;
}

CachedOpportunity recordFromRow(const QSqlQuery &query)
{
    CachedOpportunity record;
    record.opportunity = opportunityFromRow(query);
    record.base = opportunityFromJson(query.value(15));
    record.etag = query.value(16).toByteArray();
    record.state = static_cast<SyncState>(query.value(17).toInt());
    record.syncError = textOrNull(query.value(18));
    record.serverState = opportunityFromJson(query.value(19));
    record.conflictFields = OpportunityFields::fromInt(query.value(20).toUInt());
    record.serverDeleted = query.value(21).toBool();
    return record;
}

QString operationName(OutboxEntry::Operation operation)
{
    switch (operation) {
    case OutboxEntry::Operation::Create:
        return QStringLiteral("create");
    case OutboxEntry::Operation::Update:
        return QStringLiteral("update");
    case OutboxEntry::Operation::Delete:
        return QStringLiteral("delete");
    }
    Q_UNREACHABLE();
}

OutboxEntry entryFromRow(const QSqlQuery &query)
{
    OutboxEntry entry;
    entry.sequence = query.value(0).toLongLong();
    entry.opportunityId = query.value(1).toString();
    const QString operation = query.value(2).toString();
    entry.operation = operation == QLatin1String("create")   ? OutboxEntry::Operation::Create
                      : operation == QLatin1String("delete") ? OutboxEntry::Operation::Delete
                                                             : OutboxEntry::Operation::Update;
    entry.fields = OpportunityFields::fromInt(query.value(3).toUInt());
    entry.idempotencyKey = textOrNull(query.value(4));
    entry.attempts = query.value(5).toInt();
    entry.lastError = textOrNull(query.value(6));
    entry.createdAt = QDateTime::fromString(query.value(7).toString(), Qt::ISODateWithMs);
    entry.sentBody = QJsonDocument::fromJson(query.value(8).toString().toUtf8()).object();
    return entry;
}

const QString entryColumns = QStringLiteral("sequence, opportunity_id, operation, fields, "
                                            "idempotency_key, attempts, last_error, created_at,"
                                            " sent_body");

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

bool LocalStore::fail(const QString &what, const QString &error)
{
    m_lastError = what + QStringLiteral(": ") + error;
    return false;
}

LocalStore::OpenResult LocalStore::open(const QString &path)
{
    OpenResult result;
    m_path = path;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QString error;
    if (openAt(path, &error)) {
        result.ok = true;
        return result;
    }
    if (m_newerSchema) {
        // Not damaged, only newer than this program: leave it alone.
        result.error = tr("The cache %1 was written by a newer kashew: %2").arg(path, error);
        return result;
    }
    // Unreadable: keep the file for the record, salvage what the outbox still holds.
    m_statements.clear();
    SqliteConnection::close(m_connectionName);
    const QString aside =
        path + QStringLiteral(".corrupt-") +
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QList<CachedOpportunity> salvagedRows;
    QList<OutboxEntry> salvagedEntries;
    {
        const QString salvage = m_connectionName + QStringLiteral("-salvage");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), salvage);
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                QSqlQuery query(db);
                if (query.exec(QStringLiteral("SELECT ") + entryColumns +
                               QStringLiteral(" FROM outbox ORDER BY sequence"))) {
                    while (query.next())
                        salvagedEntries.append(entryFromRow(query));
                }
                for (const OutboxEntry &entry : salvagedEntries) {
                    QSqlQuery row(db);
                    row.prepare(QStringLiteral("SELECT ") + rowColumns +
                                QStringLiteral(" FROM opportunities WHERE id = ?"));
                    row.addBindValue(entry.opportunityId);
                    if (row.exec() && row.next())
                        salvagedRows.append(recordFromRow(row));
                }
            }
        }
        QSqlDatabase::removeDatabase(salvage);
    }
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFile::exists(path + suffix) && !QFile::rename(path + suffix, aside + suffix)) {
            result.error =
                tr("The cache %1 cannot be read (%2) and cannot be moved aside.").arg(path, error);
            return result;
        }
    }
    QString freshError;
    if (!openAt(path, &freshError)) {
        result.error = tr("Cannot create a new cache at %1: %2").arg(path, freshError);
        return result;
    }
    int kept = 0;
    for (const OutboxEntry &entry : salvagedEntries) {
        const auto row = std::find_if(
            salvagedRows.cbegin(), salvagedRows.cend(),
            [&](const CachedOpportunity &r) { return r.opportunity.id == entry.opportunityId; });
        if (row == salvagedRows.cend() && entry.operation != OutboxEntry::Operation::Delete)
            continue;
        SqlTransaction transaction(m_connectionName);
        CachedOpportunity record = row != salvagedRows.cend() ? *row : CachedOpportunity{};
        if (row == salvagedRows.cend())
            record.opportunity.id = entry.opportunityId;
        OutboxEntry salvaged = entry;
        salvaged.sequence = 0; // a new entry in the new outbox
        bool ok = writeRow(record) && writeEntry(salvaged);
        if (ok && entry.operation == OutboxEntry::Operation::Delete) {
            QSqlQuery hide(QSqlDatabase::database(m_connectionName));
            hide.prepare(QStringLiteral("UPDATE opportunities SET local_deleted = 1 WHERE id = ?"));
            hide.addBindValue(entry.opportunityId);
            ok = hide.exec();
        }
        if (ok && transaction.commit())
            ++kept;
    }
    result.ok = true;
    result.recoveryMessage =
        tr("The local cache could not be read (%1). It was moved to %2 and a new one "
           "was created; %n pending edit(s) were kept. Everything else will be "
           "downloaded again at the next sync.",
           nullptr, kept)
            .arg(error, aside);
    return result;
}

bool LocalStore::openAt(const QString &path, QString *error)
{
    // A first sync writes every page of a large pipeline at random (UUID) positions: with a
    // cache that holds them, SQLite does not spill and re-read pages on every insert.
    if (!SqliteConnection::open(m_connectionName, path,
                                {QStringLiteral("PRAGMA cache_size=-32768"),
                                 QStringLiteral("PRAGMA temp.cache_size=-32768")},
                                error))
        return false;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next() ||
        query.value(0).toString() != QLatin1String("ok")) {
        *error =
            query.lastError().isValid() ? query.lastError().text() : tr("integrity check failed");
        return false;
    }
    query.finish();
    if (!migrate()) {
        *error = m_lastError;
        return false;
    }
    return true;
}

bool LocalStore::migrate()
{
    QString error;
    return SchemaMigrations::apply(m_connectionName, migrations(), &error) ||
           fail(QStringLiteral("schema"), error);
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

namespace {

// The record's own columns, in the order of dataColumns.
void bindData(QSqlQuery &query, const Opportunity &o)
{
    query.addBindValue(o.id);
    query.addBindValue(o.name);
    query.addBindValue(nullable(o.accountId));
    query.addBindValue(nullable(o.accountName));
    query.addBindValue(nullable(o.leadId));
    query.addBindValue(o.value);
    query.addBindValue(o.currency);
    query.addBindValue(Stages::id(o.stage));
    query.addBindValue(o.probability);
    query.addBindValue(nullable(
        o.expectedCloseDate.isValid() ? o.expectedCloseDate.toString(Qt::ISODate) : QString()));
    query.addBindValue(nullable(o.description));
    query.addBindValue(nullable(o.ownerId));
    query.addBindValue(o.isArchived ? 1 : 0);
    query.addBindValue(nullable(timestampText(o.createdAt)));
    query.addBindValue(nullable(timestampText(o.updatedAt)));
}

const QString dataColumns = QStringLiteral(
    "id, name, account_id, account_name, lead_id, value, currency, stage, probability,"
    " expected_close_date, description, owner_id, is_archived, created_at, updated_at");

} // namespace

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
            " idempotency_key = ?, attempts = ?, last_error = ? WHERE sequence = ?"));
    } else {
        query.prepare(
            QStringLiteral("INSERT INTO outbox (opportunity_id, operation, fields, idempotency_key,"
                           " attempts, last_error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    }
    query.addBindValue(entry.opportunityId);
    query.addBindValue(operationName(entry.operation));
    query.addBindValue(entry.fields.toInt());
    query.addBindValue(nullable(entry.idempotencyKey));
    query.addBindValue(entry.attempts);
    query.addBindValue(nullable(entry.lastError));
    if (entry.sequence > 0)
        query.addBindValue(entry.sequence);
    else
        query.addBindValue(timestampText(QDateTime::currentDateTimeUtc()));
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
    if (!writeRow(record) || !writeEntry(entry) || !transaction.commit())
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
    // An entry already sent (attempts > 0) stays even when nothing seems left: its request may
    // land, and completeEntry() then sends back what differs from it.
    const bool nothingLeft = entry->operation == OutboxEntry::Operation::Update && !entry->fields &&
                             entry->attempts == 0;
    if (record->state != SyncState::Conflict)
        record->state = nothingLeft ? SyncState::Synced : SyncState::Pending;
    record->syncError.clear();
    entry->lastError.clear();
    const bool written =
        writeRow(*record) &&
        (nothingLeft ? (entry->sequence == 0 || removeEntry(entry->sequence)) : writeEntry(*entry));
    if (!written || !transaction.commit())
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
    if (entry && entry->operation == OutboxEntry::Operation::Create && entry->attempts > 0)
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
    if (!transaction.commit())
        return fail(QStringLiteral("deleting"), tr("cannot commit"));
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
    if (!written || !transaction.commit())
        return false;
    emit opportunitiesChanged({id});
    notifyOutbox();
    return true;
}

bool LocalStore::discardEdits(const QString &id)
{
    SqlTransaction transaction(m_connectionName);
    const auto entry = entryFor(id);
    if (entry && entry->attempts > 0 && entry->lastError.isEmpty())
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
    if (!transaction.commit())
        return fail(QStringLiteral("discarding"), tr("cannot commit"));
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
    if (!transaction.commit())
        return fail(QStringLiteral("retrying"), tr("cannot commit"));
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
    return transaction.commit() ||
           fail(QStringLiteral("staging a pulled page"), tr("cannot commit"));
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
    if (entry && entry->operation == OutboxEntry::Operation::Delete) {
        // Deleted here: the delete goes out against the newest version the server has, unless
        // the server changed the record since; then the user decides.
        const OpportunityFields serverChanged =
            cached->base ? OpportunityDiff::changedFields(*cached->base, server)
                         : OpportunityFields();
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
    const Opportunity base = cached->base.value_or(server);
    const OpportunityFields mine =
        entry ? entry->fields : OpportunityDiff::changedFields(base, cached->opportunity);
    const OpportunityFields theirs = OpportunityDiff::changedFields(base, server);
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
    if (!clear.exec(QStringLiteral("DELETE FROM pull_staging")) || !transaction.commit())
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
    if (!merge(server, etag, &changed) || !transaction.commit())
        return false;
    emit opportunitiesChanged(changed);
    notifyOutbox();
    return true;
}

bool LocalStore::recordServerDeleted(const QString &id)
{
    SqlTransaction transaction(m_connectionName);
    if (!markServerDeleted(id) || !transaction.commit())
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
    if (!transaction.commit())
        return fail(QStringLiteral("storing accounts"), tr("cannot commit"));
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
    query.prepare(QStringLiteral(
        "UPDATE outbox SET attempts = attempts + 1, sent_body = ? WHERE sequence = ?"));
    query.addBindValue(jsonText(body));
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
        if (!query.exec() || !writeEntry(next) || !transaction.commit())
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
        next.lastError.clear();
        written = writeEntry(next);
    } else if (written) {
        written = removeEntry(sequence);
    }
    if (!written || !transaction.commit())
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
    if (!removeRow(done->opportunityId) || !removeEntry(sequence) || !transaction.commit())
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
    if (!query.exec() || !transaction.commit())
        return fail(QStringLiteral("writing the outbox"), query.lastError().text());
    emit opportunitiesChanged({failed->opportunityId});
    notifyOutbox();
    return true;
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
