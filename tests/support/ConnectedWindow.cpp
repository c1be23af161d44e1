#include "ConnectedWindow.h"

#include "ItemRoles.h"
#include "OpportunityFilterProxy.h"

#include <QSignalSpy>
#include <QTableView>
#include <QTest>

ConnectedWindow::ConnectedWindow(const ServerProcess &server, const QByteArray &key)
    : ConnectedWindow(server.baseUrl(), key)
{}

ConnectedWindow::ConnectedWindow(const QUrl &baseUrl, const QByteArray &key)
{
    if (!store.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok)
        return;
    feeder = std::make_unique<ModelFeeder>(store, model);
    feeder->reload();
    ApiClient::Settings settings;
    settings.baseUrl = baseUrl;
    settings.apiKey = QString::fromLatin1(key);
    settings.transferTimeoutMs = 5000;
    settings.maxRetries = 2;
    settings.backoffBaseMs = 20;
    settings.backoffMaxMs = 200;
    settings.maxRateLimitWaitSeconds = 2;
    client.setSettings(settings);
    engine = std::make_unique<SyncEngine>(store, client);
    profile = std::make_unique<Profile>(dir.filePath(QStringLiteral("profile")));
    profile->setServerUrl(baseUrl);
    window = std::make_unique<MainWindow>(
        MainWindow::Services{store, model, *engine, client, *profile, credentials});
    ok = true;
}

bool ConnectedWindow::sync()
{
    engine->syncNow();
    return settle();
}

bool ConnectedWindow::settle()
{
    for (int round = 0; round < 20; ++round) {
        // A sync for the latest edits starts once their quiet period is over.
        if (engine->state() != SyncEngine::State::Syncing && !engine->isPushScheduled()) {
            // A sync asked for while one ran starts on a later pass of the event loop.
            QTest::qWait(50);
            if (engine->state() != SyncEngine::State::Syncing && !engine->isPushScheduled())
                return engine->state() == SyncEngine::State::UpToDate;
        }
        QSignalSpy finished(engine.get(), &SyncEngine::finished);
        if (!finished.wait(60000))
            return false;
    }
    return false;
}

bool ConnectedWindow::select(const QString &id)
{
    OpportunityFilterProxy *proxy = window->proxy();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, 0);
        if (index.data(ItemRoles::Id).toString() == id) {
            window->table()->setCurrentIndex(index);
            return true;
        }
    }
    return false;
}
