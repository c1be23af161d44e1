#pragma once

#include "AccountService.h"
#include "ApiKeyring.h"
#include "ChangeFeedService.h"
#include "EventHub.h"
#include "FaultInjector.h"
#include "OpportunityService.h"
#include "RateLimiter.h"
#include "UserService.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <functional>

class ServerStore;

// The HTTP front of kashew-server: routes /api/v1 to the services, after the checks every
// request goes through (body size, key, scope, rate limit), and applies test faults. Every
// connection passes a ConnectionGate first, which refuses what Qt HttpServer must not read.
class ApiServer final : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        ApiKeyring keys;
        // Who the keys belong to, for /users.
        UserDirectory users;
        RateLimiter rateLimiter;
        FaultInjector::Plan faults;
        bool logRequests = false;
        bool omitRetryAfter = false;
        bool ignoreIdempotencyKey = false;
        // Connections: see ConnectionGate and GuardedTcpServer.
        int idleTimeoutMs = 30000;
        int maxConnections = 128;
        // The change feed's tombstones, and the live events' heartbeat.
        qint64 keepTombstonesSeconds = 30 * 24 * 60 * 60;
        int heartbeatMs = 20000;
        // Off: only what the hosted API has (no Kashew-Features, /changes, /events, etags).
        bool extensions = true;
    };

    ApiServer(ServerStore &store, Settings settings, QObject *parent = nullptr);

    // Returns the port listened on, 0 on failure (port 0 picks a free one).
    quint16 listen(const QHostAddress &address, quint16 port);

    static constexpr qsizetype maxBodyBytes = 1024 * 1024;
    // Request line and header fields together.
    static constexpr qsizetype maxHeadBytes = 32 * 1024;

private:
    enum class Access
    {
        Read,
        Write
    };
    using Handler = std::function<ApiResponse(const Caller &caller)>;

    void addRoutes();
    void serve(const QHttpServerRequest &request, QHttpServerResponder &&responder, Access access,
               const Handler &handler);
    // `closing`: the request asked for "Connection: close"; the connection closes after this.
    // `acceptEncoding`: the request's, for ResponseCompression.
    void send(QHttpServerResponder &&responder, const ApiResponse &response,
              FaultInjector::Fault fault, bool closing, const QByteArray &acceptEncoding);
    ApiResponse admit(const QHttpServerRequest &request, Access access, Caller *caller);

    QHttpServer m_http;
    ServerStore &m_store;
    OpportunityService m_opportunities;
    AccountService m_accounts;
    Settings m_settings;
    FaultInjector m_faults;
    UserService m_users;
    ChangeFeedService m_changes;
    EventHub m_events;
};
