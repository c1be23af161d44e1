#include "PulledRowWriter.h"

#include "CacheDatabase.h"
#include "OpportunityColumns.h"
#include "SqliteConnection.h"

#include <QStringList>
#include <QVariant>
#include <sqlite3.h>

namespace {

const QString keeping = QStringLiteral("keeping a pulled page");

// A prepared statement, finalized when it goes out of scope.
class Statement final
{
public:
    Statement(sqlite3 *db, const QString &sql)
        : m_db(db)
    {
        if (db)
            m_code = sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &m_statement, nullptr);
    }
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    sqlite3_stmt *get() const { return m_statement; }
    bool prepared() const { return m_statement && m_code == SQLITE_OK; }
    // Runs the bound statement once and resets it for the next values.
    bool step()
    {
        m_code = sqlite3_step(m_statement);
        sqlite3_reset(m_statement);
        return m_code == SQLITE_DONE;
    }
    Failure failure() const
    {
        return CacheDatabase::failure(
            keeping, m_db ? QString::fromUtf8(sqlite3_errmsg(m_db))
                          : QStringLiteral("the cache is not an SQLite connection"));
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_statement = nullptr;
    int m_code = SQLITE_ERROR;
};

// Binds `value` at `index` (from 1) as QtSql's SQLite driver would: a null text or bytes as
// NULL, texts as UTF-16, numbers as numbers. SQLITE_STATIC: `value` outlives the step.
int bind(sqlite3_stmt *statement, int index, const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QString: {
        const auto *text = static_cast<const QString *>(value.constData());
        if (value.isNull() || text->isNull())
            return sqlite3_bind_null(statement, index);
        return sqlite3_bind_text16(statement, index, text->utf16(),
                                   static_cast<int>(text->size() * sizeof(char16_t)),
                                   SQLITE_STATIC);
    }
    case QMetaType::QByteArray: {
        const auto *bytes = static_cast<const QByteArray *>(value.constData());
        if (value.isNull() || bytes->isNull())
            return sqlite3_bind_null(statement, index);
        return sqlite3_bind_blob(statement, index, bytes->constData(),
                                 static_cast<int>(bytes->size()), SQLITE_STATIC);
    }
    case QMetaType::Double:
        return sqlite3_bind_double(statement, index, value.toDouble());
    case QMetaType::Int:
    case QMetaType::Bool:
    case QMetaType::LongLong:
        return sqlite3_bind_int64(statement, index, value.toLongLong());
    default: {
        if (value.isNull())
            return sqlite3_bind_null(statement, index);
        // Not among OpportunityColumns' values today; as text, as QtSql binds the rest.
        const QString text = value.toString();
        return sqlite3_bind_text16(statement, index, text.utf16(),
                                   static_cast<int>(text.size() * sizeof(char16_t)),
                                   SQLITE_TRANSIENT);
    }
    }
}

} // namespace

Status PulledRowWriter::insertIds(const QString &table, const QList<Opportunity> &page,
                                  const QList<qsizetype> &order)
{
    Statement insert(SqliteConnection::handle(m_db.connectionName()),
                     QStringLiteral("INSERT OR IGNORE INTO %1 (id) VALUES (?)").arg(table));
    if (!insert.prepared())
        return insert.failure();
    for (const qsizetype index : order) {
        const QString &id = page.at(index).id;
        sqlite3_bind_text16(insert.get(), 1, id.utf16(),
                            static_cast<int>(id.size() * sizeof(char16_t)), SQLITE_STATIC);
        if (!insert.step())
            return insert.failure();
    }
    return {};
}

Status PulledRowWriter::insertNew(const QList<Opportunity> &page, const QList<qsizetype> &order,
                                  const QHash<QString, QByteArray> &etags, QList<bool> *inserted)
{
    const QList<OpportunityColumns::Column> &columns = OpportunityColumns::all();
    const int etagIndex = static_cast<int>(columns.size()) + 1;
    sqlite3 *db = SqliteConnection::handle(m_db.connectionName());
    Statement insert(db, QStringLiteral("INSERT INTO opportunities (") +
                             OpportunityColumns::names() + QStringLiteral(", etag) VALUES (") +
                             QStringList(etagIndex, QStringLiteral("?")).join(QLatin1Char(',')) +
                             QStringLiteral(") ON CONFLICT (id) DO NOTHING"));
    if (!insert.prepared())
        return insert.failure();
    inserted->clear();
    inserted->reserve(order.size());
    QList<QVariant> values(columns.size() + 1);
    for (const qsizetype index : order) {
        const Opportunity &record = page.at(index);
        for (qsizetype c = 0; c < columns.size(); ++c)
            values[c] = columns.at(c).value(record);
        const QByteArray etag = etags.value(record.id);
        values[columns.size()] =
            etag.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(etag);
        for (int c = 0; c < etagIndex; ++c) {
            if (bind(insert.get(), c + 1, values.at(c)) != SQLITE_OK)
                return insert.failure();
        }
        if (!insert.step())
            return insert.failure();
        inserted->append(sqlite3_changes(db) > 0);
    }
    return {};
}
