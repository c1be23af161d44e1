#include "OpportunityListing.h"

#include "ChangeLog.h"
#include "ServerRows.h"
#include "SqlWhere.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// The WHERE clause of a filter (the table named "o"); `stageIds` sorted.
SqlWhere whereOf(const OpportunityFilter &filter, const QString &search,
                 const QStringList &stageIds, bool postgres)
{
    SqlWhere where(QStringLiteral("o.is_archived = :archived"), QStringLiteral(":archived"),
                   filter.archived ? 1 : 0);
    where.addIn(QStringLiteral("o.stage"), QStringLiteral(":stage"), stageIds);
    if (!filter.accountId.isEmpty())
        where.add(QStringLiteral("o.account_id = :account"), QStringLiteral(":account"),
                  filter.accountId);
    if (!filter.ownerId.isEmpty())
        where.add(QStringLiteral("o.owner_id = :owner"), QStringLiteral(":owner"), filter.ownerId);
    if (search.toUcs4().size() >= 3 && postgres) {
        // Trigrams match substrings of the name and account name (search_folded): LIKE with the
        // search's own %, _ and \ escaped goes through the GIN index of pg_trgm.
        QString pattern = search;
        pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        where.add(QStringLiteral("o.search_folded LIKE :search"), QStringLiteral(":search"),
                  QString(QLatin1Char('%') + pattern + QLatin1Char('%')));
    } else if (search.toUcs4().size() >= 3) {
        // Trigram phrases match substrings of the name and account name (search_folded). Drive the
        // query from the few matches: "+" keeps SQLite from walking the whole archived index
        // instead.
        where.clause.prepend(QLatin1Char('+'));
        QString phrase = search;
        phrase.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        where.add(QStringLiteral("o.seq IN (SELECT rowid FROM opportunity_search"
                                 " WHERE opportunity_search MATCH :search)"),
                  QStringLiteral(":search"), QString(QLatin1Char('"') + phrase + QLatin1Char('"')));
    } else if (!search.isEmpty()) {
        // Too short for trigrams: a scan, which still stops at the page's end.
        where.add(postgres ? QStringLiteral("strpos(o.search_folded, :search) > 0")
                           : QStringLiteral("instr(o.search_folded, :search) > 0"),
                  QStringLiteral(":search"), search);
    }
    return where;
}

} // namespace

OpportunityListing::OpportunityListing(const QString &connectionName)
    : m_connectionName(connectionName)
{}

// Out of line: QSqlQuery is complete only here.
OpportunityListing::~OpportunityListing() = default;

void OpportunityListing::forgetStatements()
{
    m_statements.clear();
}

DatabaseLocation::Backend OpportunityListing::backend() const
{
    const QSqlDriver *driver = QSqlDatabase::database(m_connectionName, false).driver();
    return driver && driver->dbmsType() == QSqlDriver::PostgreSQL
               ? DatabaseLocation::Backend::Postgres
               : DatabaseLocation::Backend::Sqlite;
}

QSqlQuery *OpportunityListing::prepared(const QString &sql, QString *error)
{
    if (const auto found = m_statements.find(sql); found != m_statements.end())
        return found->second.get();
    if (m_statements.size() >= 64) // not expected: filters come in few shapes
        m_statements.clear();
    auto query = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connectionName));
    query->setForwardOnly(true);
    if (!query->prepare(sql)) {
        *error = query->lastError().text();
        return nullptr;
    }
    return m_statements.emplace(sql, std::move(query)).first->second.get();
}

Result<qint64> OpportunityListing::count(const QString &key, const SqlWhere &where)
{
    // Remembered totals hold while the change clock stands: any write, in this process or
    // another on the same database, moves it before it commits.
    const Result<qint64> clock = ChangeLog(m_connectionName, backend()).current();
    if (!clock)
        return Failure{QStringLiteral("counting opportunities: ") + clock.error()};
    if (*clock != m_countClock) {
        m_countCache.clear();
        m_countClock = *clock;
    }
    if (const auto cached = m_countCache.constFind(key); cached != m_countCache.constEnd())
        return *cached;
    const QString sql =
        QStringLiteral("SELECT COUNT(*) FROM opportunities o WHERE ") + where.clause;
    QString error;
    QSqlQuery *count = prepared(sql, &error);
    if (!count)
        return Failure{QStringLiteral("counting opportunities: ") + error};
    where.bind(*count);
    if (!count->exec() || !count->next()) {
        error = count->lastError().text();
        m_statements.erase(sql); // prepared afresh next time
        return Failure{QStringLiteral("counting opportunities: ") + error};
    }
    const qint64 total = count->value(0).toLongLong();
    // Ends the statement's read, so that the next one sees later writes.
    count->finish();
    if (m_countCache.size() >= 256) // many distinct searches: start over, memory stays flat
        m_countCache.clear();
    m_countCache.insert(key, total);
    return total;
}

Result<ListPage<StoredOpportunity>> OpportunityListing::list(const OpportunityFilter &filter,
                                                             int page, int pageSize)
{
    // Sorted, so that equal filters share one cached count.
    QStringList stageIds;
    for (const Stage stage : filter.stages)
        stageIds.append(Stages::id(stage));
    stageIds.sort();
    // Folded again: a search set by hand rather than by setSearch matches as the typed one
    // would (folding folded text changes nothing).
    const QString search = OpportunityFilter::fold(filter.search);
    const SqlWhere where =
        whereOf(filter, search, stageIds, backend() == DatabaseLocation::Backend::Postgres);
    // Length-prefixed parts: no two filters share a key.
    QString countKey;
    for (const QString &part :
         {filter.archived ? QStringLiteral("1") : QStringLiteral("0"),
          stageIds.join(QLatin1Char(',')), filter.accountId, filter.ownerId, search})
        countKey += QString::number(part.size()) + QLatin1Char(':') + part;
    const Result<qint64> total = count(countKey, where);
    if (!total)
        return Failure{total.error()};

    ListPage<StoredOpportunity> result;
    result.totalCount = *total;
    const qint64 offset = qint64(page - 1) * pageSize;
    if (offset >= result.totalCount)
        return result;
    // Newest first: seq order is created_at order (ServerStore::nextTimestamp() keeps it so), and
    // ties cannot happen. The page's rows are picked from an index alone, then joined: deep pages
    // stay cheap.
    const QString sql = QStringLiteral("SELECT ") + ServerRows::opportunitySelect +
                        QStringLiteral(" FROM (SELECT o.seq FROM opportunities o WHERE ") +
                        where.clause +
                        QStringLiteral(" ORDER BY o.seq DESC LIMIT :limit OFFSET :offset)"
                                       " p JOIN opportunities o ON o.seq = p.seq"
                                       " LEFT JOIN accounts a ON a.id = o.account_id"
                                       " ORDER BY o.seq DESC");
    QString error;
    QSqlQuery *query = prepared(sql, &error);
    if (!query)
        return Failure{QStringLiteral("listing opportunities: ") + error};
    where.bind(*query);
    query->bindValue(QStringLiteral(":limit"), pageSize);
    query->bindValue(QStringLiteral(":offset"), offset);
    if (!query->exec()) {
        error = query->lastError().text();
        m_statements.erase(sql); // prepared afresh next time
        return Failure{QStringLiteral("listing opportunities: ") + error};
    }
    result.items.reserve(pageSize);
    while (query->next())
        result.items.append({ServerRows::opportunityFromRow(*query),
                             query->value(ServerRows::versionColumn).toLongLong()});
    // Ends the statement's read, so that the next one sees later writes.
    query->finish();
    return result;
}
