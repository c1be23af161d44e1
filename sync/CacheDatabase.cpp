#include "CacheDatabase.h"

#include "CacheSalvage.h"
#include "CacheSchema.h"
#include "IntegrityCheck.h"
#include "Outbox.h"
#include "RecordTable.h"
#include "SchemaMigrations.h"
#include "SqlTransaction.h"
#include "SqliteConnection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <atomic>

namespace {

std::atomic<int> connectionCounter{0};

// What a failure to open means to the user, before the driver's own words.
QString describe(int sqliteCode, const QString &driverText)
{
    QString reason;
    switch (sqliteCode) {
    case 13: // SQLITE_FULL
        reason = QCoreApplication::translate("LocalStore", "no space left on the disk");
        break;
    case 10: // SQLITE_IOERR
        reason = QCoreApplication::translate("LocalStore",
                                             "the disk could not be read or written (is it full?)");
        break;
    case 3:  // SQLITE_PERM
    case 8:  // SQLITE_READONLY
    case 14: // SQLITE_CANTOPEN
    case 23: // SQLITE_AUTH
        reason = QCoreApplication::translate("LocalStore",
                                             "the file or its folder may not be opened or written");
        break;
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        reason = QCoreApplication::translate("LocalStore", "another program holds it locked");
        break;
    default:
        return driverText;
    }
    return reason + QStringLiteral(" (") + driverText + QLatin1Char(')');
}

QString cannotBeUsed(const QString &path, const QString &why)
{
    return QCoreApplication::translate("LocalStore",
                                       "The local cache %1 cannot be opened: %2. It was left as "
                                       "it is; nothing was changed.")
        .arg(path, why);
}

} // namespace

QString CacheDatabase::unusableText(const QString &path, int sqliteCode, const QString &driverText)
{
    return cannotBeUsed(path, describe(sqliteCode, driverText));
}

QString CacheDatabase::uncheckedText(const QString &path, int sqliteCode, const QString &driverText)
{
    return QCoreApplication::translate("LocalStore",
                                       "The local cache %1 could not be checked for damage: %2. "
                                       "You can keep working; your changes stay on this computer "
                                       "and nothing is synced until kashew is started again and "
                                       "the check passes.")
        .arg(path, describe(sqliteCode, driverText));
}

CacheDatabase::CacheDatabase()
    : m_connectionName(QStringLiteral("kashew-cache-%1").arg(++connectionCounter))
{}

CacheDatabase::~CacheDatabase()
{
    close();
}

void CacheDatabase::close()
{
    m_statements.clear(); // before the connection goes
    SqliteConnection::close(m_connectionName);
}

QSqlQuery CacheDatabase::query() const
{
    return QSqlQuery(QSqlDatabase::database(m_connectionName));
}

QSqlQuery &CacheDatabase::prepared(const QString &sql)
{
    std::unique_ptr<QSqlQuery> &statement = m_statements[sql];
    if (!statement) {
        statement = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connectionName));
        statement->prepare(sql);
    }
    return *statement;
}

Status CacheDatabase::exec(const QString &what, const QString &sql,
                           const QVariantList &values) const
{
    QSqlQuery statement = query();
    statement.prepare(sql);
    for (const QVariant &value : values)
        statement.addBindValue(value);
    if (!statement.exec())
        return failure(what, statement.lastError().text());
    return {};
}

Status CacheDatabase::commit(SqlTransaction &transaction) const
{
    if (!transaction.commit())
        return failure(QStringLiteral("saving"), transaction.error());
    return {};
}

Failure CacheDatabase::failure(const QString &what, const QString &error)
{
    return Failure{what + QStringLiteral(": ") + error};
}

CacheDatabase::OpenResult CacheDatabase::open(const QString &path, Check check)
{
    OpenResult result;
    m_path = path;
    // A cache cut to nothing opens as an empty database: say so rather than start over silently.
    const bool emptyFile = QFileInfo::exists(path) && QFileInfo(path).size() == 0 &&
                           QFileInfo(path + QStringLiteral("-wal")).size() == 0;
    OpenProblem problem;
    if (openAt(path, check, &problem)) {
        result.ok = true;
        if (emptyFile)
            result.recoveryMessage =
                QCoreApplication::translate(
                    "LocalStore",
                    "The local cache %1 was an empty file (it was cut short or damaged); nothing "
                    "pending could be kept. Everything will be downloaded again at the next sync.")
                    .arg(path);
        return result;
    }
    close();
    switch (problem.kind) {
    case OpenProblem::Kind::NewerSchema:
        // Not damaged, only newer than this program: leave it alone.
        result.error = QCoreApplication::translate("LocalStore",
                                                   "The cache %1 was written by a newer kashew: %2")
                           .arg(path, problem.text);
        return result;
    case OpenProblem::Kind::Unusable:
        // A full disk, a permission or a lock is not damage: the file stays as it is.
        result.error = cannotBeUsed(path, problem.text);
        return result;
    case OpenProblem::Kind::Corrupt:
        break;
    }
    return salvage(path, problem.text);
}

CacheDatabase::OpenResult CacheDatabase::recoverFromDamage(const QString &damage)
{
    close(); // the file moves aside: no connection may stay on it
    return salvage(m_path, damage);
}

CacheDatabase::OpenResult CacheDatabase::salvage(const QString &path, const QString &damage)
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
                QCoreApplication::translate(
                    "LocalStore", "The cache %1 cannot be read (%2) and cannot be moved aside.")
                    .arg(path, damage);
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
    if (!openAt(path, Check::BeforeUse, &fresh)) {
        result.error =
            QCoreApplication::translate("LocalStore", "Cannot create a new cache at %1: %2")
                .arg(path, fresh.text);
        return result;
    }
    RecordTable records(*this);
    Outbox outbox(*this);
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
        bool ok = records.write(record) && outbox.write(copy);
        if (ok && entry.operation == OutboxEntry::Operation::Delete)
            ok = bool(records.setHidden(entry.opportunityId, true, record.state));
        if (ok && commit(transaction))
            ++kept;
    }
    const int lost = static_cast<int>(salvaged.entries.size()) - kept;
    QStringList sentences{
        QCoreApplication::translate("LocalStore", "The local cache could not be read (%1). It was "
                                                  "moved to %2 and a new one was created.")
            .arg(damage, aside),
        QCoreApplication::translate("LocalStore", "%n pending edit(s) were kept.", nullptr, kept)};
    if (lost > 0)
        sentences.append(QCoreApplication::translate(
            "LocalStore", "%n pending edit(s) could not be read and are lost.", nullptr, lost));
    if (salvaged.outboxDamaged || !salvaged.error.isEmpty())
        sentences.append(QCoreApplication::translate(
            "LocalStore",
            "Part of the list of pending edits was damaged: edits stored there are lost."));
    sentences.append(QCoreApplication::translate(
        "LocalStore", "Everything else will be downloaded again at the next sync."));
    result.ok = true;
    result.recoveryMessage = sentences.join(QLatin1Char(' '));
    return result;
}

bool CacheDatabase::openAt(const QString &path, Check when, OpenProblem *problem)
{
    const auto failed = [problem](int code, const QString &text) {
        problem->kind = IntegrityCheck::isDamage(code) ? OpenProblem::Kind::Corrupt
                                                       : OpenProblem::Kind::Unusable;
        problem->text = describe(code, text);
        return false;
    };
    QString error;
    int code = 0;
    if (!SqliteConnection::open(m_connectionName, path, {}, &error, &code))
        return failed(code, error);
    if (when == Check::BeforeUse) {
        const IntegrityCheck::Outcome outcome = IntegrityCheck::run(m_connectionName);
        if (outcome.kind == IntegrityCheck::Outcome::Kind::Unchecked)
            return failed(outcome.sqliteCode, outcome.text);
        if (outcome.kind == IntegrityCheck::Outcome::Kind::Damaged) {
            problem->kind = OpenProblem::Kind::Corrupt;
            problem->text = outcome.text;
            return false;
        }
    }
    QSqlQuery check = query();
    // SQLite's default page cache (2 MB), said here so no other size lingers: a larger one fills
    // with every page a bulk change writes and keeps them, the process's peak memory with them
    // (32 MB more at 100,000 deals); pages read again come from the OS's page cache.
    for (const QString &pragma : {QStringLiteral("PRAGMA cache_size=-2000"),
                                  QStringLiteral("PRAGMA temp.cache_size=-2000")}) {
        if (!check.exec(pragma))
            return failed(SqliteConnection::resultCode(check.lastError()),
                          check.lastError().text());
    }
    check.finish();
    bool tooNew = false;
    if (!SchemaMigrations::apply(m_connectionName, CacheSchema::migrations(), &error, &tooNew)) {
        problem->kind = tooNew ? OpenProblem::Kind::NewerSchema : OpenProblem::Kind::Unusable;
        problem->text = error;
        return false;
    }
    return true;
}
