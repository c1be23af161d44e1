#pragma once

#include "PostgresTestDatabase.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

class NginxProxy;

// A real kashew-server process on a free loopback port with a database of its own, for
// integration tests and benchmarks. Stopped (SIGTERM) when destroyed.
// The database is an SQLite file in a temporary folder, or, when KASHEW_TEST_BACKEND=postgresql
// (the *_pg registrations), a fresh database in the test cluster (see PostgresTestDatabase),
// dropped with its last process; its password reaches the server in PGPASSWORD, never on the
// command line.
// With KASHEW_TEST_PROCESSES=2 as well (the *_pg2 registrations), start() runs two processes on
// that database with packaging/team's nginx in front (round-robin): port() and baseUrl() are
// nginx's, so one test's consecutive requests land on both processes, and stop(), kill(),
// isRunning(), output(), requestLog() and waitForLine() cover both (and nginx). startWithOnly()
// stays one process: its callers bring their own database.
class ServerProcess final
{
public:
    static constexpr const char *writeKey = "kshw_test_writekey_0123456789";
    static constexpr const char *readKey = "kshw_test_readonly_0123456789";

    // For a second (third...) process on another's database: several kashew-server processes
    // serving one database, each on its own port, as behind a load balancer.
    struct SameDatabaseAs
    {
        const ServerProcess &first;
    };

    ServerProcess();
    //   ServerProcess first; ServerProcess second{ServerProcess::SameDatabaseAs{first}};
    // The database lives until the last of them is destroyed.
    explicit ServerProcess(SameDatabaseAs sibling);
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Starts the server with the test keys plus `arguments`; waits until it listens.
    // A restart keeps the database and, when it is free, the port.
    bool start(const QStringList &arguments = {});
    // Starts the server with only these arguments (no test keys, address or database added), as
    // a packaged service starts; waits until it listens. Always one process.
    bool startWithOnly(const QStringList &arguments);
    // SIGTERM and wait: the server's clean stop. Returns its exit code (-1 if it crashed).
    int stop();
    // SIGKILL, and wait: the process dies at once, without its clean stop (no signal handler,
    // no closing of the database, no WAL checkpoint). What it wrote stays in the operating
    // system's page cache, so this tests a crash of the process: every answered write was
    // committed, and the next start recovers the database from the WAL it left. It is not a power
    // cut: with synchronous=NORMAL a power cut may lose the last commits (WAL not yet synced to
    // disk), and no test here simulates one.
    void kill();

    // Every process (and nginx) runs.
    bool isRunning() const;
    quint16 port() const;
    QUrl baseUrl() const;
    // The SQLite file; in a PostgreSQL run, a file no server uses unless a test passes it itself.
    QString databasePath() const;
    // What start() gives --database: databasePath(), or the postgresql:// URL.
    QString databaseArgument() const;
    // The PostgreSQL database of a PostgreSQL run (null on SQLite).
    std::shared_ptr<PostgresTestDatabase> postgresDatabase() const { return m_postgres; }
    // KASHEW_TEST_BACKEND=postgresql.
    static bool usesPostgres();
    // KASHEW_TEST_PROCESSES=2 (with KASHEW_TEST_BACKEND=postgresql).
    static bool usesTwoProcesses();
    // The kashew-server processes behind baseUrl() (1, or 2 behind nginx), each one's own address
    // and request log: for tests of the topology itself.
    int processCount() const { return m_sibling ? 2 : 1; }
    QUrl processUrl(int index) const;
    QString processRequestLog(int index);
    // The first process's.
    qint64 processId() const { return m_process.processId(); }
    // Everything read so far, the first process's output then the second's.
    QString output() const;
    // The output so far (with --log-requests, the request log), read without stopping the server.
    QString requestLog();
    // Reads the server's output until a line matches (returned) or `timeoutMs` passes (empty).
    QString waitForLine(const QRegularExpression &pattern, int timeoutMs);
    static QString executable();

    // How a run that ends by itself (--version, --help, a bad option) ended: its exit code and
    // everything it printed, stdout and stderr together.
    struct Run
    {
        int exitCode = -1;
        QString output;
    };
    static Run runToEnd(const QStringList &arguments);

private:
    void setUpEnvironment();
    bool launch(const QStringList &arguments);
    bool startSiblingAndProxy(const QStringList &arguments);
    int stopOne();
    bool anyRunning() const;
    QList<ServerProcess *> parts();
    // Reads the lines that came; the first that matches (null if none), the rest left unread.
    QString readUntil(const QRegularExpression &pattern);

    std::shared_ptr<QTemporaryDir> m_dir = std::make_shared<QTemporaryDir>();
    std::shared_ptr<PostgresTestDatabase> m_postgres;
    // Why the PostgreSQL database could not be made; start() fails with it.
    QString m_databaseError;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_output;
    // A *_pg2 run: the second process on this one's database, and nginx in front of both.
    std::unique_ptr<ServerProcess> m_sibling;
    std::unique_ptr<NginxProxy> m_proxy;
    // This is another ServerProcess's sibling: one process, whatever the run.
    bool m_isSibling = false;
};
