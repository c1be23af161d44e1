#include "RequestLedger.h"

#include "SqliteConnection.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <atomic>

namespace {

std::atomic<int> connectionCounter{0};

// The server counts a request when it arrives, a little after it was recorded here: a request
// leaves a window a minute later than the window's length, so the two counts never disagree at
// its edge.
constexpr qint64 marginMs = 60 * 1000;
constexpr qint64 hourMs = 60 * 60 * 1000 + marginMs;
constexpr qint64 dayMs = 24 * 60 * 60 * 1000 + marginMs;
constexpr int pruneEvery = 100;

qint64 lengthOf(RequestLedger::Window window)
{
    return window == RequestLedger::Window::Hour ? hourMs : dayMs;
}

// Fixed width, UTC, to the millisecond: the text sorts as the time does.
QString textOf(const QDateTime &at)
{
    return at.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

Failure failed(const QString &what, const QSqlError &error)
{
    return Failure{QStringLiteral("request budget: ") + what + QStringLiteral(": ") + error.text()};
}

} // namespace

RequestLedger::RequestLedger()
    : RequestLedger(Clock{})
{}

RequestLedger::RequestLedger(Clock clock)
    : m_clock(std::move(clock))
    , m_connectionName(QStringLiteral("kashew-ledger-%1").arg(++connectionCounter))
{
    m_clock.speedUp = std::max(1, m_clock.speedUp);
}

RequestLedger::~RequestLedger()
{
    SqliteConnection::close(m_connectionName);
}

Status RequestLedger::open(const QString &cachePath)
{
    QString error;
    if (!SqliteConnection::open(m_connectionName, cachePath, {}, &error))
        return Failure{QStringLiteral("request budget: opening %1: %2").arg(cachePath, error)};
    return prune();
}

QDateTime RequestLedger::now() const
{
    return m_clock.now ? m_clock.now().toUTC() : QDateTime::currentDateTimeUtc();
}

qint64 RequestLedger::realMsUntil(const QDateTime &at) const
{
    const qint64 simulated = std::max<qint64>(0, now().msecsTo(at));
    return (simulated + m_clock.speedUp - 1) / m_clock.speedUp;
}

QString RequestLedger::since(Window window, const QDateTime &now) const
{
    return textOf(now.addMSecs(-lengthOf(window)));
}

Result<RequestLedger::Counts> RequestLedger::countsAt(const QDateTime &now) const
{
    // The app opens the ledger once the cache's integrity check passed; until then nothing
    // was sent, and there is nothing to count.
    const QSqlDatabase database = QSqlDatabase::database(m_connectionName, false);
    if (!database.isOpen())
        return Failure{QStringLiteral("request budget: not open yet")};
    QSqlQuery query(database);
    query.prepare(QStringLiteral("SELECT (SELECT COUNT(*) FROM request_log WHERE at > ?),"
                                 " (SELECT COUNT(*) FROM request_log WHERE is_write = 1"
                                 " AND at > ?)"));
    query.addBindValue(since(Window::Hour, now));
    query.addBindValue(since(Window::Day, now));
    if (!query.exec() || !query.next())
        return failed(QStringLiteral("counting requests"), query.lastError());
    return Counts{query.value(0).toInt(), query.value(1).toInt()};
}

Result<RequestLedger::Counts> RequestLedger::counts() const
{
    return countsAt(now());
}

Result<bool> RequestLedger::recordIf(bool isWrite, const std::function<bool(const Counts &)> &fits)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery begin(db);
    // IMMEDIATE: the app and `kashew` may both count the last free request; one waits.
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return failed(QStringLiteral("counting requests"), begin.lastError());
    const QDateTime at = now();
    const Result<Counts> counted = countsAt(at);
    bool recorded = counted && fits(*counted);
    QSqlQuery statement(db);
    if (recorded) {
        statement.prepare(QStringLiteral("INSERT INTO request_log (at, is_write) VALUES (?, ?)"));
        statement.addBindValue(textOf(at));
        statement.addBindValue(isWrite ? 1 : 0);
        if (!statement.exec()) {
            const QSqlError error = statement.lastError();
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return failed(QStringLiteral("counting a request"), error);
        }
    }
    if (!QSqlQuery(db).exec(QStringLiteral("COMMIT"))) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return Failure{QStringLiteral("request budget: counting a request: the cache refused it")};
    }
    if (!counted)
        return Failure{counted.error()};
    if (recorded && ++m_sincePrune >= pruneEvery) {
        if (const Status pruned = prune(); !pruned)
            return Failure{pruned.error()};
    }
    return recorded;
}

Status RequestLedger::record(bool isWrite)
{
    const Result<bool> recorded = recordIf(isWrite, [](const Counts &) { return true; });
    if (!recorded)
        return Failure{recorded.error()};
    return {};
}

Result<QDateTime> RequestLedger::roomAt(Window window, int limit, int needed) const
{
    const QDateTime at = now();
    if (needed > limit)
        return QDateTime();
    const Result<Counts> counted = countsAt(at);
    if (!counted)
        return Failure{counted.error()};
    const int inWindow = window == Window::Hour ? counted->requestsThisHour : counted->writesToday;
    // This many of the oldest must leave the window first.
    const int leaving = inWindow + needed - limit;
    if (leaving <= 0)
        return at;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT at FROM request_log WHERE at > ?") +
                  (window == Window::Day ? QStringLiteral(" AND is_write = 1") : QString()) +
                  QStringLiteral(" ORDER BY at LIMIT 1 OFFSET ?"));
    query.addBindValue(since(window, at));
    query.addBindValue(leaving - 1);
    if (!query.exec())
        return failed(QStringLiteral("reading the oldest request"), query.lastError());
    if (!query.next())
        return at;
    const QDateTime oldest = QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs);
    return oldest.addMSecs(lengthOf(window));
}

Status RequestLedger::prune()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("DELETE FROM request_log WHERE at <= ?"));
    query.addBindValue(since(Window::Day, now()));
    if (!query.exec())
        return failed(QStringLiteral("forgetting old requests"), query.lastError());
    m_sincePrune = 0;
    return {};
}
