#pragma once

#include <QMutex>
#include <QObject>
#include <QString>
#include <memory>

class QThread;
struct sqlite3;

// SQLite's quick_check of a cache file: at once on a connection that is open (opening the cache
// the careful way), or in a worker thread on a connection of its own, so that reading every page
// of a large file (most of it from disk when the file is cold) does not hold the first window
// back. One check at a time per object.
class IntegrityCheck final : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        enum class Kind
        {
            Sound,
            // SQLite found damage; `text` says where.
            Damaged,
            // The check could not run (the disk, a lock): nothing is known.
            Unchecked,
        };
        Kind kind = Kind::Unchecked;
        QString text;
        // SQLite's result code when the check failed to run, else 0.
        int sqliteCode = 0;
    };

    explicit IntegrityCheck(QObject *parent = nullptr);
    // Stops a check still running (SQLite is interrupted) and waits for its thread.
    ~IntegrityCheck() override;

    // The check on the open QtSql connection `connectionName`, in this thread.
    static Outcome run(const QString &connectionName);
    // Damage, as opposed to a file that is sound but cannot be used right now.
    static bool isDamage(int sqliteCode);

    // Checks `path` in a worker thread on a read-only connection of its own; finished() comes
    // in this object's thread once that connection is closed again.
    void start(const QString &path);
    bool isRunning() const;

signals:
    void finished(const IntegrityCheck::Outcome &outcome);

private:
    Outcome checkInThread(const QString &path);
    void interrupt();

    std::unique_ptr<QThread> m_thread;
    // From start() until finished() is emitted.
    bool m_running = false;
    // The worker's SQLite handle while it checks, for interrupt(); guarded by m_handleLock.
    mutable QMutex m_handleLock;
    sqlite3 *m_handle = nullptr;
    bool m_stopping = false;
};

Q_DECLARE_METATYPE(IntegrityCheck::Outcome)
