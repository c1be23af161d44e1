#include "NginxProxy.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool writeAll(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(text.toUtf8()) == text.toUtf8().size();
}

} // namespace

NginxProxy::~NginxProxy()
{
    stop();
}

QString NginxProxy::executable()
{
    return QStringLiteral(KASHEW_NGINX_PATH);
}

QString NginxProxy::siteConfigPath()
{
    return QStringLiteral(KASHEW_TEAM_DIR "/kashew-server.nginx.conf");
}

QUrl NginxProxy::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1").arg(m_port));
}

QString NginxProxy::errorLog() const
{
    return readAll(m_dir.filePath(QStringLiteral("error.log")));
}

QString NginxProxy::siteFor(const QString &site, const QList<quint16> &upstreamPorts, quint16 port,
                            QString *error)
{
    // The upstream's "server 127.0.0.1:PORT options;" lines become one line per given port, with
    // the first line's options; "listen 80;" becomes the loopback port; IPv6 is left out.
    static const QRegularExpression upstreamLine(
        QStringLiteral("^([ \\t]*)server 127\\.0\\.0\\.1:\\d+([^;\\n]*);[ \\t]*\\n"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression listen4(QStringLiteral("^([ \\t]*)listen 80;"),
                                            QRegularExpression::MultilineOption);
    static const QRegularExpression listen6(QStringLiteral("^[ \\t]*listen \\[::\\]:80;[ \\t]*\\n"),
                                            QRegularExpression::MultilineOption);
    QString text = site;
    const QRegularExpressionMatch first = upstreamLine.match(text);
    if (!first.hasMatch() || !listen4.match(text).hasMatch()) {
        *error = QStringLiteral("%1 has no upstream \"server 127.0.0.1:PORT\" line or no "
                                "\"listen 80;\"")
                     .arg(siteConfigPath());
        return {};
    }
    QString servers;
    for (quint16 upstream : upstreamPorts)
        servers += QStringLiteral("%1server 127.0.0.1:%2%3;\n")
                       .arg(first.captured(1))
                       .arg(upstream)
                       .arg(first.captured(2));
    text.remove(upstreamLine);
    text.insert(first.capturedStart(), servers);
    text.replace(listen4, QStringLiteral("\\1listen 127.0.0.1:%1;").arg(port));
    text.remove(listen6);
    return text;
}

bool NginxProxy::start(const QList<quint16> &upstreamPorts, quint16 port)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    if (executable().isEmpty()) {
        m_error = QStringLiteral("nginx was not found at configure time; install it "
                                 "(packaging/install-deps.sh) and configure again");
        return false;
    }
    // Another process may take the free port before nginx binds it: try a few.
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (startOnce(upstreamPorts, attempt == 0 && port != 0 ? port : freePort()))
            return true;
        if (!m_error.contains(QLatin1String("Address already in use")))
            return false;
    }
    return false;
}

bool NginxProxy::startOnce(const QList<quint16> &upstreamPorts, quint16 port)
{
    const QString site = siteFor(readAll(siteConfigPath()), upstreamPorts, port, &m_error);
    if (site.isEmpty())
        return false;
    const QString dir = m_dir.path();
    // Started as root, nginx's workers run as nobody: they must reach the temporary paths
    // (request bodies over 16 KiB are written there).
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                   QFile::ExeGroup | QFile::ExeOther);
    QFile::remove(m_dir.filePath(QStringLiteral("error.log")));
    // The main configuration a distribution's nginx.conf would be, with every path in `dir`: the
    // site goes inside http {} as sites-enabled/ does. One worker, so that round-robin is exact.
    const QString main = QStringLiteral("daemon off;\n"
                                        "worker_processes 1;\n"
                                        "pid %1/nginx.pid;\n"
                                        "error_log %1/error.log info;\n"
                                        "events { worker_connections 1024; }\n"
                                        "http {\n"
                                        "    access_log %1/access.log;\n"
                                        "    client_body_temp_path %1/body;\n"
                                        "    proxy_temp_path %1/proxy;\n"
                                        "    fastcgi_temp_path %1/fastcgi;\n"
                                        "    uwsgi_temp_path %1/uwsgi;\n"
                                        "    scgi_temp_path %1/scgi;\n"
                                        "    include %1/site.conf;\n"
                                        "}\n")
                             .arg(dir);
    if (!writeAll(m_dir.filePath(QStringLiteral("site.conf")), site) ||
        !writeAll(m_dir.filePath(QStringLiteral("nginx.conf")), main)) {
        m_error = QStringLiteral("cannot write the configuration in %1").arg(dir);
        return false;
    }
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    // -e: nginx's own error log before it reads the configuration, not /var/log/nginx.
    m_process.start(executable(),
                    {QStringLiteral("-p"), dir, QStringLiteral("-e"),
                     m_dir.filePath(QStringLiteral("error.log")), QStringLiteral("-c"),
                     m_dir.filePath(QStringLiteral("nginx.conf"))});
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (m_process.state() == QProcess::NotRunning)
            break;
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, port);
        if (probe.waitForConnected(200)) {
            m_port = port;
            m_error.clear();
            return true;
        }
        m_process.waitForFinished(100);
    }
    stop();
    m_error = QString::fromUtf8(m_process.readAll()) + errorLog();
    if (m_error.isEmpty())
        m_error = QStringLiteral("nginx did not accept connections on port %1").arg(port);
    return false;
}

void NginxProxy::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    // SIGTERM: nginx's fast shutdown.
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished();
    }
}
