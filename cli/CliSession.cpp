#include "CliSession.h"

#include "CliCommands.h"
#include "CliOutput.h"
#include "KeychainCredentialStore.h"

#include <QEventLoop>
#include <QSettings>

using CliOutput::err;

CliSession::CliSession(const QString &profileDir)
    : m_profile(profileDir)
{
    QObject::connect(&m_store, &LocalStore::readFailed, &m_store,
                     [this](const QString &reason) { readFailure(reason); });
}

int CliSession::readFailure(const QString &reason)
{
    if (!m_readFailureSaid) {
        m_readFailureSaid = true;
        err() << "kashew: " << reason << "\n";
    }
    return CliCommands::Failed;
}

Result<CliSession::Deals> CliSession::deals()
{
    auto records = m_store.opportunities();
    if (!records)
        return Failure{records.error()};
    Result<PeopleBook> people = m_store.people();
    if (!people)
        return Failure{people.error()};
    return Deals{std::move(records).value(), std::move(people).value()};
}

bool CliSession::open(const QUrl &serverOverride)
{
    m_server = serverOverride.isEmpty() ? m_profile.serverUrl() : serverOverride;
    const LocalStore::OpenResult opened = m_store.open(m_profile.cachePath(m_server));
    if (!opened.recoveryMessage.isEmpty())
        err() << "kashew: " << opened.recoveryMessage << "\n";
    if (!opened.ok) {
        err() << "kashew: " << opened.error << "\n";
        return false;
    }
    // Every request counts against the key's budget, in the cache the app shares.
    m_gate = std::make_unique<RequestGate>(m_store, [this] {
        return RequestBudget::read(QSettings(m_profile.settingsPath(), QSettings::IniFormat),
                                   RequestBudget::isHostedServer(m_server));
    });
    if (const Status counting = m_gate->open(); !counting) {
        err() << "kashew: " << counting.error() << "\n";
        return false;
    }
    m_client.setRequestGate(m_gate.get());
    // Later commands without --server read and sync the same cache.
    if (!serverOverride.isEmpty() && serverOverride != m_profile.serverUrl())
        m_profile.setServerUrl(serverOverride);
    return true;
}

bool CliSession::loadKey()
{
    QString key = qEnvironmentVariable("KASHEW_API_KEY");
    QString keyError;
    if (key.isEmpty()) {
        KeychainCredentialStore keychain;
        QEventLoop loop;
        keychain.read(m_profile.credentialAccount(m_server),
                      [&](const std::optional<QString> &stored, const QString &error) {
                          key = stored.value_or(QString());
                          keyError = error;
                          loop.quit();
                      });
        loop.exec();
    }
    if (key.isEmpty()) {
        err() << "kashew: no API key for " << m_server.toString()
              << (keyError.isEmpty() ? QString() : QStringLiteral(" (keychain: %1)").arg(keyError))
              << ". Set KASHEW_API_KEY or run 'kashew login'.\n";
        return false;
    }
    ApiClient::Settings settings;
    settings.baseUrl = m_server;
    settings.apiKey = key;
    m_client.setSettings(settings);
    return true;
}

Result<CliSession::RecordMatch> CliSession::findRecord(const QString &idOrPrefix)
{
    if (auto exact = m_store.opportunity(idOrPrefix))
        return RecordMatch(*exact);
    if (const auto renamed = m_store.renamedTo(idOrPrefix)) {
        if (auto exact = m_store.opportunity(*renamed))
            return RecordMatch(*exact);
    }
    const auto records = m_store.opportunities();
    if (!records)
        return Failure{records.error()};
    std::optional<CachedOpportunity> found;
    for (const CachedOpportunity &record : *records) {
        if (!record.opportunity.id.startsWith(idOrPrefix, Qt::CaseInsensitive))
            continue;
        if (found)
            return RecordMatch(Failure{
                QStringLiteral("'%1' matches more than one opportunity; give more of the id")
                    .arg(idOrPrefix)});
        found = record;
    }
    if (!found)
        return RecordMatch(Failure{QStringLiteral("no opportunity with id '%1'").arg(idOrPrefix)});
    return RecordMatch(*found);
}

StaleRule CliSession::staleRule()
{
    return StaleRule::read(QSettings(m_profile.settingsPath(), QSettings::IniFormat));
}

std::optional<int> CliSession::staleDays(const StaleRule &rule, const Opportunity &o,
                                         const QDate &today)
{
    if (!rule.isStale(o.stage, o.updatedAt, today))
        return std::nullopt;
    return StaleRule::daysWithoutChange(o.updatedAt, today);
}
