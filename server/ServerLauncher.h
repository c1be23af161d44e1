#pragma once

#include "ServerOptions.h"
#include "ServerStore.h"

#include <memory>

class ApiKeyring;
class ApiServer;
class SignalWatcher;

// kashew-server's start-up: opens the database, fills it with demo data when asked, listens and
// prints the line tests and scripts read the port from. Keeps what it started alive until it is
// destroyed, after the event loop.
class ServerLauncher final
{
public:
    explicit ServerLauncher(ServerOptions options);
    ~ServerLauncher();
    ServerLauncher(const ServerLauncher &) = delete;
    ServerLauncher &operator=(const ServerLauncher &) = delete;

    // False once it has printed why the server cannot run.
    bool start();

private:
    Status fillDemo();
    // Who the keys belong to: declared users, demo owners, and each key's user.
    UserDirectory users(const ApiKeyring &keyring) const;

    ServerOptions m_options;
    ServerStore m_store;
    std::unique_ptr<ApiServer> m_server;
    std::unique_ptr<SignalWatcher> m_signalWatcher;
};
