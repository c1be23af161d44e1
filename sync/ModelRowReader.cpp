#include "ModelRowReader.h"

#include "CacheDatabase.h"
#include "OpportunityColumns.h"
#include "SqliteConnection.h"
#include "StringPool.h"
#include "Timestamp.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <sqlite3.h>
#include <thread>
#include <vector>

namespace {

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

// A range of rowids, (after, upTo], read up to `limit` rows.
struct Range
{
    qint64 after = 0;
    qint64 upTo = 0;
    int limit = 0;
};
constexpr qint64 noEnd = std::numeric_limits<qint64>::max();

// Reads the shown rows of `range` in rowid order into `page`; false (with *error) on failure.
bool readRange(sqlite3 *db, const Range &range, StringPool &pool, ModelRowReader::Page &page,
               QString *error)
{
    const Statement statement(db, QStringLiteral("SELECT ") + ModelRowReader::columns() +
                                      QStringLiteral(" FROM opportunities WHERE local_deleted = 0"
                                                     " AND rowid > ? AND rowid <= ?"
                                                     " ORDER BY rowid LIMIT ?"));
    if (!statement.prepared()) {
        *error = statement.error();
        return false;
    }
    sqlite3_bind_int64(statement.get(), 1, range.after);
    sqlite3_bind_int64(statement.get(), 2, range.upTo);
    sqlite3_bind_int(statement.get(), 3, range.limit);
    page.last = range.after;
    // A page of everything (ModelFeeder::reload) grows as it is read.
    page.rows.reserve(std::min(range.limit, 10000));
    if (!eachRow(statement.get(), error, [&] {
            appendRow(page.rows, statement.get(), pool);
            page.last = sqlite3_column_int64(statement.get(), 0);
        }))
        return false;
    page.end = page.rows.size() < range.limit;
    return true;
}

// Rowid spans this long and longer are read in two halves at once (see splitPoint).
std::atomic<qint64> splitSpan{40000};

// Where a read after `after` of `limit` rows splits in two, or `after` for one read: only a read
// of everything there is (the limit cannot cut it short, as no two rows share a rowid), long
// enough to pay for a thread, from a file a second connection can open and see all of: a
// transaction open on this one may hold rows no other connection sees yet.
qint64 splitPoint(sqlite3 *db, qint64 after, int limit)
{
    if (!db || !sqlite3_get_autocommit(db))
        return after;
    const char *file = sqlite3_db_filename(db, "main");
    if (!file || !*file)
        return after;
    const Statement last(db, QStringLiteral("SELECT max(rowid) FROM opportunities"));
    if (!last.prepared() || sqlite3_step(last.get()) != SQLITE_ROW)
        return after; // the read itself says what is wrong
    const qint64 span = sqlite3_column_int64(last.get(), 0) - after;
    if (span < splitSpan.load() || span > limit)
        return after;
    return after + span / 2;
}

// What the second thread read of the rows after `middle`.
struct UpperHalf
{
    ModelRowReader::Page page;
    // False: not read (no second connection, or it failed): the first connection reads them.
    bool read = false;
};

// Grows this thread's malloc arena once by `bytes`: glibc grows a thread's arena a page at a
// time (an mprotect call each, thousands for the strings of 50,000 rows), and never shrinks the
// room it made accessible, so blocks made and freed now leave it ready. Freed, the pages are
// handed back, so nothing stays resident.
void growArena(qsizetype bytes)
{
    constexpr qsizetype block = 64 * 1024; // under glibc's least mmap threshold: from the arena
    std::vector<void *> blocks;
    blocks.reserve(std::size_t(bytes / block));
    for (qsizetype made = 0; made < bytes; made += block)
        blocks.push_back(std::malloc(block));
    for (void *made : blocks)
        std::free(made);
}

UpperHalf readUpperHalf(const QByteArray &path, qint64 middle, qint64 span, int limit)
{
    UpperHalf half;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return half;
    }
    // One pass in rowid order reads each page once: a cache of a few pages is enough, where the
    // default 2 MB would stay behind in this thread's malloc arena once the connection is closed.
    sqlite3_exec(db, "PRAGMA cache_size=16", nullptr, nullptr, nullptr);
    // About the bytes of strings a row makes (ids, names, descriptions), up to 32 MB.
    growArena(std::min<qint64>(span, 200000) * 160);
    // Its own pool: a pool is one thread's. The texts it makes stay shared within the half.
    StringPool pool;
    QString error;
    half.read = readRange(db, {middle, noEnd, limit}, pool, half.page, &error);
    sqlite3_close(db);
    return half;
}

// Counts commits by other connections: equal before and after a read, none came between.
qint64 dataVersion(sqlite3 *db)
{
    const Statement version(db, QStringLiteral("PRAGMA data_version"));
    if (!version.prepared() || sqlite3_step(version.get()) != SQLITE_ROW)
        return -1;
    return sqlite3_column_int64(version.get(), 0);
}

// Reads `range` (up to its middle, `range.upTo`) and everything after it at once: the upper half
// on a second connection and thread while `db` reads the lower half, since decoding rows and
// making their strings is most of the read. In rowid order, as one read has them.
bool readHalves(sqlite3 *db, const Range &range, StringPool &pool, ModelRowReader::Page &page,
                QString *error)
{
    const qint64 middle = range.upTo;
    UpperHalf upper;
    std::thread reader([&upper, path = QByteArray(sqlite3_db_filename(db, "main")), middle,
                        span = middle - range.after,
                        limit = range.limit] { upper = readUpperHalf(path, middle, span, limit); });
    const bool lowerRead = readRange(db, range, pool, page, error);
    reader.join();
    if (!lowerRead)
        return false;
    if (!upper.read) {
        // The second connection could not read them: this one does, and says why if it cannot.
        upper.page = ModelRowReader::Page();
        if (!readRange(db, {middle, noEnd, range.limit}, pool, upper.page, error))
            return false;
    }
    if (!upper.page.rows.isEmpty())
        page.last = upper.page.last;
    page.rows.append(std::move(upper.page.rows));
    page.end = page.rows.size() < range.limit;
    return true;
}

} // namespace

void ModelRowReader::setSplitSpan(qint64 span)
{
    splitSpan.store(span);
}

const QString &ModelRowReader::columns()
{
    static const QString list = QStringLiteral("rowid, ") + OpportunityColumns::names() +
                                QStringLiteral(", sync_state, sync_error");
    return list;
}

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
    const Statement rows(db, QStringLiteral("SELECT ") + ModelRowReader::columns() +
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
    Page page;
    QString error;
    const qint64 middle = splitPoint(db, after, limit);
    if (middle > after) {
        // Two connections read two snapshots: a commit by another process between them could
        // leave a record in both halves or in neither, so then one statement reads them again.
        const qint64 version = dataVersion(db);
        if (!readHalves(db, {after, middle, limit}, m_pool, page, &error))
            return CacheDatabase::failure(QStringLiteral("reading the cache"), error);
        if (dataVersion(db) == version)
            return page;
        page = Page();
    }
    if (!readRange(db, {after, noEnd, limit}, m_pool, page, &error))
        return CacheDatabase::failure(QStringLiteral("reading the cache"), error);
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
        const Statement statement(db, QStringLiteral("SELECT ") + ModelRowReader::columns() +
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
