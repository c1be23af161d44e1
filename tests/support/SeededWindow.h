#pragma once

#include "ApiClient.h"
#include "LocalStore.h"
#include "MainWindow.h"
#include "MemoryCredentialStore.h"
#include "ModelFeeder.h"
#include "OpportunityListModel.h"
#include "Profile.h"
#include "SyncEngine.h"

#include <QTemporaryDir>
#include <memory>

// The main window over a cache seeded with SampleRows (and accounts A, B, C), local-only, for
// GUI tests. Members are declared in the order they depend on each other, so they go in reverse.
struct SeededWindow
{
    SeededWindow();

    // False when the cache could not be seeded (the test should fail).
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
};
