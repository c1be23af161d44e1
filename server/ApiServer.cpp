#include "ApiServer.h"

#include "GuardedTcpServer.h"
#include "ResponseCompression.h"
#include "ServerStore.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <algorithm>
#include <memory>

namespace {

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    default:
        return QStringLiteral("OTHER");
    }
}

// Whether the request asks to close the connection after the response (the gate adds
// "Connection: close" to HTTP/1.0 requests without keep-alive).
bool closesConnection(const QHttpServerRequest &request)
{
    const QList<QByteArray> tokens = request.value("Connection").split(',');
    return std::any_of(tokens.begin(), tokens.end(), [](const QByteArray &token) {
        return token.trimmed().compare("close", Qt::CaseInsensitive) == 0;
    });
}

// Writes the status line, headers and body; `bodyBytes` below the body size cuts it short.
// `closing`: says "Connection: close" and closes the connection once the response is out.
void writeResponse(QHttpServerResponder &responder, const ApiResponse &response,
                   qsizetype bodyBytes, bool closing = false)
{
    // The responder writes status, headers and body separately; without this, Nagle's algorithm
    // and the client's delayed ACK hold mid-sized responses back for 40 ms.
    responder.socket()->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    if (!response.body.isEmpty())
        responder.writeHeader(QByteArrayLiteral("Content-Type"),
                              QByteArrayLiteral("application/json"));
    for (const auto &header : response.headers)
        responder.writeHeader(header.first, header.second);
    if (response.status != 204) // RFC 9110: a 204 carries no Content-Length
        responder.writeHeader(QByteArrayLiteral("Content-Length"),
                              QByteArray::number(response.body.size()));
    if (closing)
        responder.writeHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    responder.writeBody(response.body.left(bodyBytes));
    if (closing)
        responder.socket()->disconnectFromHost();
}

// List responses name the extensions this server has (CONTRACT.md), so a client learns them
// without a request of its own; the hosted API sends no such header.
ApiResponse withFeatures(ApiResponse response, bool extensions)
{
    if (!extensions)
        return response;
    response.headers.append(
        {QByteArrayLiteral("Kashew-Features"), QByteArrayLiteral("changes, events, etags, users")});
    return response;
}

} // namespace

ApiServer::ApiServer(ServerStore &store, Settings settings, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_opportunities(store)
    , m_accounts(store)
    , m_settings(std::move(settings))
    , m_faults(m_settings.faults)
    , m_users(m_settings.users)
    , m_changes(store, m_settings.keepTombstonesSeconds)
    , m_events(store, m_settings.heartbeatMs)
{
    addRoutes();
    if (m_settings.extensions)
        m_events.attach(m_http);
}

quint16 ApiServer::listen(const QHostAddress &address, quint16 port)
{
    const ConnectionGate::Settings gate{m_settings.keys,
                                        {maxHeadBytes, maxBodyBytes},
                                        m_settings.idleTimeoutMs,
                                        m_settings.logRequests};
    auto *server = new GuardedTcpServer(gate, m_settings.maxConnections, this);
    if (!server->listen(address, port)) {
        delete server;
        return 0;
    }
    m_http.bind(server);
    return server->serverPort();
}

void ApiServer::addRoutes()
{
    using Method = QHttpServerRequest::Method;
    const QString opportunities = QStringLiteral("/api/v1/opportunities");
    const QString accounts = QStringLiteral("/api/v1/accounts");
    const QString users = QStringLiteral("/api/v1/users");
    const QString changes = QStringLiteral("/api/v1/changes");

    m_http.route(opportunities, Method::Get,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     serve(request, std::move(responder), Access::Read, [&](const Caller &) {
                         // Kashew-Cursor: the clock read BEFORE the listing, so a client that
                         // follows the feed from it after a whole listing misses nothing (what
                         // changed meanwhile comes again).
                         std::optional<qint64> cursor;
                         if (m_settings.extensions) {
                             if (const auto current = m_store.currentChange())
                                 cursor = *current;
                         }
                         ApiResponse response = withFeatures(
                             m_opportunities.list(request.query(), m_settings.extensions),
                             m_settings.extensions);
                         if (cursor && response.status == 200)
                             response.headers.append(
                                 {QByteArrayLiteral("Kashew-Cursor"), QByteArray::number(*cursor)});
                         return response;
                     });
                 });
    m_http.route(opportunities, Method::Post,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     serve(request, std::move(responder), Access::Write, [&](const Caller &caller) {
                         return m_opportunities.create(caller, request.body(),
                                                       m_settings.ignoreIdempotencyKey
                                                           ? QByteArray()
                                                           : request.value("Idempotency-Key"));
                     });
                 });
    m_http.route(opportunities + QStringLiteral("/<arg>"), Method::Get,
                 [this](const QString &id, const QHttpServerRequest &request,
                        QHttpServerResponder &&responder) {
                     serve(request, std::move(responder), Access::Read,
                           [&](const Caller &) { return m_opportunities.get(id); });
                 });
    m_http.route(opportunities + QStringLiteral("/<arg>"), Method::Put,
                 [this](const QString &id, const QHttpServerRequest &request,
                        QHttpServerResponder &&responder) {
                     serve(request, std::move(responder), Access::Write, [&](const Caller &caller) {
                         return m_opportunities.update(caller, id, request.body(),
                                                       request.value("If-Match"));
                     });
                 });
    m_http.route(opportunities + QStringLiteral("/<arg>"), Method::Delete,
                 [this](const QString &id, const QHttpServerRequest &request,
                        QHttpServerResponder &&responder) {
                     serve(request, std::move(responder), Access::Write, [&](const Caller &) {
                         return m_opportunities.remove(id, request.value("If-Match"));
                     });
                 });
    m_http.route(accounts, Method::Get,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     serve(request, std::move(responder), Access::Read, [&](const Caller &) {
                         return withFeatures(m_accounts.list(request.query()),
                                             m_settings.extensions);
                     });
                 });
    m_http.route(accounts, Method::Post,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     serve(request, std::move(responder), Access::Write, [&](const Caller &caller) {
                         return m_accounts.create(caller, request.body());
                     });
                 });
    m_http.route(accounts + QStringLiteral("/<arg>"), Method::Get,
                 [this](const QString &id, const QHttpServerRequest &request,
                        QHttpServerResponder &&responder) {
                     serve(request, std::move(responder), Access::Read,
                           [&](const Caller &) { return m_accounts.get(id); });
                 });
    m_http.route(users, Method::Get,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     serve(request, std::move(responder), Access::Read, [&](const Caller &) {
                         return withFeatures(m_users.list(request.query()), m_settings.extensions);
                     });
                 });
    m_http.route(changes, Method::Get,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     serve(request, std::move(responder), Access::Read, [&](const Caller &) {
                         return m_settings.extensions
                                    ? m_changes.read(request.query())
                                    : ApiResponse::error(404, QStringLiteral("Not Found"));
                     });
                 });
    m_http.route(users + QStringLiteral("/me"), Method::Get,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     serve(request, std::move(responder), Access::Read,
                           [&](const Caller &caller) { return m_users.me(caller); });
                 });

    // Rules are tried in order: what reaches these is a known path with another method.
    const auto notAllowed = [this](const QByteArray &allow) {
        return [this, allow](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            ApiResponse response = ApiResponse::error(405, QStringLiteral("Method Not Allowed"));
            response.headers.append({QByteArrayLiteral("Allow"), allow});
            send(std::move(responder), response, FaultInjector::Fault::None,
                 closesConnection(request), request.value("Accept-Encoding"));
        };
    };
    const auto withArg = [notAllowed](const QByteArray &allow) {
        return [notAllowed, allow](const QString &, const QHttpServerRequest &request,
                                   QHttpServerResponder &&responder) {
            notAllowed(allow)(request, std::move(responder));
        };
    };
    m_http.route(opportunities, Method::AnyKnown, notAllowed(QByteArrayLiteral("GET, POST")));
    m_http.route(opportunities + QStringLiteral("/<arg>"), Method::AnyKnown,
                 withArg(QByteArrayLiteral("GET, PUT, DELETE")));
    m_http.route(accounts, Method::AnyKnown, notAllowed(QByteArrayLiteral("GET, POST")));
    m_http.route(accounts + QStringLiteral("/<arg>"), Method::AnyKnown,
                 withArg(QByteArrayLiteral("GET")));
    m_http.route(users, Method::AnyKnown, notAllowed(QByteArrayLiteral("GET")));
    m_http.route(changes, Method::AnyKnown, notAllowed(QByteArrayLiteral("GET")));
    m_http.route(users + QStringLiteral("/me"), Method::AnyKnown,
                 notAllowed(QByteArrayLiteral("GET")));
    m_http.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            send(std::move(responder), ApiResponse::error(404, QStringLiteral("Not Found")),
                 FaultInjector::Fault::None, closesConnection(request),
                 request.value("Accept-Encoding"));
        });
}

ApiResponse ApiServer::admit(const QHttpServerRequest &request, Access access, Caller *caller)
{
    // The connection's gate has refused these already; kept for any other way in.
    if (request.body().size() > maxBodyBytes ||
        request.value("Content-Length").toLongLong() > maxBodyBytes)
        return ApiResponse::error(413, QStringLiteral("Request body is larger than 1 MiB."));
    const auto authenticated = m_settings.keys.authenticate(request.value("Authorization"));
    if (!authenticated) {
        ApiResponse response = ApiResponse::error(401, QStringLiteral("Invalid API key"));
        response.headers.append(
            {QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
        return response;
    }
    *caller = *authenticated;
    if (access == Access::Write && !caller->canWrite)
        return ApiResponse::error(403, QStringLiteral("Scope 'crm:write' required"));
    const Result<int> admitted = m_settings.rateLimiter.admit(
        caller->keyId, access == Access::Write, QDateTime::currentMSecsSinceEpoch());
    // Refused, not admitted uncounted: a budget that processes share must hold when the
    // database does not answer (the request would likely fail there anyway).
    if (!admitted) {
        qWarning("kashew-server: database error: %s", qPrintable(admitted.error()));
        return ApiResponse::error(500, QStringLiteral("Internal server error (database)."));
    }
    const int wait = *admitted;
    if (wait > 0) {
        ApiResponse response = ApiResponse::error(
            429, QStringLiteral("Rate limit exceeded. Try again in %1 seconds.").arg(wait));
        if (!m_settings.omitRetryAfter)
            response.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(wait)});
        return response;
    }
    if (m_faults.failBeforeHandling())
        return ApiResponse::error(500, QStringLiteral("Internal server error (injected fault)."));
    return ApiResponse::empty(0);
}

void ApiServer::serve(const QHttpServerRequest &request, QHttpServerResponder &&responder,
                      Access access, const Handler &handler)
{
    QElapsedTimer timer;
    timer.start();
    Caller caller;
    ApiResponse response = admit(request, access, &caller);
    FaultInjector::Fault fault = FaultInjector::Fault::None;
    if (response.status == 0) {
        response = handler(caller);
        fault = m_faults.responseFault();
    }
    if (m_settings.logRequests)
        qInfo("%s %s -> %d (%lld µs)%s", qPrintable(methodName(request.method())),
              qPrintable(request.url().path()), response.status, timer.nsecsElapsed() / 1000,
              fault == FaultInjector::Fault::None ? "" : " [fault]");
    send(std::move(responder), response, fault, closesConnection(request),
         request.value("Accept-Encoding"));
}

void ApiServer::send(QHttpServerResponder &&responder, const ApiResponse &plain,
                     FaultInjector::Fault fault, bool closing, const QByteArray &acceptEncoding)
{
    // Faults act on what goes over the wire: a malformed body is broken before it is compressed,
    // a cut one after.
    const ApiResponse response = ResponseCompression::encoded(plain, acceptEncoding);
    switch (fault) {
    case FaultInjector::Fault::None:
        writeResponse(responder, response, response.body.size(), closing);
        return;
    case FaultInjector::Fault::Error:
        Q_UNREACHABLE();
    case FaultInjector::Fault::Malformed: {
        // A hostile or broken server: records with a field no client can read, or no JSON.
        ApiResponse broken = plain;
        if (broken.body.contains("\"stage\":\""))
            broken.body.replace("\"stage\":\"", "\"stage\":\"bogus_");
        else if (!broken.body.isEmpty())
            broken.body = QByteArrayLiteral("<html><body>502 Bad Gateway</body></html>");
        broken = ResponseCompression::encoded(broken, acceptEncoding);
        writeResponse(responder, broken, broken.body.size(), closing);
        return;
    }
    case FaultInjector::Fault::Cut: {
        // The work is done and committed; the client sees a connection closed mid-body.
        QTcpSocket *socket = responder.socket();
        writeResponse(responder, response, response.body.size() / 2);
        socket->flush();
        socket->disconnectFromHost();
        return;
    }
    case FaultInjector::Fault::Delay: {
        auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
        QPointer<QTcpSocket> socket = held->socket();
        QTimer::singleShot(m_faults.delayMs(), this, [held, socket, response, closing] {
            if (socket && socket->state() == QAbstractSocket::ConnectedState)
                writeResponse(*held, response, response.body.size(), closing);
        });
        return;
    }
    }
}
