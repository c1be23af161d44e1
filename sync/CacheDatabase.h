#pragma once

#include "Result.h"

#include <QString>
#include <QVariantList>
#include <map>
#include <memory>

class QSqlQuery;
class SqlTransaction;

// The cache file: its connection, opening and migrating it, telling damage from a file that
// cannot be used right now, and salvaging a damaged one. The other parts of the cache run their
// statements through it.
class CacheDatabase final
{
public:
    struct OpenResult
    {
        bool ok = false;
        // Set when the file was unreadable and moved aside; says where and what was kept.
        QString recoveryMessage;
        QString error;
    };

    // When the integrity check (SQLite's quick_check, which reads every page) runs.
    enum class Check
    {
        // Before the file is used: damage found takes the recovery at once.
        BeforeUse,
        // By the caller, beside the use (DeferredCheck), then recoverFromDamage() on damage.
        Deferred,
    };

    CacheDatabase();
    ~CacheDatabase();
    CacheDatabase(const CacheDatabase &) = delete;
    CacheDatabase &operator=(const CacheDatabase &) = delete;

    // A corrupt file is moved aside and a fresh one built, keeping the pending edits that can
    // still be read. A file that cannot be used for another reason (a full disk, permissions, a
    // lock, a newer schema) is left untouched and nothing is opened.
    OpenResult open(const QString &path, Check check = Check::BeforeUse);
    // Damage found after the open (`damage` says what): the recovery an open finding it takes.
    // The connection is closed first; without `ok`, nothing is open any more.
    OpenResult recoverFromDamage(const QString &damage);
    QString path() const { return m_path; }
    QString connectionName() const { return m_connectionName; }

    // A query on the connection, for one use.
    QSqlQuery query() const;
    // A statement prepared once per connection and reused (the hot paths: rows, staged pages).
    QSqlQuery &prepared(const QString &sql);
    // Prepares `sql`, binds `values` in order and runs it.
    Status exec(const QString &what, const QString &sql, const QVariantList &values = {}) const;
    // Commits, or says why it could not.
    Status commit(SqlTransaction &transaction) const;
    // "what: why", the form every error of the cache takes.
    static Failure failure(const QString &what, const QString &error);
    // What the user reads about a file that is sound or unknown but cannot be used now (a full
    // disk, permissions, a lock): SQLite's result code and the driver's words say why.
    static QString unusableText(const QString &path, int sqliteCode, const QString &driverText);
    // What the user reads when the open cache's deferred integrity check could not run: the cache
    // stays in use, but nothing syncs into it until a later start checks it.
    static QString uncheckedText(const QString &path, int sqliteCode, const QString &driverText);

private:
    struct OpenProblem
    {
        enum class Kind
        {
            // Damaged: moved aside, and what can be read is salvaged.
            Corrupt,
            // Sound, but written by a newer kashew.
            NewerSchema,
            // Sound or unknown, but not usable now (a full disk, permissions, a lock).
            Unusable,
        };
        Kind kind = Kind::Unusable;
        QString text;
    };
    bool openAt(const QString &path, Check when, OpenProblem *problem);
    OpenResult salvage(const QString &path, const QString &damage);
    void close();

    std::map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    QString m_connectionName;
    QString m_path;
};
