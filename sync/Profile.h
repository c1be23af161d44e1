#pragma once

#include <QString>
#include <QUrl>

// A user's workspace: a folder with its settings and one cache per server, shared by the
// desktop app and the `kashew` command.
class Profile final
{
public:
    // `directory` empty: the default profile under the app data location.
    explicit Profile(const QString &directory = {});

    QString directory() const { return m_directory; }
    // The server from the settings; the hosted API when none is set.
    QUrl serverUrl() const;
    void setServerUrl(const QUrl &url);
    static QUrl hostedApi();
    // The cache of this profile for `server`.
    QString cachePath(const QUrl &server) const;
    // The keychain entry for `server`'s key.
    QString credentialAccount(const QUrl &server) const;
    QString settingsPath() const;

private:
    QString m_directory;
};
