// kashew-server: the Opportunities API of kashew.ai over Qt HttpServer and SQLite.
#include "ApiServer.h"
#include "DemoData.h"
#include "ServerOptions.h"
#include "ServerStore.h"
#include "SignalWatcher.h"
#include "Version.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <cstdio>

namespace {

bool fillDemo(ServerStore &store, const ServerOptions &options)
{
    const auto count = store.opportunityCount();
    if (!count)
        return false;
    if (*count > 0) {
        std::printf("kashew-server: the database already holds %lld opportunities; --demo left "
                    "it as it is\n",
                    static_cast<long long>(*count));
        return true;
    }
    QElapsedTimer timer;
    timer.start();
    // The first key's owner is one of the demo owners, so "my deals" shows something.
    QStringList owners{QStringLiteral("auth0|5f1c9a7e2b"), QStringLiteral("auth0|63d2e8b410"),
                       QStringLiteral("google-oauth2|1048"), QStringLiteral("auth0|7a9e01c3d5")};
    const QStringList keys = options.apiKeys.isEmpty() ? options.readOnlyKeys : options.apiKeys;
    owners.prepend(ApiKeyring::ownerIdFor(keys.constFirst()));
    const DemoData demo =
        DemoData::generate(options.demoCount, owners, QDateTime::currentDateTimeUtc().date());
    const qint64 generatedMs = timer.restart();
    if (!store.insertDemo(demo.accounts, demo.opportunities, demo.creations))
        return false;
    std::printf("kashew-server: created %lld demo opportunities over %lld accounts "
                "(generated in %lld ms, stored in %lld ms)\n",
                static_cast<long long>(demo.opportunities.size()),
                static_cast<long long>(demo.accounts.size()), static_cast<long long>(generatedMs),
                static_cast<long long>(timer.elapsed()));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kashew-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("kashew"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KASHEW_VERSION));
    const ServerOptions options = ServerOptions::parse(QCoreApplication::arguments());

    // The store makes the database's missing folders, its owner's alone.
    ServerStore store;
    QString error;
    if (!store.open(options.databasePath, &error)) {
        std::fprintf(stderr, "kashew-server: %s\n", qPrintable(error));
        return 1;
    }
    if (options.demoCount > 0 && !fillDemo(store, options)) {
        std::fprintf(stderr, "kashew-server: demo data: %s\n", qPrintable(store.lastError()));
        return 1;
    }

    ApiServer::Settings settings{
        ApiKeyring(options.apiKeys, options.readOnlyKeys),
        RateLimiter(options.requestsPerHour, options.writesPerDay, options.rateWindowSeconds),
        options.faults,
        options.logRequests,
        options.omitRetryAfter,
        options.ignoreIdempotencyKey,
        options.idleTimeoutSeconds * 1000,
        options.maxConnections};
    ApiServer server(store, std::move(settings));
    const quint16 port = server.listen(options.address, options.port);
    if (port == 0) {
        std::fprintf(stderr, "kashew-server: cannot listen on %s:%u\n",
                     qPrintable(options.address.toString()), options.port);
        return 1;
    }
    SignalWatcher signalWatcher;
    QStringList maskedKeys;
    for (const QString &key : options.apiKeys)
        maskedKeys.append(ApiKeyring::masked(key));
    for (const QString &key : options.readOnlyKeys)
        maskedKeys.append(ApiKeyring::masked(key) + QStringLiteral(" (read-only)"));
    const QString host = options.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + options.address.toString() + QLatin1Char(']')
                             : options.address.toString();
    // Tests and scripts read this line to learn the port.
    std::printf("kashew-server %s listening on http://%s:%u/api/v1 (database %s; keys %s)\n",
                KASHEW_VERSION, qPrintable(host), port,
                qPrintable(QDir::toNativeSeparators(options.databasePath)),
                qPrintable(maskedKeys.join(QStringLiteral(", "))));
    std::fflush(stdout);
    const int status = QCoreApplication::exec();
    std::printf("kashew-server: stopped\n");
    return status;
}
