#include "ServerLauncher.h"

#include "ApiServer.h"
#include "DemoData.h"
#include "DemoLoader.h"
#include "SignalWatcher.h"
#include "Version.h"

#include <QDir>
#include <QElapsedTimer>
#include <cstdio>

ServerLauncher::ServerLauncher(ServerOptions options)
    : m_options(std::move(options))
{}

// Out of line: ApiServer and SignalWatcher are complete only here.
ServerLauncher::~ServerLauncher() = default;

Status ServerLauncher::fillDemo()
{
    const auto count = m_store.opportunityCount();
    if (!count)
        return Failure{count.error()};
    if (*count > 0) {
        std::printf("kashew-server: the database already holds %lld opportunities; --demo left "
                    "it as it is\n",
                    static_cast<long long>(*count));
        return {};
    }
    QElapsedTimer timer;
    timer.start();
    // The first key's user is one of the demo owners, so "my deals" shows something.
    QStringList owners;
    for (const Person &owner : DemoData::owners())
        owners.append(owner.id);
    const QStringList keys =
        m_options.apiKeys.isEmpty() ? m_options.readOnlyKeys : m_options.apiKeys;
    const QString firstUser =
        m_options.keyUsers.value(keys.constFirst(), ApiKeyring::ownerIdFor(keys.constFirst()));
    if (!owners.contains(firstUser))
        owners.prepend(firstUser);
    const DemoData demo =
        DemoData::generate(m_options.demoCount, owners, QDateTime::currentDateTimeUtc().date());
    const qint64 generatedMs = timer.restart();
    if (const Status loaded = DemoLoader(m_store).load(demo); !loaded)
        return loaded;
    std::printf("kashew-server: created %lld demo opportunities over %lld accounts "
                "(generated in %lld ms, stored in %lld ms)\n",
                static_cast<long long>(demo.opportunities.size()),
                static_cast<long long>(demo.accounts.size()), static_cast<long long>(generatedMs),
                static_cast<long long>(timer.elapsed()));
    return {};
}

UserDirectory ServerLauncher::users(const ApiKeyring &keyring) const
{
    // The demo's owners are users too (without --demo no record names them); a declared user
    // wins over a demo owner of the same id.
    UserDirectory users;
    if (m_options.demoCount > 0) {
        for (const Person &owner : DemoData::owners())
            users.add(owner);
    }
    for (const Person &declared : m_options.users.sorted())
        users.add(declared);
    for (const QString &id : keyring.userIds())
        users.include(id);
    return users;
}

bool ServerLauncher::start()
{
    // The store makes the database's missing folders, its owner's alone.
    if (const Status opened = m_store.open(m_options.database); !opened) {
        std::fprintf(stderr, "kashew-server: %s\n", qPrintable(opened.error()));
        return false;
    }
    if (m_options.demoCount > 0) {
        if (const Status filled = fillDemo(); !filled) {
            std::fprintf(stderr, "kashew-server: demo data: %s\n", qPrintable(filled.error()));
            return false;
        }
    }

    ApiKeyring keyring(m_options.apiKeys, m_options.readOnlyKeys, m_options.keyUsers);
    ApiServer::Settings settings{keyring,
                                 users(keyring),
                                 RateLimiter(m_store.connectionName(), m_store.backend(),
                                             m_options.requestsPerHour, m_options.writesPerDay,
                                             m_options.rateWindowSeconds),
                                 m_options.faults,
                                 m_options.logRequests,
                                 m_options.omitRetryAfter,
                                 m_options.ignoreIdempotencyKey,
                                 m_options.idleTimeoutSeconds * 1000,
                                 m_options.maxConnections,
                                 m_options.keepTombstonesSeconds,
                                 m_options.heartbeatSeconds * 1000,
                                 !m_options.noExtensions};
    m_server = std::make_unique<ApiServer>(m_store, std::move(settings));
    const quint16 port = m_server->listen(m_options.address, m_options.port);
    if (port == 0) {
        std::fprintf(stderr, "kashew-server: cannot listen on %s:%u\n",
                     qPrintable(m_options.address.toString()), m_options.port);
        return false;
    }
    m_signalWatcher = std::make_unique<SignalWatcher>();
    QStringList maskedKeys;
    for (const QString &key : m_options.apiKeys)
        maskedKeys.append(ApiKeyring::masked(key));
    for (const QString &key : m_options.readOnlyKeys)
        maskedKeys.append(ApiKeyring::masked(key) + QStringLiteral(" (read-only)"));
    const QString host = m_options.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + m_options.address.toString() + QLatin1Char(']')
                             : m_options.address.toString();
    // Tests and scripts read this line to learn the port.
    std::printf("kashew-server %s listening on http://%s:%u/api/v1 (database %s; keys %s)\n",
                KASHEW_VERSION, qPrintable(host), port,
                qPrintable(m_options.database.isPostgres()
                               ? m_options.database.display()
                               : QDir::toNativeSeparators(m_options.database.path)),
                qPrintable(maskedKeys.join(QStringLiteral(", "))));
    std::fflush(stdout);
    return true;
}
