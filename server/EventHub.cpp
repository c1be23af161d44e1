#include "EventHub.h"

#include "ApiResponse.h"
#include "ChangeNotifier.h"
#include "ServerStore.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocket>

namespace {

QString message(const QString &type, qint64 cursor)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("type"), type},
                                                       {QStringLiteral("cursor"), cursor}})
                                 .toJson(QJsonDocument::Compact));
}

// A client that has not answered this many pings in a row is gone.
constexpr int maxUnansweredPings = 2;

} // namespace

EventHub::EventHub(ServerStore &store, int heartbeatMs, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_heartbeatMs(heartbeatMs)
    , m_notifier(new ChangeNotifier(store, this))
{
    connect(m_notifier, &ChangeNotifier::advanced, this, &EventHub::tell);
    if (const Status started = m_notifier->start(); !started)
        qWarning("kashew-server: live events: %s", qPrintable(started.error()));
    connect(&m_heartbeat, &QTimer::timeout, this, &EventHub::beat);
    if (m_heartbeatMs > 0)
        m_heartbeat.start(m_heartbeatMs);
}

EventHub::~EventHub() = default;

QString EventHub::path()
{
    return QStringLiteral("/api/v1/events");
}

void EventHub::attach(QHttpServer &http)
{
    // Qt HttpServer 6.4 switches a request to a WebSocket only when a route takes it, and that
    // route must write nothing: the WebSocket server answers the upgrade.
    http.route(path(), QHttpServerRequest::Method::Get,
               [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   if (request.value("Upgrade").compare("websocket", Qt::CaseInsensitive) == 0)
                       return;
                   const ApiResponse refusal = ApiResponse::error(
                       426, QStringLiteral("Connect with a WebSocket (Upgrade: websocket)."));
                   responder.write(
                       refusal.body,
                       {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
                        {QByteArrayLiteral("Upgrade"), QByteArrayLiteral("websocket")}},
                       QHttpServerResponder::StatusCode::UpgradeRequired);
               });
    connect(&http, &QHttpServer::newWebSocketConnection, this, [this, &http] {
        while (http.hasPendingWebSocketConnections()) {
            if (std::unique_ptr<QWebSocket> socket = http.nextPendingWebSocketConnection())
                accept(socket.release());
        }
    });
}

void EventHub::accept(QWebSocket *socket)
{
    socket->setParent(this);
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { forget(socket); });
    // The gate answers 404 to an upgrade elsewhere; this is the second line.
    if (socket->requestUrl().path() != path()) {
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("Not found"));
        return;
    }
    const Result<qint64> cursor = m_store.changes().current();
    if (!cursor) {
        qWarning("kashew-server: live events: %s", qPrintable(cursor.error()));
        socket->close(QWebSocketProtocol::CloseCodeBadOperation,
                      QStringLiteral("The server cannot read its changes."));
        return;
    }
    // Any frame from the client shows that it is there.
    connect(socket, &QWebSocket::pong, this, [this, socket] {
        if (Client *client = find(socket))
            client->unanswered = 0;
    });
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket] {
        if (Client *client = find(socket))
            client->unanswered = 0;
    });
    m_clients.append({socket, *cursor, 0});
    // The interval tells the client when a silent connection is dead (0: no heartbeats); whole
    // seconds, rounded up so that a client never gives up before a beat was due.
    const QJsonObject hello{
        {QStringLiteral("type"), QStringLiteral("hello")},
        {QStringLiteral("cursor"), *cursor},
        {QStringLiteral("heartbeat"), m_heartbeatMs > 0 ? (m_heartbeatMs + 999) / 1000 : 0}};
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(hello).toJson(QJsonDocument::Compact)));
}

void EventHub::tell(qint64 cursor)
{
    for (Client &client : m_clients) {
        if (cursor <= client.sent)
            continue;
        client.sent = cursor;
        client.socket->sendTextMessage(message(QStringLiteral("changes"), cursor));
    }
}

void EventHub::beat()
{
    QList<QWebSocket *> gone;
    for (Client &client : m_clients) {
        if (client.unanswered >= maxUnansweredPings) {
            gone.append(client.socket);
            continue;
        }
        ++client.unanswered;
        client.socket->ping();
        client.socket->sendTextMessage(message(QStringLiteral("heartbeat"), client.sent));
    }
    for (QWebSocket *socket : gone)
        drop(socket);
}

void EventHub::drop(QWebSocket *socket)
{
    forget(socket);
    socket->abort();
}

void EventHub::forget(QWebSocket *socket)
{
    m_clients.removeIf([socket](const Client &client) { return client.socket == socket; });
    socket->deleteLater();
}

EventHub::Client *EventHub::find(QWebSocket *socket)
{
    for (Client &client : m_clients) {
        if (client.socket == socket)
            return &client;
    }
    return nullptr;
}
