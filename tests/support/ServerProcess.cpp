#include "ServerProcess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

ServerProcess::ServerProcess()
{
    if (usesPostgres()) {
        Result<std::shared_ptr<PostgresTestDatabase>> created = PostgresTestDatabase::create();
        if (created)
            m_postgres = std::move(created).value();
        else
            m_databaseError = created.error();
    }
    setUpEnvironment();
}

ServerProcess::ServerProcess(SameDatabaseAs sibling)
    : m_dir(sibling.first.m_dir)
    , m_postgres(sibling.first.m_postgres)
    , m_databaseError(sibling.first.m_databaseError)
{
    setUpEnvironment();
}

void ServerProcess::setUpEnvironment()
{
    // Warnings and the request log come on standard error; tests read them with the rest.
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    if (m_postgres) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PGPASSWORD"), m_postgres->password());
        m_process.setProcessEnvironment(environment);
    }
}

bool ServerProcess::usesPostgres()
{
    return PostgresTestDatabase::requested();
}

ServerProcess::~ServerProcess()
{
    if (isRunning())
        stop();
}

QString ServerProcess::executable()
{
    return QStringLiteral(KASHEW_SERVER_PATH);
}

ServerProcess::Run ServerProcess::runToEnd(const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(executable(), arguments);
    process.waitForFinished(30000);
    return {process.exitCode(), QString::fromUtf8(process.readAll())};
}

QString ServerProcess::databasePath() const
{
    return m_dir->filePath(QStringLiteral("server.sqlite"));
}

QString ServerProcess::databaseArgument() const
{
    return m_postgres ? m_postgres->url() : databasePath();
}

QUrl ServerProcess::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1").arg(m_port));
}

bool ServerProcess::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

bool ServerProcess::start(const QStringList &arguments)
{
    if (!m_databaseError.isEmpty()) {
        qWarning("kashew-server not started, no test database: %s", qPrintable(m_databaseError));
        return false;
    }
    const QString listen = QStringLiteral("127.0.0.1:%1").arg(m_port);
    return startWithOnly(
        QStringList{QStringLiteral("--listen"), listen, QStringLiteral("--database"),
                    databaseArgument(), QStringLiteral("--api-key"), QString::fromLatin1(writeKey),
                    QStringLiteral("--read-only-key"), QString::fromLatin1(readKey)} +
        arguments);
}

bool ServerProcess::startWithOnly(const QStringList &arguments)
{
    m_output.clear();
    m_process.start(executable(), arguments);
    static const QRegularExpression listening(
        QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)/"));
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        if (!m_process.waitForReadyRead(static_cast<int>(deadline.remainingTime())) &&
            m_process.state() == QProcess::NotRunning)
            break;
        while (m_process.canReadLine()) {
            const QString line = QString::fromUtf8(m_process.readLine());
            m_output += line;
            const QRegularExpressionMatch match = listening.match(line);
            if (match.hasMatch()) {
                m_port = static_cast<quint16>(match.captured(1).toUInt());
                return true;
            }
        }
    }
    m_output += QString::fromUtf8(m_process.readAll());
    qWarning("kashew-server did not start: %s", qPrintable(m_output));
    m_process.kill();
    m_process.waitForFinished();
    return false;
}

int ServerProcess::stop()
{
    m_process.terminate();
    if (!m_process.waitForFinished(30000)) {
        m_process.kill();
        m_process.waitForFinished();
    }
    m_output += QString::fromUtf8(m_process.readAll());
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void ServerProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished();
}

QString ServerProcess::requestLog()
{
    // A pattern that never matches: reads what came for a moment, returns nothing.
    waitForLine(QRegularExpression(QStringLiteral("^(?!)")), 300);
    return m_output;
}

QString ServerProcess::waitForLine(const QRegularExpression &pattern, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        while (m_process.canReadLine()) {
            const QString line = QString::fromUtf8(m_process.readLine());
            m_output += line;
            if (pattern.match(line).hasMatch())
                return line;
        }
        if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
            return QString();
        m_process.waitForReadyRead(static_cast<int>(std::max<qint64>(1, deadline.remainingTime())));
    }
}
