#pragma once

#include <QObject>
#include <QUrl>

class ApiClient;
class CredentialStore;
class Profile;
class RecordStore;
class SyncEngine;

// How the app reaches its server, in one place for the start and the settings: the server from
// the profile, the API key from KASHEW_API_KEY or the credential store (never a settings file),
// the sync interval from the profile, and the engine started with them. Without a key the app
// runs local-only. It needs no widgets: what the user should know comes out as signals.
class ConnectionSetup final : public QObject
{
    Q_OBJECT

public:
    ConnectionSetup(ApiClient &client, SyncEngine &engine, RecordStore &store, Profile &profile,
                    CredentialStore &credentials, QObject *parent = nullptr);

    // Minutes between syncs (0: only on demand).
    int syncMinutes() const;
    // The key in use; empty when there is none.
    QString apiKey() const;

    // At start: the profile's server, the key from the environment or else the credential
    // store, and a sync every syncMinutes() when there is a key.
    void connectAtStart();
    // The user's new settings, kept in the profile and the credential store. The same server:
    // the key is used at once, the refused edits are tried again with it, and the engine
    // restarts at the new interval. Another server: it needs a restart (a cache of its own).
    void change(const QUrl &server, const QString &key, int minutes);

signals:
    // Each time a key is taken: whether there is none.
    void localOnlyChanged(bool localOnly);
    // The user entered a key: it may be allowed what the old one was refused.
    void keyReplaced();
    // A sentence for the user, and whether the settings are the way on.
    void problem(const QString &message, bool offerSettings);

private:
    void useKey(const QString &key);

    ApiClient &m_client;
    SyncEngine &m_engine;
    RecordStore &m_store;
    Profile &m_profile;
    CredentialStore &m_credentials;
};
