#include "IntegrityCheck.h"

#include "SqliteConnection.h"

#include <QCoreApplication>
#include <QMutexLocker>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <atomic>
#include <sqlite3.h>

namespace {

std::atomic<int> checkCounter{0};

IntegrityCheck::Outcome failedToRun(const QSqlError &error)
{
    const int code = SqliteConnection::resultCode(error);
    return {IntegrityCheck::isDamage(code) ? IntegrityCheck::Outcome::Kind::Damaged
                                           : IntegrityCheck::Outcome::Kind::Unchecked,
            error.text(), code};
}

} // namespace

IntegrityCheck::IntegrityCheck(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<IntegrityCheck::Outcome>();
}

IntegrityCheck::~IntegrityCheck()
{
    interrupt();
    if (m_thread)
        m_thread->wait();
}

bool IntegrityCheck::isDamage(int sqliteCode)
{
    constexpr int corrupt = 11;      // SQLITE_CORRUPT
    constexpr int notADatabase = 26; // SQLITE_NOTADB
    return sqliteCode == corrupt || sqliteCode == notADatabase;
}

IntegrityCheck::Outcome IntegrityCheck::run(const QString &connectionName)
{
    QSqlQuery check(QSqlDatabase::database(connectionName));
    if (!check.exec(QStringLiteral("PRAGMA quick_check")))
        return failedToRun(check.lastError());
    if (!check.next() || check.value(0).toString() != QLatin1String("ok")) {
        // A read that fails part-way is damage only when SQLite says so.
        if (!check.isValid() && check.lastError().isValid())
            return failedToRun(check.lastError());
        return {Outcome::Kind::Damaged,
                check.isValid()
                    ? check.value(0).toString()
                    : QCoreApplication::translate("LocalStore", "integrity check failed"),
                0};
    }
    return {Outcome::Kind::Sound, {}, 0};
}

void IntegrityCheck::start(const QString &path)
{
    if (m_thread)
        m_thread->wait();
    m_running = true;
    m_stopping = false;
    m_thread.reset(QThread::create([this, path] {
        const Outcome outcome = checkInThread(path);
        QMetaObject::invokeMethod(
            this,
            [this, outcome] {
                m_thread->wait(); // its connection is gone already: only the thread ends
                m_running = false;
                emit finished(outcome);
            },
            Qt::QueuedConnection);
    }));
    // Below the window's thread: the first screen and the paging in come first.
    m_thread->start(QThread::LowPriority);
}

bool IntegrityCheck::isRunning() const
{
    return m_running;
}

void IntegrityCheck::interrupt()
{
    const QMutexLocker locker(&m_handleLock);
    m_stopping = true;
    if (m_handle)
        sqlite3_interrupt(m_handle);
}

IntegrityCheck::Outcome IntegrityCheck::checkInThread(const QString &path)
{
    // QtSql connections belong to the thread that made them: made, used and removed here.
    const QString name = QStringLiteral("kashew-check-%1").arg(++checkCounter);
    Outcome outcome;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        // Never writes; waits out the app's own connection checkpointing the WAL.
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            outcome = failedToRun(db.lastError());
        } else {
            bool stopping = false;
            {
                const QMutexLocker locker(&m_handleLock);
                stopping = m_stopping;
                m_handle = SqliteConnection::handle(name);
            }
            if (!stopping)
                outcome = run(name);
            const QMutexLocker locker(&m_handleLock);
            m_handle = nullptr;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return outcome;
}
