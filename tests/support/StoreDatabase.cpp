#include "StoreDatabase.h"

#include <QUuid>

Result<std::unique_ptr<StoreDatabase>> StoreDatabase::create()
{
    std::unique_ptr<StoreDatabase> database(new StoreDatabase);
    if (PostgresTestDatabase::requested()) {
        auto created = PostgresTestDatabase::create();
        if (!created)
            return Failure{created.error()};
        database->m_postgres = *created;
    } else if (!database->m_dir.isValid()) {
        return Failure{QStringLiteral("no temporary folder: ") + database->m_dir.errorString()};
    }
    return database;
}

Result<std::unique_ptr<StoreDatabase>> StoreDatabase::createWithStore(const QString &connectionName)
{
    auto created = create();
    if (!created)
        return created;
    if (const Status opened = (*created)->openStore(connectionName); !opened)
        return Failure{opened.error()};
    return created;
}

StoreDatabase::~StoreDatabase() = default;

DatabaseLocation StoreDatabase::location() const
{
    if (!m_postgres)
        return DatabaseLocation::sqlite(m_dir.filePath(QStringLiteral("server.db")));
    DatabaseLocation location = DatabaseLocation::parse(m_postgres->url()).value();
    location.password = m_postgres->password();
    return location;
}

Status StoreDatabase::openStore(const QString &connectionName)
{
    m_store.reset();
    m_store = std::make_unique<ServerStore>(connectionName);
    return m_store->open(location());
}

Status StoreDatabase::restart()
{
    const QString connectionName = m_store->connectionName();
    return openStore(connectionName);
}

QString StoreDatabase::addAccount(const QString &name, const QString &status)
{
    Account account;
    account.id = newId();
    account.name = name;
    account.status = status;
    account.createdAt = m_store->nextTimestamp();
    if (const Status inserted = m_store->insertAccount(account); !inserted)
        qFatal("insertAccount: %s", qPrintable(inserted.error()));
    return account.id;
}

Opportunity StoreDatabase::addOpportunity(const QString &name, Stage stage,
                                          const QString &accountId, const QString &ownerId)
{
    Opportunity o;
    o.id = newId();
    o.name = name;
    o.stage = stage;
    o.accountId = accountId;
    o.ownerId = ownerId;
    o.value = 1000;
    o.createdAt = o.updatedAt = m_store->nextTimestamp();
    Status written = m_store->insertOpportunity(o);
    if (written)
        written = m_store->insertUpdate(
            o.id, {newId(), o.createdAt, ownerId, {{QStringLiteral("name"), QJsonValue(), name}}});
    if (!written)
        qFatal("addOpportunity: %s", qPrintable(written.error()));
    return o;
}

ServerStore::Page<Opportunity> StoreDatabase::list(const OpportunityFilter &filter, int page,
                                                   int pageSize)
{
    const auto result = m_store->listOpportunities(filter, page, pageSize);
    if (!result)
        qFatal("list: %s", qPrintable(result.error()));
    return *result;
}

QString StoreDatabase::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QStringList StoreDatabase::names(const QList<Opportunity> &opportunities)
{
    QStringList result;
    for (const Opportunity &opportunity : opportunities)
        result.append(opportunity.name);
    return result;
}
