#pragma once

#include "ApiClient.h"
#include "LocalStore.h"
#include "MainWindow.h"
#include "MemoryCredentialStore.h"
#include "ModelFeeder.h"
#include "OpportunityListModel.h"
#include "Profile.h"
#include "ServerProcess.h"
#include "SyncEngine.h"

#include <QTemporaryDir>
#include <memory>

// The main window over an empty cache, connected to a real kashew-server with a key, as the app
// runs once set up: for GUI tests that edit in the window and check the server over HTTP.
// Members are declared in the order they depend on each other, so they go in reverse.
struct ConnectedWindow
{
    explicit ConnectedWindow(const ServerProcess &server,
                             const QByteArray &key = ServerProcess::writeKey);
    // The same against a server at `baseUrl`: a scripted one of another dialect, say.
    explicit ConnectedWindow(const QUrl &baseUrl, const QByteArray &key = ServerProcess::writeKey);

    // False when the cache could not be opened (the test should fail).
    bool ok = false;
    QTemporaryDir dir;
    LocalStore store;
    OpportunityListModel model;
    std::unique_ptr<ModelFeeder> feeder;
    ApiClient client;
    std::unique_ptr<SyncEngine> engine;
    std::unique_ptr<Profile> profile;
    MemoryCredentialStore credentials;
    std::unique_ptr<MainWindow> window;

    // Starts a sync and waits until none runs or is queued; true when the last one succeeded.
    bool sync();
    // Waits for the syncs the window started itself (after an edit, a move, a resolve) to end;
    // true when the last one succeeded.
    bool settle();
    // Makes `id` the list's current row (the record the actions and the detail work on).
    bool select(const QString &id);
};
