#include "OpportunityListing.h"

#include "ChangeLog.h"
#include "OpportunityPageJson.h"
#include "ServerRows.h"
#include "SqlWhere.h"
#include "SqliteConnection.h"
#include "SqlitePageJson.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <iterator>
#include <optional>
#include <sqlite3.h>

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

struct OpportunityListing::Query
{
    SqlWhere where;
    // Length-prefixed parts: no two filters share a key.
    QString countKey;
    // Whether a page may start from an anchor (o.seq < the one before it). Not for SQLite's
    // trigram search: a range of seqs could draw its plan away from the few matches.
    bool anchorable = true;
};

OpportunityListing::~OpportunityListing()
{
    forgetStatements();
}

void OpportunityListing::forgetStatements()
{
    m_statements.clear();
    for (const auto &statement : m_sqliteStatements)
        sqlite3_finalize(statement.second);
    m_sqliteStatements.clear();
    sqlite3_finalize(m_accountNameStatement);
    m_accountNameStatement = nullptr;
    m_sqlite = nullptr;
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

Result<qint64> OpportunityListing::changeClock()
{
    if (backend() != DatabaseLocation::Backend::Sqlite)
        return ChangeLog(m_connectionName, backend()).current();
    // ChangeLog::current()'s query, kept prepared: a list request reads the clock twice (its
    // cursor and its count), and preparing cost more than reading.
    const QString sql = QStringLiteral("SELECT last FROM change_clock");
    QString error;
    sqlite3_stmt *statement = sqliteStatement(sql, &error);
    if (!statement)
        return Failure{QStringLiteral("reading the change clock: ") + error};
    const int step = sqlite3_step(statement);
    const qint64 last = sqlite3_column_int64(statement, 0);
    if (step != SQLITE_ROW)
        error = step == SQLITE_DONE ? QStringLiteral("no clock")
                                    : QString::fromUtf8(sqlite3_errmsg(m_sqlite));
    // Ends the statement's read, so that the next one sees later writes.
    sqlite3_reset(statement);
    if (step != SQLITE_ROW) {
        sqlite3_finalize(statement);
        m_sqliteStatements.erase(sql); // prepared afresh next time
        return Failure{QStringLiteral("reading the change clock: ") + error};
    }
    return last;
}

Result<qint64> OpportunityListing::count(const QString &key, const SqlWhere &where)
{
    // Remembered totals hold while the change clock stands: any write, in this process or
    // another on the same database, moves it before it commits.
    const Result<qint64> clock = changeClock();
    if (!clock)
        return Failure{QStringLiteral("counting opportunities: ") + clock.error()};
    if (*clock != m_countClock) {
        invalidateCounts();
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

OpportunityListing::Query OpportunityListing::queryOf(const OpportunityFilter &filter) const
{
    // Sorted, so that equal filters share one cached count.
    QStringList stageIds;
    for (const Stage stage : filter.stages)
        stageIds.append(Stages::id(stage));
    stageIds.sort();
    // Folded again: a search set by hand rather than by setSearch matches as the typed one
    // would (folding folded text changes nothing).
    const QString search = OpportunityFilter::fold(filter.search);
    const bool postgres = backend() == DatabaseLocation::Backend::Postgres;
    Query query{whereOf(filter, search, stageIds, postgres), QString(),
                postgres || search.toUcs4().size() < 3};
    for (const QString &part :
         {filter.archived ? QStringLiteral("1") : QStringLiteral("0"),
          stageIds.join(QLatin1Char(',')), filter.accountId, filter.ownerId, search})
        query.countKey += QString::number(part.size()) + QLatin1Char(':') + part;
    return query;
}

QString OpportunityListing::pageSql(const SqlWhere &where)
{
    // Newest first: seq order is created_at order (ServerStore::nextTimestamp() keeps it so), and
    // ties cannot happen. The page's rows are picked from an index alone, then joined: deep pages
    // stay cheap.
    return QStringLiteral("SELECT ") + ServerRows::opportunitySelect +
           QStringLiteral(" FROM (SELECT o.seq FROM opportunities o WHERE ") + where.clause +
           QStringLiteral(" ORDER BY o.seq DESC LIMIT :limit OFFSET :offset)"
                          " p JOIN opportunities o ON o.seq = p.seq"
                          " LEFT JOIN accounts a ON a.id = o.account_id"
                          " ORDER BY o.seq DESC");
}

Result<ListPage<StoredOpportunity>> OpportunityListing::list(const OpportunityFilter &filter,
                                                             int page, int pageSize)
{
    const Query plan = queryOf(filter);
    const SqlWhere &where = plan.where;
    const Result<qint64> total = count(plan.countKey, where);
    if (!total)
        return Failure{total.error()};

    ListPage<StoredOpportunity> result;
    result.totalCount = *total;
    const qint64 offset = qint64(page - 1) * pageSize;
    if (offset >= result.totalCount)
        return result;
    const QString sql = pageSql(where);
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

QString OpportunityListing::sqlitePageSql(const SqlWhere &where, bool anchored)
{
    // pageSql()'s rows in its order, then each one's seq (for the anchors), without the account
    // join: accountNameJson() gives the names. SQLite sorts pageSql()'s whole rows once more
    // for the outer ORDER BY (a temporary B-tree); with the page's seqs as an IN list it looks
    // the rows up in the list's order instead, and sorts nothing.
    return QStringLiteral("SELECT ") + ServerRows::opportunitySelectWithoutAccount +
           QStringLiteral(", o.seq FROM opportunities o WHERE o.seq IN (SELECT o.seq FROM"
                          " opportunities o WHERE ") +
           where.clause + (anchored ? QStringLiteral(" AND o.seq < :anchor") : QString()) +
           QStringLiteral(" ORDER BY o.seq DESC LIMIT :limit OFFSET :offset) ORDER BY o.seq DESC");
}

bool OpportunityListing::accountNameJson(QByteArray *json, QByteArrayView accountId)
{
    // Looked up without copying the id: SQLite's text stays put until the page's next step.
    if (const auto found =
            m_accountNames.constFind(QByteArray::fromRawData(accountId.data(), accountId.size()));
        found != m_accountNames.constEnd()) {
        *json = *found; // shared, not copied
        return true;
    }
    // Kept apart from m_sqliteStatements: preparing it there could finalize the page's own
    // statement (the map starts over when full), which is stepping. m_sqlite is the page's.
    if (!m_accountNameStatement) {
        static const char sql[] = "SELECT name FROM accounts WHERE id = ?1";
        if (!m_sqlite ||
            sqlite3_prepare_v3(m_sqlite, sql, sizeof sql - 1, SQLITE_PREPARE_PERSISTENT,
                               &m_accountNameStatement, nullptr) != SQLITE_OK) {
            sqlite3_finalize(m_accountNameStatement);
            m_accountNameStatement = nullptr;
            return false;
        }
    }
    sqlite3_stmt *statement = m_accountNameStatement;
    if (sqlite3_bind_text(statement, 1, accountId.data(), static_cast<int>(accountId.size()),
                          SQLITE_STATIC) != SQLITE_OK)
        return false;
    QByteArray name;
    const int step = sqlite3_step(statement);
    bool written = true;
    if (step == SQLITE_DONE) {
        name = QByteArrayLiteral("null");
    } else if (step == SQLITE_ROW && sqlite3_column_type(statement, 0) == SQLITE_TEXT) {
        written = SqlitePageJson::appendUtf8String(
            name, reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)),
            sqlite3_column_bytes(statement, 0));
    } else {
        written = false; // an error, or a name not as stored: the general way says what
    }
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (!written)
        return false;
    if (m_accountNames.size() >= 100000) // far more accounts than pages show: start over
        m_accountNames.clear();
    *json = name;
    m_accountNames.insert(accountId.toByteArray(), name);
    return true;
}

Result<QByteArray> OpportunityListing::listJson(const OpportunityFilter &filter, int page,
                                                int pageSize, bool withEtags)
{
    const Query plan = queryOf(filter);
    const Result<qint64> total = count(plan.countKey, plan.where);
    if (!total)
        return Failure{total.error()};
    if (backend() == DatabaseLocation::Backend::Sqlite) {
        Result<QByteArray> written = sqliteJson(plan, page, pageSize, *total, withEtags);
        if (!written || !written->isEmpty())
            return written;
    }
    const auto listed = list(filter, page, pageSize);
    if (!listed)
        return Failure{listed.error()};
    return OpportunityPageJson::write(*listed, page, pageSize, withEtags);
}

sqlite3_stmt *OpportunityListing::sqliteStatement(const QString &sql, QString *error)
{
    sqlite3 *handle = SqliteConnection::handle(m_connectionName);
    if (!handle) {
        *error = QStringLiteral("no SQLite connection");
        return nullptr;
    }
    if (handle != m_sqlite) { // another connection: statements of the old one are gone with it
        forgetStatements();
        m_sqlite = handle;
    }
    if (const auto found = m_sqliteStatements.find(sql); found != m_sqliteStatements.end())
        return found->second;
    if (m_sqliteStatements.size() >= 64) { // as prepared(): not expected
        for (const auto &statement : m_sqliteStatements)
            sqlite3_finalize(statement.second);
        m_sqliteStatements.clear();
    }
    sqlite3_stmt *statement = nullptr;
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v3(handle, text.constData(), static_cast<int>(text.size()),
                           SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(handle));
        sqlite3_finalize(statement);
        return nullptr;
    }
    m_sqliteStatements.emplace(sql, statement);
    return statement;
}

Result<QByteArray> OpportunityListing::sqliteJson(const Query &plan, int page, int pageSize,
                                                  qint64 total, bool withEtags)
{
    const SqlWhere &where = plan.where;
    const qint64 offset = qint64(page - 1) * pageSize;
    QByteArray json;
    // About 490 bytes a record: one allocation for most pages.
    json.reserve(64 + qMin<qint64>(pageSize, qMax<qint64>(0, total - offset)) * 640);
    OpportunityPageJson::appendStart(json);
    if (offset < total) {
        // The nearest anchor at or before the page: OFFSET then skips only the rows between, not
        // every row before the page (a client paging through skips none).
        std::map<qint64, qint64> *anchors = plan.anchorable ? &m_anchors[plan.countKey] : nullptr;
        std::optional<std::pair<qint64, qint64>> anchor;
        if (anchors) {
            if (auto after = anchors->upper_bound(offset); after != anchors->begin())
                anchor = *std::prev(after);
        }
        const QString sql = sqlitePageSql(where, anchor.has_value());
        QString error;
        sqlite3_stmt *statement = sqliteStatement(sql, &error);
        if (!statement)
            return Failure{QStringLiteral("listing opportunities: ") + error};
        // The values as QtSql binds them: texts as UTF-16, numbers as integers.
        const auto bind = [statement](const QString &name, const QVariant &value) {
            const int index = sqlite3_bind_parameter_index(statement, name.toUtf8().constData());
            if (index == 0)
                return false;
            if (value.typeId() == QMetaType::QString) {
                const QString text = value.toString();
                return sqlite3_bind_text16(statement, index, text.utf16(),
                                           static_cast<int>(text.size() * 2),
                                           SQLITE_TRANSIENT) == SQLITE_OK;
            }
            if (value.typeId() == QMetaType::Int || value.typeId() == QMetaType::LongLong)
                return sqlite3_bind_int64(statement, index, value.toLongLong()) == SQLITE_OK;
            return false;
        };
        bool bound = bind(QStringLiteral(":limit"), pageSize) &&
                     bind(QStringLiteral(":offset"), anchor ? offset - anchor->first : offset) &&
                     (!anchor || bind(QStringLiteral(":anchor"), anchor->second));
        for (const auto &binding : where.bindings)
            bound = bound && bind(binding.first, binding.second);
        if (!bound) { // a value QtSql binds in a way of its own
            sqlite3_clear_bindings(statement);
            return QByteArray();
        }
        qint64 rows = 0;
        qint64 lastSeq = 0;
        const SqlitePageJson::Outcome outcome = SqlitePageJson::appendRecords(
            json, statement, withEtags,
            [this](QByteArray *out, QByteArrayView id) { return accountNameJson(out, id); }, &rows,
            &lastSeq);
        if (outcome == SqlitePageJson::Outcome::Failed)
            error = QString::fromUtf8(sqlite3_errmsg(m_sqlite));
        // Ends the statement's read, so that the next one sees later writes.
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
        if (outcome == SqlitePageJson::Outcome::Failed) {
            sqlite3_finalize(statement);
            m_sqliteStatements.erase(sql); // prepared afresh next time
            return Failure{QStringLiteral("listing opportunities: ") + error};
        }
        if (outcome == SqlitePageJson::Outcome::Unusual)
            return QByteArray();
        // Valid while the change clock stands, as the counts (count() forgets them with those).
        if (anchors && rows > 0) {
            if (anchors->size() >= 4096) // a client far from paging through: start over
                anchors->clear();
            anchors->insert_or_assign(offset + rows, lastSeq);
        }
        if (m_anchors.size() > 256)
            m_anchors.clear();
    }
    OpportunityPageJson::appendEnd(json, page, pageSize, total);
    return json;
}
