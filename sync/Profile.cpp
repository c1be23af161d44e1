#include "Profile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

Profile::Profile(const QString &directory)
    : m_directory(directory.isEmpty()
                      ? QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                            QStringLiteral("/kashew/default")
                      : QDir(directory).absolutePath())
{
    // Settings and the cache live here: a new profile folder is its owner's alone.
    if (!QFileInfo::exists(m_directory) && QDir().mkpath(m_directory))
        QFile::setPermissions(m_directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

QString Profile::settingsPath() const
{
    return m_directory + QStringLiteral("/settings.ini");
}

QUrl Profile::hostedApi()
{
    return QUrl(QStringLiteral("https://kashew.ai/api/v1"));
}

QUrl Profile::serverUrl() const
{
    const QSettings settings(settingsPath(), QSettings::IniFormat);
    const QUrl url = settings.value(QStringLiteral("server/url")).toUrl();
    return url.isValid() && !url.isEmpty() ? url : hostedApi();
}

void Profile::setServerUrl(const QUrl &url)
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    settings.setValue(QStringLiteral("server/url"), url);
}

QString Profile::cachePath(const QUrl &server) const
{
    const QByteArray hash =
        QCryptographicHash::hash(server.toString(QUrl::StripTrailingSlash).toUtf8(),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(12);
    return m_directory + QStringLiteral("/cache-") + QString::fromLatin1(hash) +
           QStringLiteral(".sqlite");
}

QString Profile::credentialAccount(const QUrl &server) const
{
    return m_directory + QLatin1Char('|') + server.toString(QUrl::StripTrailingSlash);
}
