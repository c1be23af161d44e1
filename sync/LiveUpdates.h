#pragma once

#include "LiveChannel.h"

#include <QObject>

class ApiClient;
class LocalStore;
class SyncEngine;

// Keeps the cache following what teammates commit, within a second, where the server names the
// `events` extension: a LiveChannel is open while the engine is started, has a key, is not
// offline and the key was not refused; each cursor past what the cache has asks the engine for a
// sync (with the change feed, one GET /changes). Never more than one sync at a time: cursors
// announced while one runs make at most one follow-up, and none when that sync already brought
// them. Against a server without the extension (the hosted API) nothing is opened.
class LiveUpdates final : public QObject
{
    Q_OBJECT

public:
    LiveUpdates(LocalStore &store, ApiClient &client, SyncEngine &engine);

    // The engine started (maybe with new settings): connect when the server has live events.
    void start();
    void stop();
    LiveChannel::State state() const { return m_channel.state(); }
    LiveChannel &channel() { return m_channel; }

signals:
    void stateChanged(LiveChannel::State state);

private:
    // Opens or closes the channel as the engine's situation says.
    void update();
    void announced(qint64 cursor, bool heartbeat);
    void engineStateChanged();
    void syncFinished(bool ok);
    void syncIfBehind();
    // The newest cursor the cache is known to hold: the change feed's, or one announced before a
    // sync that went through began.
    qint64 cacheCursor() const;
    bool serverHasEvents() const;

    LocalStore &m_store;
    ApiClient &m_client;
    SyncEngine &m_engine;
    LiveChannel m_channel;
    bool m_started = false;
    // The newest cursor the server announced (-1: none yet).
    qint64 m_announced = -1;
    // The newest announced cursor the cache does not hold yet, waiting for a sync.
    qint64 m_wanted = -1;
    // Announced before the running sync started / before the last good sync started.
    qint64 m_syncCovers = -1;
    qint64 m_covered = -1;
    // The last sync failed: heartbeats alone do not ask again (the engine retries by itself).
    bool m_lastFailed = false;
};
