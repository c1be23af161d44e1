#pragma once

#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

// nginx as an unprivileged child process (temporary prefix, free loopback port) running the team
// site configuration packaging/team/kashew-server.nginx.conf, with its upstream servers pointed at
// the given kashew-server ports: tests and benchmarks go through the configuration users install.
// Stopped when destroyed.
class NginxProxy final
{
public:
    NginxProxy() = default;
    ~NginxProxy();
    NginxProxy(const NginxProxy &) = delete;
    NginxProxy &operator=(const NginxProxy &) = delete;

    // Starts nginx in front of kashew-server processes listening on 127.0.0.1 at `upstreamPorts`,
    // on `port` if it is free (a restart's), else on a free port; waits until it accepts
    // connections. On failure, errorString() says why.
    bool start(const QList<quint16> &upstreamPorts, quint16 port = 0);
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    quint16 port() const { return m_port; }
    // http://127.0.0.1:PORT/api/v1, as ServerProcess::baseUrl().
    QUrl baseUrl() const;
    QString errorString() const { return m_error; }
    // nginx's error log so far (for a failing test's message).
    QString errorLog() const;

    static QString executable();
    static QString siteConfigPath();
    // The site configuration with its upstream servers and listen address replaced; empty (and
    // `error` set) when the shipped file no longer has the lines this substitution expects.
    static QString siteFor(const QString &site, const QList<quint16> &upstreamPorts, quint16 port,
                           QString *error);

private:
    bool startOnce(const QList<quint16> &upstreamPorts, quint16 port);

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};
