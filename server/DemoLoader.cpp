#include "DemoLoader.h"

#include "ServerRows.h"
#include "ServerSchema.h"
#include "ServerStore.h"
#include "SqlTransaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace {

Failure failed(const QString &what, const QSqlQuery &query)
{
    return Failure{what + QStringLiteral(": ") + query.lastError().text()};
}

// Each batch is one statement with one parameter, :rows, a JSON array of rows, so that a round
// trip carries thousands of rows rather than one.
QString batchInsertSql(const QString &table, const QString &columns)
{
    return QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM json_populate_recordset(CAST(NULL AS"
                          " %1), :rows)")
        .arg(table, columns);
}

Status insertBatch(QSqlQuery &query, const QJsonArray &rows, const QString &what)
{
    query.bindValue(QStringLiteral(":rows"),
                    QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)));
    if (!query.exec())
        return failed(what, query);
    return {};
}

} // namespace

DemoLoader::DemoLoader(ServerStore &store)
    : m_store(store)
{}

Status DemoLoader::load(const DemoData &demo)
{
    return m_store.backend() == DatabaseLocation::Backend::Postgres ? loadPostgres(demo)
                                                                    : loadSqlite(demo);
}

Status DemoLoader::loadPostgres(const DemoData &demo)
{
    const QString connectionName = m_store.connectionName();
    QSqlDatabase db = QSqlDatabase::database(connectionName);
    const auto run = [&](const QString &statement) -> Status {
        QSqlQuery query(db);
        if (!query.exec(statement))
            return failed(QStringLiteral("loading demo data"), query);
        return {};
    };
    SqlTransaction transaction(connectionName);
    // Indexes are built once after the load rather than row by row (the trigram index, the
    // filters' and the feed's: about twice as fast in all); keys and unique constraints stay, and
    // so do the triggers, which fill each row's search text as it is inserted.
    QSqlQuery indexes(db);
    if (!indexes.exec(QStringLiteral("SELECT indexname, indexdef FROM pg_indexes"
                                     " WHERE schemaname = current_schema() AND indexname NOT IN"
                                     " (SELECT conname FROM pg_constraint)")))
        return failed(QStringLiteral("preparing the demo load"), indexes);
    QStringList rebuilds;
    Status loaded;
    while (loaded && indexes.next()) {
        rebuilds.append(indexes.value(1).toString());
        loaded = run(QStringLiteral("DROP INDEX ") + indexes.value(0).toString());
    }
    indexes.finish();
    if (loaded)
        loaded = insertAccounts(demo);
    if (loaded)
        loaded = insertRecordBatches(demo);
    for (qsizetype i = 0; loaded && i < rebuilds.size(); ++i)
        loaded = run(rebuilds.at(i));
    if (loaded)
        loaded = m_store.changes().recordAll();
    if (loaded && !transaction.commit())
        loaded = Failure{QStringLiteral("loading demo data: ") + transaction.error()};
    if (loaded) {
        // Fresh statistics, so that the first lists and searches are planned well.
        for (const QString &table :
             {QStringLiteral("opportunities"), QStringLiteral("opportunity_updates"),
              QStringLiteral("accounts"), QStringLiteral("changes")}) {
            if (const Status analysed = run(QStringLiteral("ANALYZE ") + table); !analysed)
                return analysed;
        }
    }
    return loaded;
}

Status DemoLoader::insertRecordBatches(const DemoData &demo)
{
    QSqlDatabase db = QSqlDatabase::database(m_store.connectionName());
    QSqlQuery opportunities(db);
    opportunities.prepare(
        batchInsertSql(QStringLiteral("opportunities"), ServerRows::opportunityRecordColumns));
    QSqlQuery updates(db);
    updates.prepare(
        batchInsertSql(QStringLiteral("opportunity_updates"), ServerRows::updateRecordColumns));
    constexpr qsizetype batchSize = 2000;
    for (qsizetype first = 0; first < demo.opportunities.size(); first += batchSize) {
        QJsonArray opportunityRows;
        QJsonArray updateRows;
        const qsizetype end = std::min(first + batchSize, demo.opportunities.size());
        for (qsizetype i = first; i < end; ++i) {
            const Opportunity &opportunity = demo.opportunities.at(i);
            opportunityRows.append(ServerRows::opportunityRecord(opportunity));
            updateRows.append(ServerRows::updateRecord(opportunity.id, demo.creations.at(i)));
            m_store.keepAfter(std::max(opportunity.createdAt, opportunity.updatedAt));
        }
        if (const Status inserted = insertBatch(opportunities, opportunityRows,
                                                QStringLiteral("creating demo opportunities"));
            !inserted)
            return inserted;
        if (const Status inserted =
                insertBatch(updates, updateRows, QStringLiteral("creating demo history"));
            !inserted)
            return inserted;
    }
    m_store.invalidateCounts();
    return {};
}

Status DemoLoader::insertAccounts(const DemoData &demo)
{
    QSqlQuery accountQuery(QSqlDatabase::database(m_store.connectionName()));
    accountQuery.prepare(ServerRows::insertAccountSql);
    for (const Account &account : demo.accounts) {
        ServerRows::bindAccount(accountQuery, account);
        if (!accountQuery.exec())
            return failed(QStringLiteral("creating demo accounts"), accountQuery);
    }
    return {};
}

Status DemoLoader::loadSqlite(const DemoData &demo)
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
    if (const Status accounts = insertAccounts(demo); !accounts)
        return accounts;
    QSqlDatabase db = QSqlDatabase::database(m_store.connectionName());
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
