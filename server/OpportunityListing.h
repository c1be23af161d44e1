#pragma once

#include "DatabaseLocation.h"
#include "ListPage.h"
#include "Opportunity.h"
#include "OpportunityFilter.h"
#include "Result.h"
#include "StoredOpportunity.h"

#include <QHash>
#include <QString>
#include <map>
#include <memory>
#include <unordered_map>

class QSqlQuery;
struct SqlWhere;
struct sqlite3;
struct sqlite3_stmt;

// GET /opportunities on kashew-server's database (SQLite or PostgreSQL): the filter as a bound
// WHERE clause, newest first, one page at a time, with the total count remembered per filter
// until the next write, by whichever process: the change clock (ChangeLog) tells. Each record
// comes with its version, for the per-item etag.
class OpportunityListing final
{
public:
    explicit OpportunityListing(const QString &connectionName);
    ~OpportunityListing();
    OpportunityListing(const OpportunityListing &) = delete;
    OpportunityListing &operator=(const OpportunityListing &) = delete;

    Result<ListPage<StoredOpportunity>> list(const OpportunityFilter &filter, int page,
                                             int pageSize);
    // The same page as GET /opportunities' body (OpportunityPageJson's bytes). On SQLite the
    // records are written from SQLite's own text (SqlitePageJson), not through list().
    Result<QByteArray> listJson(const OpportunityFilter &filter, int page, int pageSize,
                                bool withEtags);
    // The change clock (ChangeLog::current()), read through a statement kept prepared.
    Result<qint64> changeClock();
    // Forgets remembered totals; the store calls it after any write (its own writes move the
    // change clock only when a service records them).
    void invalidateCounts()
    {
        m_countCache.clear();
        m_anchors.clear();
        m_accountNames.clear();
    }
    // Drops the prepared statements; the store calls it before it closes the connection.
    void forgetStatements();

private:
    struct Query;
    Query queryOf(const OpportunityFilter &filter) const;
    // The page's SQL (its rows picked from an index alone, then joined).
    static QString pageSql(const SqlWhere &where);
    static QString sqlitePageSql(const SqlWhere &where, bool anchored);
    // The page written by SqlitePageJson; an empty result (no error) when the page must be
    // written the general way (not SQLite, or a value in an unusual form).
    Result<QByteArray> sqliteJson(const Query &plan, int page, int pageSize, qint64 total,
                                  bool withEtags);
    sqlite3_stmt *sqliteStatement(const QString &sql, QString *error);
    // SqlitePageJson::AccountNameJson's work: the name from m_accountNames, read on a miss.
    bool accountNameJson(QByteArray *json, QByteArrayView accountId);
    Result<qint64> count(const QString &key, const SqlWhere &where);
    DatabaseLocation::Backend backend() const;
    // The statement for `sql`, prepared on first use and kept: preparing the page's query cost
    // about as much as running it (on PostgreSQL, a round trip more). Null if it does not
    // prepare (the error in `error`).
    QSqlQuery *prepared(const QString &sql, QString *error);

    QString m_connectionName;
    // COUNT(*) per filter, valid until the next write: paging clients ask the same count per page.
    QHash<QString, qint64> m_countCache;
    // Per filter (the count's key), the seq of the row just before an offset: the end of a page
    // listed, where the next page starts. Valid as long as the counts.
    QHash<QString, std::map<qint64, qint64>> m_anchors;
    // Per account id (UTF-8), its name as a JSON value, as long as the counts: a page's names
    // from here rather than a join, which cost SQLite two B-tree searches a record. Every
    // write that renames an account moves the change clock.
    QHash<QByteArray, QByteArray> m_accountNames;
    // The change clock the remembered counts were made at.
    qint64 m_countClock = -1;
    // By SQL text: one per shape of filter, a few dozen at most.
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    // The same for SqlitePageJson, on the SQLite handle under the connection.
    std::unordered_map<QString, sqlite3_stmt *> m_sqliteStatements;
    // accountNameJson()'s, on m_sqlite.
    sqlite3_stmt *m_accountNameStatement = nullptr;
    sqlite3 *m_sqlite = nullptr;
};
