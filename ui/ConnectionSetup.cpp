#include "ConnectionSetup.h"

#include "ApiClient.h"
#include "CredentialStore.h"
#include "Profile.h"
#include "RecordStore.h"
#include "SyncEngine.h"

#include <QPointer>
#include <QSettings>
#include <chrono>

namespace {

const QString syncMinutesKey = QStringLiteral("sync/minutes");

} // namespace

ConnectionSetup::ConnectionSetup(ApiClient &client, SyncEngine &engine, RecordStore &store,
                                 Profile &profile, CredentialStore &credentials, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_engine(engine)
    , m_store(store)
    , m_profile(profile)
    , m_credentials(credentials)
{}

int ConnectionSetup::syncMinutes() const
{
    return QSettings(m_profile.settingsPath(), QSettings::IniFormat)
        .value(syncMinutesKey, 15)
        .toInt();
}

QString ConnectionSetup::apiKey() const
{
    return m_client.settings().apiKey;
}

void ConnectionSetup::connectAtStart()
{
    ApiClient::Settings settings = m_client.settings();
    settings.baseUrl = m_profile.serverUrl();
    m_client.setSettings(settings);
    const auto connectWith = [this](const QString &key) {
        useKey(key);
        if (!key.isEmpty())
            m_engine.start(std::chrono::minutes(syncMinutes()));
    };
    const QString environmentKey = qEnvironmentVariable("KASHEW_API_KEY");
    if (!environmentKey.isEmpty()) {
        connectWith(environmentKey);
        return;
    }
    // The system keychain may answer later, after this object is gone (the app quit meanwhile).
    m_credentials.read(m_profile.credentialAccount(settings.baseUrl),
                       [self = QPointer(this), connectWith](const std::optional<QString> &key,
                                                            const QString &error) {
                           if (!self)
                               return;
                           if (!error.isEmpty())
                               emit self->problem(
                                   tr("The system keychain cannot be read (%1). Set "
                                      "KASHEW_API_KEY, or enter the key in the settings for this "
                                      "session.")
                                       .arg(error),
                                   true);
                           connectWith(key.value_or(QString()));
                       });
}

void ConnectionSetup::change(const QUrl &server, const QString &key, int minutes)
{
    m_profile.setServerUrl(server);
    QSettings(m_profile.settingsPath(), QSettings::IniFormat).setValue(syncMinutesKey, minutes);
    if (server != m_client.settings().baseUrl) {
        emit problem(tr("The server changed: restart kashew to open that server's workspace."),
                     false);
        return;
    }
    m_credentials.write(m_profile.credentialAccount(server), key,
                        [self = QPointer(this)](const QString &error) {
                            if (self && !error.isEmpty())
                                emit self->problem(tr("The system keychain is not available "
                                                      "(%1): the key is kept for this session "
                                                      "only.")
                                                       .arg(error),
                                                   false);
                        });
    useKey(key);
    emit keyReplaced();
    m_engine.resetReadOnly();
    // A failure leaves the refused edits as they are, shown as refused: nothing more to say.
    static_cast<void>(m_store.retryFailed());
    m_engine.start(std::chrono::minutes(minutes));
}

void ConnectionSetup::useKey(const QString &key)
{
    ApiClient::Settings settings = m_client.settings();
    settings.apiKey = key;
    m_client.setSettings(settings);
    emit localOnlyChanged(key.isEmpty());
}
