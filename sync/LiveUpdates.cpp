#include "LiveUpdates.h"

#include "ApiClient.h"
#include "ChangeFeedSettings.h"
#include "LocalStore.h"
#include "RequestGate.h"
#include "ServerFeatures.h"
#include "SyncEngine.h"

#include <QTimer>
#include <algorithm>

LiveUpdates::LiveUpdates(LocalStore &store, ApiClient &client, SyncEngine &engine)
    : m_store(store)
    , m_client(client)
    , m_engine(engine)
{
    connect(&m_channel, &LiveChannel::stateChanged, this, &LiveUpdates::stateChanged);
    connect(&m_channel, &LiveChannel::cursorAnnounced, this, &LiveUpdates::announced);
    connect(&engine, &SyncEngine::stateChanged, this, &LiveUpdates::engineStateChanged);
    connect(&engine, &SyncEngine::finished, this, &LiveUpdates::syncFinished);
    // Each connect is a request for the key's budget, as any other.
    m_channel.setAdmission([this]() -> int {
        RequestGate *gate = m_client.requestGate();
        const std::optional<ApiError> refused = gate ? gate->admit(false) : std::nullopt;
        if (!refused)
            return 0;
        // A cache that cannot count is asked again in a minute, as the budget's wait would be.
        return refused->kind == ApiError::Kind::OverBudget ? std::max(1, refused->retryAfterSeconds)
                                                           : 60;
    });
}

void LiveUpdates::start()
{
    m_started = true;
    update();
}

void LiveUpdates::stop()
{
    m_started = false;
    m_wanted = -1;
    m_channel.close();
}

void LiveUpdates::update()
{
    const ApiClient::Settings &settings = m_client.settings();
    const ApiError &error = m_engine.lastError();
    // A wrong key or an insecure address waits for new settings; being offline for a sync that
    // goes through again (the engine retries by itself).
    const bool waitsForSettings =
        m_engine.state() == SyncEngine::State::Error &&
        (error.kind == ApiError::Kind::Unauthorized || error.kind == ApiError::Kind::Insecure);
    if (m_started && !settings.apiKey.isEmpty() && serverHasEvents() &&
        m_engine.state() != SyncEngine::State::Offline && !waitsForSettings)
        m_channel.open(settings.baseUrl, settings.apiKey);
    else
        m_channel.close();
}

void LiveUpdates::announced(qint64 cursor, bool heartbeat)
{
    m_announced = cursor;
    if (cursor <= cacheCursor())
        return;
    m_wanted = std::max(m_wanted, cursor);
    // After a failed sync a heartbeat would only ask again every few seconds; news still does.
    if (heartbeat && m_lastFailed)
        return;
    syncIfBehind();
}

void LiveUpdates::engineStateChanged()
{
    // A sync that starts now brings at least what was announced so far.
    if (m_engine.state() == SyncEngine::State::Syncing)
        m_syncCovers = m_announced;
    else
        update();
}

void LiveUpdates::syncFinished(bool ok)
{
    m_lastFailed = !ok;
    if (ok)
        m_covered = std::max(m_covered, m_syncCovers);
    update();
    // Cursors announced while it ran and not brought by it: one follow-up, once the engine is
    // done with this one.
    if (ok)
        QTimer::singleShot(0, this, &LiveUpdates::syncIfBehind);
}

void LiveUpdates::syncIfBehind()
{
    if (!m_started || m_wanted <= cacheCursor() || m_engine.state() == SyncEngine::State::Syncing)
        return;
    m_engine.syncNow();
}

qint64 LiveUpdates::cacheCursor() const
{
    return std::max(ChangeFeedSettings(m_store).cursor().value_or(-1), m_covered);
}

bool LiveUpdates::serverHasEvents() const
{
    // What the last response said; before one came (at start), what the cache remembers of
    // this address.
    return m_client.serverFeatures().has(ServerFeatures::events()) ||
           (m_client.serverFeatures().isEmpty() && ChangeFeedSettings(m_store)
                                                       .features(m_client.settings().baseUrl)
                                                       .has(ServerFeatures::events()));
}
