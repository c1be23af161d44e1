#include "LiveChannel.h"

#include "ApiClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QWebSocket>
#include <algorithm>

namespace {

// kashew-server's heartbeat when it does not say (its --heartbeat default).
constexpr int defaultHeartbeatMs = 20000;
// A connection attempt without a hello this long is given up (or 2.5 heartbeats, if longer).
constexpr int helloTimeoutMs = 10000;

} // namespace

LiveChannel::LiveChannel(QObject *parent)
    : QObject(parent)
{
    m_silence.setSingleShot(true);
    connect(&m_silence, &QTimer::timeout, this, [this] {
        // A dead peer (stopped, or gone without a FIN) never closes the socket itself.
        if (QWebSocket *socket = m_socket)
            ended(socket);
    });
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &LiveChannel::connectNow);
}

LiveChannel::~LiveChannel()
{
    dropSocket();
}

QUrl LiveChannel::eventsUrl(const QUrl &baseUrl)
{
    QUrl url = baseUrl;
    if (baseUrl.scheme() == QLatin1String("https"))
        url.setScheme(QStringLiteral("wss"));
    else if (baseUrl.scheme() == QLatin1String("http"))
        url.setScheme(QStringLiteral("ws"));
    else
        return QUrl();
    QString path = baseUrl.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/events"));
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

void LiveChannel::setBackoff(int firstMs, int maxMs)
{
    m_firstBackoffMs = std::max(1, firstMs);
    m_maxBackoffMs = std::max(m_firstBackoffMs, maxMs);
}

void LiveChannel::open(const QUrl &baseUrl, const QString &apiKey)
{
    if (baseUrl == m_baseUrl && apiKey == m_apiKey && (m_state != State::Off || m_refused))
        return;
    close();
    m_baseUrl = baseUrl;
    m_apiKey = apiKey;
    // The key never travels in clear text beyond this computer (ApiClient's rule).
    if (!eventsUrl(baseUrl).isValid() ||
        (!apiKey.isEmpty() && !ApiClient::isSafeToSendKey(baseUrl)))
        return;
    connectNow();
}

void LiveChannel::close()
{
    m_retry.stop();
    m_silence.stop();
    dropSocket();
    m_baseUrl = QUrl();
    m_apiKey.clear();
    m_refused = false;
    m_failures = 0;
    setState(State::Off);
}

void LiveChannel::connectNow()
{
    if (m_admission) {
        if (const int waitSeconds = m_admission(); waitSeconds > 0) {
            setState(State::Connecting);
            m_retry.start(waitSeconds * 1000);
            return;
        }
    }
    dropSocket();
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &text) { received(socket, text); });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { ended(socket); });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, socket] { ended(socket); });
    QNetworkRequest request(eventsUrl(m_baseUrl));
    request.setHeader(QNetworkRequest::UserAgentHeader, ApiClient::userAgent());
    if (!m_apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_apiKey.toUtf8());
    setState(State::Connecting);
    // A server that takes the connection but never answers (stopped, say) is given up too.
    m_silence.start(std::max(helloTimeoutMs, silenceLimitMs()));
    socket->open(request);
}

void LiveChannel::received(QWebSocket *socket, const QString &text)
{
    if (socket != m_socket)
        return;
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value(QStringLiteral("type")).toString();
    const qint64 cursor = message.value(QStringLiteral("cursor")).toInteger(-1);
    if (type == QLatin1String("hello")) {
        const QJsonValue heartbeat = message.value(QStringLiteral("heartbeat"));
        m_heartbeatMs =
            heartbeat.isDouble() ? std::max(0, heartbeat.toInt() * 1000) : m_heartbeatMs;
        m_seenHeartbeatMs = 0;
        m_lastHeartbeat.invalidate();
        m_failures = 0;
        setState(State::Connected);
    } else if (type == QLatin1String("heartbeat")) {
        // A server that does not say its heartbeat shows it.
        if (m_lastHeartbeat.isValid())
            m_seenHeartbeatMs =
                std::max(m_seenHeartbeatMs, static_cast<int>(m_lastHeartbeat.elapsed()));
        m_lastHeartbeat.start();
    }
    // Any message shows the server is there; before its hello, the attempt's limit holds.
    if (m_state == State::Connected) {
        if (const int limit = silenceLimitMs(); limit > 0)
            m_silence.start(limit);
        else
            m_silence.stop();
    }
    if (cursor >= 0 && m_state == State::Connected &&
        (type == QLatin1String("hello") || type == QLatin1String("changes") ||
         type == QLatin1String("heartbeat")))
        emit cursorAnnounced(cursor, type == QLatin1String("heartbeat"));
}

void LiveChannel::ended(QWebSocket *socket)
{
    if (socket != m_socket)
        return;
    // Qt 6.4 says why an upgrade was turned away only in words: "... status code: 401 (...)".
    static const QRegularExpression unauthorized(QStringLiteral("\\b401\\b"));
    const bool refused =
        m_state == State::Connecting && unauthorized.match(socket->errorString()).hasMatch();
    m_silence.stop();
    dropSocket();
    if (refused) {
        m_refused = true;
        setState(State::Off);
        return;
    }
    retryLater();
}

void LiveChannel::retryLater()
{
    // 1 s, 2 s, 4 s ... up to the maximum, each somewhere between 80 % and 120 % of that, so
    // that clients a server restart dropped together do not come back together.
    const int exponent = std::min(m_failures, 16);
    const qint64 base = std::min<qint64>(qint64(m_firstBackoffMs) << exponent, m_maxBackoffMs);
    const qint64 jittered = base * (80 + QRandomGenerator::global()->bounded(41)) / 100;
    ++m_failures;
    setState(State::Connecting);
    m_retry.start(static_cast<int>(std::min<qint64>(jittered, m_maxBackoffMs)));
}

void LiveChannel::dropSocket()
{
    QWebSocket *socket = m_socket;
    if (!socket)
        return;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

int LiveChannel::silenceLimitMs() const
{
    int heartbeatMs = m_heartbeatMs;
    if (heartbeatMs < 0)
        heartbeatMs = m_seenHeartbeatMs > 0 ? m_seenHeartbeatMs : defaultHeartbeatMs;
    return heartbeatMs * 5 / 2;
}

void LiveChannel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}
