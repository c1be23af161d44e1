#include "DemoLoader.h"

#include "ServerRows.h"
#include "ServerSchema.h"
#include "ServerStore.h"
#include "SqlTransaction.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace {

Failure failed(const QString &what, const QSqlQuery &query)
{
    return Failure{what + QStringLiteral(": ") + query.lastError().text()};
}

} // namespace

DemoLoader::DemoLoader(ServerStore &store)
    : m_store(store)
{}

Status DemoLoader::load(const DemoData &demo)
{
    const QString connectionName = m_store.connectionName();
    QSqlDatabase db = QSqlDatabase::database(connectionName);
    // A bulk load is several times faster without indexes and triggers: set them aside, load,
    // and build them again in one pass each. Pages of a new database need no WAL either.
    QStringList deferred;
    QSqlQuery schema(db);
    if (!schema.exec(QStringLiteral("SELECT name, type, sql FROM sqlite_master"
                                    " WHERE type IN ('index', 'trigger') AND sql IS NOT NULL")))
        return failed(QStringLiteral("preparing the demo load"), schema);
    QStringList drops;
    while (schema.next()) {
        drops.append(QStringLiteral("DROP %1 %2")
                         .arg(schema.value(1).toString().toUpper(), schema.value(0).toString()));
        deferred.append(schema.value(2).toString());
    }
    schema.finish();
    // The searchable texts before the triggers return (they would index row by row), then
    // their index in one pass.
    deferred.prepend(ServerSchema::fillSearchText());
    deferred.append(ServerSchema::rebuildSearchIndex());
    const QStringList setUp = QStringList{QStringLiteral("PRAGMA journal_mode=DELETE"),
                                          QStringLiteral("PRAGMA cache_size=-262144")} +
                              drops;
    const QStringList tearDown = QStringList{QStringLiteral("PRAGMA journal_mode=WAL"),
                                             QStringLiteral("PRAGMA cache_size=-65536")};
    const auto run = [&](const QStringList &statements) -> Status {
        QSqlQuery query(db);
        for (const QString &statement : statements) {
            if (!query.exec(statement))
                return failed(QStringLiteral("loading demo data"), query);
            query.finish();
        }
        return {};
    };
    if (Status prepared = run(setUp.mid(0, 2)); !prepared)
        return prepared;
    Status loaded;
    {
        // Dropping, loading and rebuilding are one transaction: a crash or kill part-way
        // leaves the database as it was, indexes included.
        SqlTransaction transaction(connectionName);
        loaded = run(setUp.mid(2));
        if (loaded)
            loaded = insertRows(demo);
        if (loaded)
            loaded = run(deferred);
        if (loaded)
            loaded = m_store.changes().recordAll();
        if (loaded && !transaction.commit())
            loaded = Failure{QStringLiteral("loading demo data: ") + transaction.error()};
    }
    const Status restored = run(tearDown);
    return !loaded ? loaded : restored;
}

Status DemoLoader::insertRows(const DemoData &demo)
{
    QSqlDatabase db = QSqlDatabase::database(m_store.connectionName());
    QSqlQuery accountQuery(db);
    accountQuery.prepare(ServerRows::insertAccountSql);
    for (const Account &account : demo.accounts) {
        ServerRows::bindAccount(accountQuery, account);
        if (!accountQuery.exec())
            return failed(QStringLiteral("creating demo accounts"), accountQuery);
    }
    QSqlQuery opportunityQuery(db);
    opportunityQuery.prepare(ServerRows::insertOpportunitySql);
    QSqlQuery updateQuery(db);
    updateQuery.prepare(ServerRows::insertUpdateSql);
    for (qsizetype i = 0; i < demo.opportunities.size(); ++i) {
        const Opportunity &opportunity = demo.opportunities.at(i);
        ServerRows::bindOpportunity(opportunityQuery, opportunity);
        if (!opportunityQuery.exec())
            return failed(QStringLiteral("creating demo opportunities"), opportunityQuery);
        m_store.keepAfter(std::max(opportunity.createdAt, opportunity.updatedAt));
        ServerRows::bindUpdate(updateQuery, opportunity.id, demo.creations.at(i));
        if (!updateQuery.exec())
            return failed(QStringLiteral("creating demo history"), updateQuery);
    }
    m_store.invalidateCounts();
    return {};
}
