#pragma once

#include "ApiClient.h"
#include "LocalStore.h"
#include "ServerProcess.h"
#include "SyncEngine.h"

#include <QTemporaryDir>
#include <memory>

// A LocalStore, ApiClient and SyncEngine wired to a real kashew-server, with short retry delays.
struct SyncFixture
{
    QTemporaryDir dir;
    LocalStore store;
    ApiClient client;
    std::unique_ptr<SyncEngine> engine;

    bool open(const ServerProcess &server, const QByteArray &key = ServerProcess::writeKey);
    // Runs one sync to its end; returns whether it succeeded.
    bool syncOnce();
};
