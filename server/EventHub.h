#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QHttpServer;
class QWebSocket;
class ServerStore;

// The live events (a kashew-server extension): WebSocket connections to /api/v1/events, each
// told {"type":"changes","cursor":N} within a second of a commit on any process (this process:
// ServerStore's change listener; other processes: PostgreSQL's NOTIFY kashew_changes). The
// ConnectionGate has checked the upgrade request's key; read-only keys may listen.
class EventHub final : public QObject
{
    Q_OBJECT

public:
    EventHub(ServerStore &store, int heartbeatMs, QObject *parent = nullptr);
    ~EventHub() override;

    // Takes the WebSocket connections Qt HttpServer accepts.
    void attach(QHttpServer &http);
    int clientCount() const { return static_cast<int>(m_clients.size()); }

private:
    ServerStore &m_store;
    int m_heartbeatMs;
    QList<QPointer<QWebSocket>> m_clients;
    QTimer m_heartbeat;
};
