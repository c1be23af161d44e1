#include "SyncFixture.h"

#include <QSignalSpy>

bool SyncFixture::open(const ServerProcess &server, const QByteArray &key)
{
    if (!store.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok)
        return false;
    ApiClient::Settings settings;
    settings.baseUrl = server.baseUrl();
    settings.apiKey = QString::fromLatin1(key);
    settings.transferTimeoutMs = 5000;
    settings.maxRetries = 3;
    settings.backoffBaseMs = 20;
    settings.backoffMaxMs = 200;
    settings.maxRateLimitWaitSeconds = 2;
    client.setSettings(settings);
    engine = std::make_unique<SyncEngine>(store, client);
    return true;
}

bool SyncFixture::syncOnce()
{
    QSignalSpy finished(engine.get(), &SyncEngine::finished);
    engine->syncNow();
    if (finished.isEmpty() && !finished.wait(120000))
        return false;
    return finished.first().first().toBool();
}
