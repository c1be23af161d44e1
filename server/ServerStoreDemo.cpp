// ServerStore, the demo loader: many generated records in one transaction, indexes built after.
#include "ServerRows.h"
#include "ServerStore.h"
#include "SqlTransaction.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace ServerRows;

bool ServerStore::insertDemo(const QList<Account> &accounts,
                             const QList<Opportunity> &opportunities,
                             const QList<OpportunityUpdate> &creations)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    // A bulk load is several times faster without indexes and triggers: set them aside, load,
    // and build them again in one pass each. Pages of a new database need no WAL either.
    QStringList deferred;
    QSqlQuery schema(db);
    if (!schema.exec(QStringLiteral("SELECT name, type, sql FROM sqlite_master"
                                    " WHERE type IN ('index', 'trigger') AND sql IS NOT NULL")))
        return fail(QStringLiteral("preparing the demo load"), schema.lastError().text());
    QStringList drops;
    while (schema.next()) {
        drops.append(QStringLiteral("DROP %1 %2")
                         .arg(schema.value(1).toString().toUpper(), schema.value(0).toString()));
        deferred.append(schema.value(2).toString());
    }
    schema.finish();
    deferred.append(
        QStringLiteral("INSERT INTO opportunity_names (opportunity_names) VALUES ('rebuild')"));
    const QStringList setUp = QStringList{QStringLiteral("PRAGMA journal_mode=DELETE"),
                                          QStringLiteral("PRAGMA cache_size=-262144")} +
                              drops;
    const QStringList tearDown = QStringList{QStringLiteral("PRAGMA journal_mode=WAL"),
                                             QStringLiteral("PRAGMA cache_size=-65536")};
    const auto run = [&](const QStringList &statements) {
        QSqlQuery query(db);
        for (const QString &statement : statements) {
            if (!query.exec(statement))
                return fail(QStringLiteral("loading demo data"), query.lastError().text());
            query.finish();
        }
        return true;
    };
    if (!run(setUp.mid(0, 2)))
        return false;
    bool loaded = false;
    {
        // Dropping, loading and rebuilding are one transaction: a crash or kill part-way
        // leaves the database as it was, indexes included.
        SqlTransaction transaction(m_connectionName);
        loaded = run(setUp.mid(2)) && insertDemoRows(accounts, opportunities, creations) &&
                 run(deferred) && transaction.commit();
    }
    return run(tearDown) && loaded;
}

bool ServerStore::insertDemoRows(const QList<Account> &accounts,
                                 const QList<Opportunity> &opportunities,
                                 const QList<OpportunityUpdate> &creations)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    {
        QSqlQuery accountQuery(db);
        accountQuery.prepare(insertAccountSql);
        for (const Account &account : accounts) {
            bindAccount(accountQuery, account);
            if (!accountQuery.exec())
                return fail(QStringLiteral("creating demo accounts"),
                            accountQuery.lastError().text());
        }
        QSqlQuery opportunityQuery(db);
        opportunityQuery.prepare(insertOpportunitySql);
        QSqlQuery updateQuery(db);
        updateQuery.prepare(insertUpdateSql);
        for (qsizetype i = 0; i < opportunities.size(); ++i) {
            const Opportunity &opportunity = opportunities.at(i);
            bindOpportunity(opportunityQuery, opportunity);
            if (!opportunityQuery.exec())
                return fail(QStringLiteral("creating demo opportunities"),
                            opportunityQuery.lastError().text());
            m_lastTimestamp =
                std::max({m_lastTimestamp, opportunity.createdAt, opportunity.updatedAt});
            bindUpdate(updateQuery, opportunity.id, creations.at(i));
            if (!updateQuery.exec())
                return fail(QStringLiteral("creating demo history"),
                            updateQuery.lastError().text());
        }
    }
    invalidateCounts();
    return true;
}
