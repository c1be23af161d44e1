#include "ServerProcess.h"

#include "NginxProxy.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <algorithm>

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

bool ServerProcess::usesTwoProcesses()
{
    return usesPostgres() && qEnvironmentVariableIntValue("KASHEW_TEST_PROCESSES") == 2;
}

ServerProcess::~ServerProcess()
{
    if (anyRunning())
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

quint16 ServerProcess::port() const
{
    return m_proxy ? m_proxy->port() : m_port;
}

QUrl ServerProcess::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1").arg(port()));
}

QUrl ServerProcess::processUrl(int index) const
{
    const quint16 own = index == 1 && m_sibling ? m_sibling->m_port : m_port;
    return QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1").arg(own));
}

QString ServerProcess::processRequestLog(int index)
{
    ServerProcess &part = index == 1 && m_sibling ? *m_sibling : *this;
    // A pattern that never matches: reads what came for a moment, returns nothing.
    part.waitForLine(QRegularExpression(QStringLiteral("^(?!)")), 300);
    return part.m_output;
}

bool ServerProcess::isRunning() const
{
    return m_process.state() != QProcess::NotRunning && (!m_sibling || m_sibling->isRunning()) &&
           (!m_proxy || m_proxy->isRunning());
}

bool ServerProcess::anyRunning() const
{
    return m_process.state() != QProcess::NotRunning || (m_sibling && m_sibling->anyRunning()) ||
           (m_proxy && m_proxy->isRunning());
}

QList<ServerProcess *> ServerProcess::parts()
{
    if (m_sibling)
        return {this, m_sibling.get()};
    return {this};
}

QString ServerProcess::output() const
{
    return m_sibling ? m_output + m_sibling->m_output : m_output;
}

bool ServerProcess::start(const QStringList &arguments)
{
    if (!m_databaseError.isEmpty()) {
        qWarning("kashew-server not started, no test database: %s", qPrintable(m_databaseError));
        return false;
    }
    const QString listen = QStringLiteral("127.0.0.1:%1").arg(m_port);
    if (!launch(QStringList{QStringLiteral("--listen"), listen, QStringLiteral("--database"),
                            databaseArgument(), QStringLiteral("--api-key"),
                            QString::fromLatin1(writeKey), QStringLiteral("--read-only-key"),
                            QString::fromLatin1(readKey)} +
                arguments))
        return false;
    if (m_isSibling || !usesTwoProcesses())
        return true;
    return startSiblingAndProxy(arguments);
}

bool ServerProcess::startSiblingAndProxy(const QStringList &arguments)
{
    if (!m_sibling) {
        m_sibling = std::make_unique<ServerProcess>(SameDatabaseAs{*this});
        m_sibling->m_isSibling = true;
    }
    if (!m_sibling->start(arguments)) {
        stop();
        return false;
    }
    if (!m_proxy)
        m_proxy = std::make_unique<NginxProxy>();
    // A restart keeps nginx's port when it is free, as it keeps the processes'.
    if (!m_proxy->start({m_port, m_sibling->m_port}, m_proxy->port())) {
        qWarning("nginx did not start in front of kashew-server: %s",
                 qPrintable(m_proxy->errorString()));
        stop();
        return false;
    }
    return true;
}

bool ServerProcess::startWithOnly(const QStringList &arguments)
{
    // One process on the caller's database, whatever the run.
    m_proxy.reset();
    m_sibling.reset();
    return launch(arguments);
}

bool ServerProcess::launch(const QStringList &arguments)
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
    // nginx first: once stop() returns, connections are refused, as with one process.
    if (m_proxy)
        m_proxy->stop();
    const int siblingCode = m_sibling ? m_sibling->stopOne() : 0;
    const int code = stopOne();
    return code != 0 ? code : siblingCode;
}

int ServerProcess::stopOne()
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
    // nginx's fast shutdown drops its connections at once: clients see the server die.
    if (m_proxy)
        m_proxy->stop();
    for (ServerProcess *part : parts()) {
        part->m_process.kill();
        part->m_process.waitForFinished();
    }
}

QString ServerProcess::requestLog()
{
    // A pattern that never matches: reads what came for a moment, returns nothing.
    waitForLine(QRegularExpression(QStringLiteral("^(?!)")), 300);
    return output();
}

QString ServerProcess::readUntil(const QRegularExpression &pattern)
{
    while (m_process.canReadLine()) {
        const QString line = QString::fromUtf8(m_process.readLine());
        m_output += line;
        if (pattern.match(line).hasMatch())
            return line;
    }
    return QString();
}

QString ServerProcess::waitForLine(const QRegularExpression &pattern, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    const QList<ServerProcess *> all = parts();
    for (;;) {
        for (ServerProcess *part : all) {
            const QString line = part->readUntil(pattern);
            if (!line.isNull())
                return line;
        }
        const bool running = std::any_of(all.cbegin(), all.cend(), [](const ServerProcess *part) {
            return part->m_process.state() != QProcess::NotRunning;
        });
        if (deadline.hasExpired() || !running)
            return QString();
        // With two processes, short turns on each: a line may come from either.
        qint64 wait = std::max<qint64>(1, deadline.remainingTime());
        if (all.size() > 1)
            wait = std::min<qint64>(wait, 10);
        for (ServerProcess *part : all)
            part->m_process.waitForReadyRead(static_cast<int>(wait));
    }
}
