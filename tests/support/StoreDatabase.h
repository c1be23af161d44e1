#pragma once

#include "DatabaseLocation.h"
#include "Opportunity.h"
#include "OpportunityFilter.h"
#include "PostgresTestDatabase.h"
#include "Result.h"
#include "ServerStore.h"

#include <QTemporaryDir>
#include <memory>

// An empty database for a ServerStore under test, on the run's backend: an SQLite file in a
// temporary folder, or, when KASHEW_TEST_BACKEND=postgresql (the *_pg registrations), a fresh
// database in the test cluster (PostgresTestDatabase), dropped with this object. Opening it again
// (a restart) finds what was written. With a store open, it writes and lists as the API does, for
// the storage tests' fixtures.
class StoreDatabase final
{
public:
    static Result<std::unique_ptr<StoreDatabase>> create();
    // A new database with a store open on it, named `connectionName`.
    static Result<std::unique_ptr<StoreDatabase>> createWithStore(const QString &connectionName);
    ~StoreDatabase();
    StoreDatabase(const StoreDatabase &) = delete;
    StoreDatabase &operator=(const StoreDatabase &) = delete;

    bool isPostgres() const { return m_postgres != nullptr; }
    // Where ServerStore::open() finds it, with the password on PostgreSQL.
    DatabaseLocation location() const;

    // Opens a ServerStore on the database as kashew-server does; one already open is closed
    // first.
    Status openStore(const QString &connectionName);
    // Closes the store and opens it again under the same name, as a restarted server does.
    Status restart();
    // The open store; only after openStore() succeeded.
    ServerStore &store() const { return *m_store; }

    // The helpers below end the run (qFatal) on a storage failure: a test has no use for the
    // values it would get instead.
    // An account, as POST /accounts makes one.
    QString addAccount(const QString &name, const QString &status = QStringLiteral("Active"));
    // As POST /opportunities does: a fresh id, the store's next timestamp, a creation entry in
    // the history.
    Opportunity addOpportunity(const QString &name, Stage stage = Stage::Prospecting,
                               const QString &accountId = QString(),
                               const QString &ownerId = QStringLiteral("owner-a"));
    ServerStore::Page<Opportunity> list(const OpportunityFilter &filter = {}, int page = 1,
                                        int pageSize = 500);

    static QString newId();
    static QStringList names(const QList<Opportunity> &opportunities);

private:
    StoreDatabase() = default;

    QTemporaryDir m_dir;
    std::shared_ptr<PostgresTestDatabase> m_postgres;
    // Declared last: closed before the database is dropped.
    std::unique_ptr<ServerStore> m_store;
};
