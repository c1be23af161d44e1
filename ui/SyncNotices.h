#pragma once

#include "SyncEngine.h"

#include <QObject>

class NotificationBanner;

// What the banner says about the connection: offline, a refused key, a rate limit's wait, a
// failed sync, records that could not be read, a read-only key, or that there is no server yet.
// A sync that goes through takes the banner away again (unless the key is read-only). The status
// bar says the state itself (SyncStatusBar); this says what went wrong and the way on.
class SyncNotices final : public QObject
{
    Q_OBJECT

public:
    SyncNotices(SyncEngine &engine, NotificationBanner &banner, QObject *parent = nullptr);

    // Without a server the engine's failures say nothing the rep can act on: only how to connect.
    void setLocalOnly(bool localOnly);

private:
    void stateChanged(SyncEngine::State state);

    SyncEngine &m_engine;
    NotificationBanner &m_banner;
    bool m_localOnly = false;
};
