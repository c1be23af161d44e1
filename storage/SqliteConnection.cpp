#include "SqliteConnection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace {

constexpr QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner;

// Makes the missing folders on the way to `folder`, each its owner's alone (0700); folders that
// exist are left as they are.
bool makePrivateFolders(const QString &folder, QString *error)
{
    QStringList missing;
    for (QString current = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
         !QFileInfo::exists(current); current = QFileInfo(current).path()) {
        missing.prepend(current);
        if (QFileInfo(current).path() == current)
            break;
    }
    for (const QString &path : std::as_const(missing)) {
        if (!QDir().mkdir(path, ownerOnly | QFile::ExeOwner) && !QFileInfo(path).isDir()) {
            *error = QStringLiteral("cannot create the folder %1").arg(path);
            return false;
        }
    }
    return true;
}

// A new database file is created empty, readable and writable by its owner only (0600), before
// SQLite opens it: SQLite gives the -wal and -shm files it makes the database file's
// permissions. An existing file keeps the permissions it has.
bool createPrivateFile(const QString &path, QString *error)
{
    if (path.isEmpty() || path == QLatin1String(":memory:") || QFileInfo::exists(path))
        return true;
    if (!makePrivateFolders(QFileInfo(path).absolutePath(), error))
        return false;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly) &&
        !QFileInfo::exists(path)) {
        *error = QStringLiteral("cannot create %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

namespace SqliteConnection {

sqlite3 *handle(const QString &connectionName)
{
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    const QVariant handle = db.isValid() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

int resultCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? code & 0xff : 0;
}

bool open(const QString &connectionName, const QString &path, const QStringList &extraPragmas,
          QString *error, int *sqliteCode)
{
    const auto failWith = [&](const QSqlError &sqlError) {
        *error = sqlError.text();
        if (sqliteCode)
            *sqliteCode = resultCode(sqlError);
        return false;
    };
    if (!createPrivateFile(path, error))
        return false;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return failWith(db.lastError());
    QSqlQuery query(db);
    const QStringList pragmas = QStringList{QStringLiteral("PRAGMA journal_mode=WAL"),
                                            QStringLiteral("PRAGMA foreign_keys=ON"),
                                            QStringLiteral("PRAGMA synchronous=NORMAL")} +
                                extraPragmas;
    for (const QString &statement : pragmas) {
        if (!query.exec(statement))
            return failWith(query.lastError());
        query.finish();
    }
    return true;
}

void close(const QString &connectionName)
{
    if (!QSqlDatabase::contains(connectionName))
        return;
    QSqlDatabase::database(connectionName, false).close();
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace SqliteConnection
