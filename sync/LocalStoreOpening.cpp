// LocalStore, the cache file: its schema and migrations, opening it, telling damage from a
// file that cannot be used right now, and salvaging a damaged one.
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
        },
        {
            // The version of the record each history was fetched for: a history older than its
            // record is fetched again. Histories kept before (NULL) count as older.
            QStringLiteral("ALTER TABLE opportunity_updates ADD COLUMN record_version TEXT"),
        }};
    return steps;
}

} // namespace

int LocalStore::schemaVersion()
{
    return static_cast<int>(migrations().size());
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
