#pragma once

// Header only: the including test defines KASHEW_CLI_PATH, the `kashew` binary it runs.
#include "CliRun.h"
#include "ServerProcess.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QProcess>
#include <QUrl>

// Runs the real `kashew` binary on one profile and server, with the key in KASHEW_API_KEY (never
// the keychain, which needs a desktop session).
class CliOnProfile final
{
public:
    CliOnProfile(const QString &profile, const QUrl &server)
        : m_profile(profile)
        , m_server(server)
    {}

    CliRun run(const QStringList &arguments, const QByteArray &key = ServerProcess::writeKey,
               const QUrl &server = {}) const
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("KASHEW_API_KEY"), QString::fromLatin1(key));
        process.setProcessEnvironment(environment);
        QStringList all{QStringLiteral("--profile"), m_profile};
        // Without a server, the command uses the one the profile remembers.
        if (const QUrl to = server.isEmpty() ? m_server : server; !to.isEmpty())
            all += QStringList{QStringLiteral("--server"), to.toString()};
        process.start(QStringLiteral(KASHEW_CLI_PATH), all + arguments);
        if (!process.waitForFinished(120000))
            process.kill();
        return CliRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                      QString::fromUtf8(process.readAllStandardOutput()),
                      QString::fromUtf8(process.readAllStandardError()), QString()};
    }

private:
    QString m_profile;
    QUrl m_server;
};

// The server's records, newest first (one page of 100).
inline QJsonArray serverRecords(TestHttp &http)
{
    return http.get(QStringLiteral("/opportunities?pageSize=100"))
        .json()
        .value(QStringLiteral("opportunities"))
        .toArray();
}
