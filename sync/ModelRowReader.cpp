#include "ModelRowReader.h"

#include "CacheDatabase.h"
#include "OpportunityColumns.h"
#include "SqliteConnection.h"
#include "StringPool.h"
#include "Timestamp.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <sqlite3.h>
#include <vector>

namespace {

// The columns read: rowid, the record's own (in OpportunityColumns order), then the sync state.
const QString &selectList()
{
    static const QString list = QStringLiteral("rowid, ") + OpportunityColumns::names() +
                                QStringLiteral(", sync_state, sync_error");
    return list;
}

// A prepared statement finalized when it goes out of scope.
class Statement final
{
public:
    Statement(sqlite3 *db, const QString &sql)
    {
        if (db)
            m_code = sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &m_statement, nullptr);
        m_error = db ? QString::fromUtf8(sqlite3_errmsg(db))
                     : QStringLiteral("the cache is not an SQLite connection");
    }
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    sqlite3_stmt *get() const { return m_statement; }
    bool prepared() const { return m_statement && m_code == SQLITE_OK; }
    QString error() const { return m_error; }

private:
    sqlite3_stmt *m_statement = nullptr;
    int m_code = SQLITE_ERROR;
    QString m_error;
};

QByteArrayView bytesAt(sqlite3_stmt *statement, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return QByteArrayView(text, sqlite3_column_bytes(statement, column));
}

// A column's text, null for NULL: SQLite hands NULL over as a null pointer and '' as a pointer
// to an empty text, so no sqlite3_column_type call is needed to tell them apart.
QByteArrayView textAt(sqlite3_stmt *statement, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return text ? QByteArrayView(text, sqlite3_column_bytes(statement, column)) : QByteArrayView();
}

// A text column as the full read has it: NULL is a null string, '' an empty one.
QString text(sqlite3_stmt *statement, int column)
{
    const QByteArrayView bytes = textAt(statement, column);
    if (bytes.isNull())
        return {};
    return bytes.isEmpty() ? QString(QLatin1String(""))
                           : QString::fromUtf8(bytes.data(), bytes.size());
}

QString pooled(sqlite3_stmt *statement, int column, StringPool &pool)
{
    const QByteArrayView bytes = textAt(statement, column);
    return bytes.isNull() ? QString() : pool.fromUtf8(bytes.data(), bytes.size());
}

Stage stageAt(sqlite3_stmt *statement, int column)
{
    // The wire names, compared as bytes: the cache holds them as written.
    static const auto names = [] {
        std::array<QByteArray, 6> ids;
        for (Stage stage : Stages::all())
            ids[static_cast<int>(stage)] = Stages::id(stage).toUtf8();
        return ids;
    }();
    const QByteArrayView bytes = bytesAt(statement, column);
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (bytes == names[i])
            return static_cast<Stage>(i);
    }
    return Stages::fromId(text(statement, column)).value_or(Stage::Prospecting);
}

QDateTime timeAt(QByteArrayView bytes)
{
    if (bytes.isNull())
        return {};
    if (const auto canonical = Timestamp::fromCanonicalUtf8(bytes))
        return *canonical;
    return Timestamp::fromText(QString::fromUtf8(bytes.data(), bytes.size()));
}

QDate dateAt(sqlite3_stmt *statement, int column)
{
    const QByteArrayView bytes = textAt(statement, column);
    return bytes.size() == 10 ? Timestamp::dateFromCanonicalUtf8(bytes).value_or(QDate()) : QDate();
}

// The row the statement stands on, from column 1 (column 0 is the rowid), into `row` (a
// default one): filled where it lies in the list, not made aside and moved there.
void readRow(sqlite3_stmt *statement, StringPool &pool, OpportunityRow &row)
{
    // The accounts' ids and names are thousands of texts: their slots in the pool are asked for
    // now and arrive while the id and name are converted.
    static const std::array<int, 2> accountColumns = [] {
        std::array<int, 2> columns{};
        int column = 1;
        for (const OpportunityColumns::Column &field : OpportunityColumns::all()) {
            if (field.field == OpportunityField::AccountId)
                columns[0] = column;
            else if (field.field == OpportunityField::AccountName)
                columns[1] = column;
            ++column;
        }
        return columns;
    }();
    for (const int column : accountColumns) {
        if (const QByteArrayView bytes = textAt(statement, column); !bytes.isNull())
            pool.prefetch(bytes.data(), bytes.size());
    }
    Opportunity &o = row.opportunity;
    // A deal never edited since it was made has the same two times: parsed once.
    QByteArrayView createdText;
    int column = 1;
    for (const OpportunityColumns::Column &field : OpportunityColumns::all()) {
        const int at = column++;
        switch (field.field) {
        case OpportunityField::Id:
            o.id = text(statement, at);
            break;
        case OpportunityField::Name:
            o.name = text(statement, at);
            break;
        case OpportunityField::AccountId:
            o.accountId = pooled(statement, at, pool);
            break;
        case OpportunityField::AccountName:
            o.accountName = pooled(statement, at, pool);
            break;
        case OpportunityField::LeadId:
            o.leadId = text(statement, at);
            break;
        case OpportunityField::Value:
            o.value = sqlite3_column_double(statement, at);
            break;
        case OpportunityField::Currency:
            o.currency = pooled(statement, at, pool);
            break;
        case OpportunityField::Stage:
            o.stage = stageAt(statement, at);
            break;
        case OpportunityField::Probability:
            o.probability = sqlite3_column_int(statement, at);
            break;
        case OpportunityField::ExpectedCloseDate:
            o.expectedCloseDate = dateAt(statement, at);
            break;
        case OpportunityField::Description:
            o.description = text(statement, at);
            break;
        case OpportunityField::OwnerId:
            o.ownerId = pooled(statement, at, pool);
            break;
        case OpportunityField::IsArchived:
            o.isArchived = sqlite3_column_int64(statement, at) != 0;
            break;
        case OpportunityField::CreatedAt:
            createdText = textAt(statement, at);
            o.createdAt = timeAt(createdText);
            break;
        case OpportunityField::UpdatedAt:
            if (const QByteArrayView updated = textAt(statement, at);
                o.createdAt.isValid() && updated == createdText)
                o.updatedAt = o.createdAt;
            else
                o.updatedAt = timeAt(updated);
            break;
        }
    }
    row.state = static_cast<SyncState>(sqlite3_column_int(statement, column));
    row.syncError = pooled(statement, column + 1, pool);
}

OpportunityRow &appendRow(QList<OpportunityRow> &rows, sqlite3_stmt *statement, StringPool &pool)
{
    OpportunityRow &row = rows.emplaceBack();
    readRow(statement, pool, row);
    return row;
}

// Steps through every row of a bound statement; false (with *error) when SQLite fails midway.
template <typename Each> bool eachRow(sqlite3_stmt *statement, QString *error, Each each)
{
    for (;;) {
        const int code = sqlite3_step(statement);
        if (code == SQLITE_DONE)
            return true;
        if (code != SQLITE_ROW) {
            *error = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(statement)));
            return false;
        }
        each();
    }
}

} // namespace

ModelRowReader::ModelRowReader(CacheDatabase &db, StringPool &pool)
    : m_db(db)
    , m_pool(pool)
{}

Result<QList<OpportunityRow>> ModelRowReader::newest(int limit)
{
    // Without an index on updated_at, SQLite's ORDER BY ... LIMIT builds a sorter record for
    // every row (230 ms at 100,000 rows); one pass over the times alone, keeping the newest in a
    // heap, then reading those rows by rowid, takes a third of that.
    sqlite3 *db = SqliteConnection::handle(m_db.connectionName());
    const Statement times(db, QStringLiteral("SELECT rowid, updated_at FROM opportunities"
                                             " WHERE local_deleted = 0"));
    if (!times.prepared())
        return CacheDatabase::failure(QStringLiteral("reading the cache"), times.error());
    struct Newest
    {
        // The canonical text sorts as the time does; a NULL time sorts last, as in SQL.
        std::array<char, 24> time{};
        qint64 rowid = 0;
        bool operator>(const Newest &other) const
        {
            const int order = std::memcmp(time.data(), other.time.data(), time.size());
            return order > 0 || (order == 0 && rowid > other.rowid);
        }
    };
    std::vector<Newest> heap; // the oldest of the newest on top
    heap.reserve(static_cast<std::size_t>(limit) + 1);
    QString error;
    if (!eachRow(times.get(), &error, [&] {
            Newest row;
            const QByteArrayView time = bytesAt(times.get(), 1);
            std::memcpy(row.time.data(), time.data(),
                        std::min<std::size_t>(time.size(), row.time.size()));
            row.rowid = sqlite3_column_int64(times.get(), 0);
            if (heap.size() < static_cast<std::size_t>(limit)) {
                heap.push_back(row);
                std::push_heap(heap.begin(), heap.end(), std::greater<>());
            } else if (!heap.empty() && row > heap.front()) {
                std::pop_heap(heap.begin(), heap.end(), std::greater<>());
                heap.back() = row;
                std::push_heap(heap.begin(), heap.end(), std::greater<>());
            }
        }))
        return CacheDatabase::failure(QStringLiteral("reading the cache"), error);
    if (heap.empty())
        return QList<OpportunityRow>();
    QString marks = QStringLiteral("?");
    for (std::size_t i = 1; i < heap.size(); ++i)
        marks += QStringLiteral(",?");
    const Statement rows(db, QStringLiteral("SELECT ") + selectList() +
                                 QStringLiteral(" FROM opportunities WHERE rowid IN (") + marks +
                                 QStringLiteral(")"));
    if (!rows.prepared())
        return CacheDatabase::failure(QStringLiteral("reading the cache"), rows.error());
    for (std::size_t i = 0; i < heap.size(); ++i)
        sqlite3_bind_int64(rows.get(), static_cast<int>(i) + 1, heap[i].rowid);
    QList<OpportunityRow> newest;
    newest.reserve(static_cast<qsizetype>(heap.size()));
    if (!eachRow(rows.get(), &error, [&] { appendRow(newest, rows.get(), m_pool); }))
        return CacheDatabase::failure(QStringLiteral("reading the cache"), error);
    return newest;
}

Result<ModelRowReader::Page> ModelRowReader::after(qint64 after, int limit)
{
    sqlite3 *db = SqliteConnection::handle(m_db.connectionName());
    const Statement statement(db,
                              QStringLiteral("SELECT ") + selectList() +
                                  QStringLiteral(" FROM opportunities WHERE local_deleted = 0 AND"
                                                 " rowid > ? ORDER BY rowid LIMIT ?"));
    if (!statement.prepared())
        return CacheDatabase::failure(QStringLiteral("reading the cache"), statement.error());
    sqlite3_bind_int64(statement.get(), 1, after);
    sqlite3_bind_int(statement.get(), 2, limit);
    Page page;
    page.last = after;
    // A page of everything (ModelFeeder::reload) grows as it is read.
    page.rows.reserve(std::min(limit, 10000));
    QString error;
    if (!eachRow(statement.get(), &error, [&] {
            appendRow(page.rows, statement.get(), m_pool);
            page.last = sqlite3_column_int64(statement.get(), 0);
        }))
        return CacheDatabase::failure(QStringLiteral("reading the cache"), error);
    page.end = page.rows.size() < limit;
    return page;
}

Result<QList<OpportunityRow>> ModelRowReader::withIds(const QStringList &ids)
{
    // Hundreds of ids per statement, well under SQLite's limit on bound values.
    constexpr qsizetype chunk = 500;
    sqlite3 *db = SqliteConnection::handle(m_db.connectionName());
    QList<OpportunityRow> rows;
    rows.reserve(ids.size());
    for (qsizetype start = 0; start < ids.size(); start += chunk) {
        const qsizetype count = std::min(chunk, ids.size() - start);
        QString marks = QStringLiteral("?");
        for (qsizetype i = 1; i < count; ++i)
            marks += QStringLiteral(",?");
        const Statement statement(db, QStringLiteral("SELECT ") + selectList() +
                                          QStringLiteral(" FROM opportunities WHERE"
                                                         " local_deleted = 0 AND id IN (") +
                                          marks + QStringLiteral(")"));
        if (!statement.prepared())
            return CacheDatabase::failure(QStringLiteral("reading the cache"), statement.error());
        QList<QByteArray> bound; // alive until the statement is done with them
        bound.reserve(count);
        for (qsizetype i = 0; i < count; ++i) {
            bound.append(ids.at(start + i).toUtf8());
            sqlite3_bind_text(statement.get(), static_cast<int>(i) + 1, bound.last().constData(),
                              static_cast<int>(bound.last().size()), SQLITE_STATIC);
        }
        QString error;
        if (!eachRow(statement.get(), &error, [&] { appendRow(rows, statement.get(), m_pool); }))
            return CacheDatabase::failure(QStringLiteral("reading the cache"), error);
    }
    return rows;
}
