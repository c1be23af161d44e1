#pragma once

#include <QList>
#include <QObject>
#include <QTimer>

class ChangeNotifier;
class QHttpServer;
class QWebSocket;
class ServerStore;

// The live events (a kashew-server extension): WebSocket connections to /api/v1/events, each
// told {"type":"hello","cursor":N,"heartbeat":SECONDS} on connecting, then
// {"type":"changes","cursor":N} within a second of a commit on any process (ChangeNotifier), never
// a cursor lower than one it was told. The ConnectionGate has checked the upgrade request's key and
// path; read-only keys may listen. Every heartbeat each client gets a WebSocket ping, which its
// WebSocket stack answers by itself (a client that misses two is dropped), and a
// {"type":"heartbeat","cursor":N} text, which the client can see (Qt's QWebSocket and browsers do
// not surface pings) to tell a live server from a dead connection; both keep proxies from timing
// the connection out.
class EventHub final : public QObject
{
    Q_OBJECT

public:
    EventHub(ServerStore &store, int heartbeatMs, QObject *parent = nullptr);
    ~EventHub() override;

    // Takes the WebSocket connections Qt HttpServer accepts.
    void attach(QHttpServer &http);
    int clientCount() const { return static_cast<int>(m_clients.size()); }

    static QString path();

private:
    struct Client
    {
        QWebSocket *socket = nullptr;
        qint64 sent = 0;    // the newest cursor it was told
        int unanswered = 0; // pings without a pong since
    };

    void accept(QWebSocket *socket);
    void tell(qint64 cursor);
    void beat();
    void drop(QWebSocket *socket);
    void forget(QWebSocket *socket);
    Client *find(QWebSocket *socket);

    ServerStore &m_store;
    int m_heartbeatMs;
    ChangeNotifier *m_notifier;
    QList<Client> m_clients;
    QTimer m_heartbeat;
};
