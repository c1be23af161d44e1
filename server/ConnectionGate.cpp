#include "ConnectionGate.h"

#include "ApiResponse.h"
#include "EventHub.h"
#include "RelaySocket.h"

#include <sys/socket.h>
#include <utility>

namespace {

// How much is taken off the network at a time (and all Qt buffers from it).
constexpr qint64 readPieceBytes = 64 * 1024;
// After the server's last answer and its FIN: how long the client has to close, in ms.
constexpr int lingerMs = 2000;
// A body earns its sender one more second for every this many bytes.
constexpr qint64 bodyBytesPerSecond = 16 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 413:
        return QByteArrayLiteral("Content Too Large");
    case 414:
        return QByteArrayLiteral("URI Too Long");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 505:
        return QByteArrayLiteral("HTTP Version Not Supported");
    default:
        return QByteArrayLiteral("Error");
    }
}

// A whole answer with {"detail": ...}, after which the server closes the connection.
QByteArray refusalMessage(int status, const QString &detail,
                          const QList<QPair<QByteArray, QByteArray>> &headers)
{
    const ApiResponse response = ApiResponse::error(status, detail);
    QByteArray message =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    message += "Content-Type: application/json\r\n";
    for (const auto &header : headers)
        message += header.first + ": " + header.second + "\r\n";
    message += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    message += "Connection: close\r\n\r\n";
    return message + response.body;
}

} // namespace

ConnectionGate::ConnectionGate(QTcpSocket *socket, const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_settings(settings)
    , m_framer(settings.limits)
{
    m_socket->setParent(this);
    // Only a piece at a time comes off the network, however much the client sends.
    m_socket->setReadBufferSize(readPieceBytes);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGate::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGate::pump);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &ConnectionGate::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &ConnectionGate::onDisconnected);
    restartClock();
    // Bytes may have come with the connection.
    m_pumpQueued = true;
    QMetaObject::invokeMethod(this, &ConnectionGate::pump, Qt::QueuedConnection);
}

ConnectionGate::~ConnectionGate()
{
    if (RelaySocket *relay = m_relay)
        relay->detach();
}

RelaySocket *ConnectionGate::relay(QObject *parent)
{
    if (!m_relay)
        m_relay = new RelaySocket(this, *m_socket, parent);
    return m_relay;
}

void ConnectionGate::refuseConnection(int status, const QString &detail,
                                      const QList<QPair<QByteArray, QByteArray>> &headers)
{
    refuse(status, detail, headers);
}

void ConnectionGate::pump()
{
    m_pumpQueued = false;
    if (m_state == State::Closing) {
        drain();
        return;
    }
    if (m_state == State::Tunnel) {
        while (m_relay && m_relay->undeliveredBytes() < m_settings.limits.maxBodyBytes) {
            const QByteArray piece =
                m_input.isEmpty() ? m_socket->read(readPieceBytes) : std::exchange(m_input, {});
            if (piece.isEmpty())
                return;
            m_relay->deliver(piece);
        }
        return;
    }
    while (m_state == State::Reading && m_refusal.isEmpty() && !m_closeAfterResponse) {
        // One request at a time: Qt HttpServer reads each as it is delivered.
        if (m_relay && m_relay->undeliveredBytes() > 0)
            return;
        const qint64 bodyBefore = m_framer.bodyBytesReceived();
        switch (m_framer.advance(m_input)) {
        case HttpRequestFramer::Step::NeedMore:
            if (m_framer.bodyBytesReceived() != bodyBefore)
                scheduleTimeout();
            if (!readMore())
                return;
            break;
        case HttpRequestFramer::Step::HeadReady:
            if (!admit())
                return;
            break;
        case HttpRequestFramer::Step::MessageReady:
            forward();
            break;
        case HttpRequestFramer::Step::Refused:
            refuse(m_framer.refusalStatus(), m_framer.refusalDetail());
            return;
        }
    }
}

bool ConnectionGate::readMore()
{
    const QByteArray piece = m_socket->read(readPieceBytes);
    if (piece.isEmpty())
        return false;
    m_input += piece;
    return true;
}

bool ConnectionGate::admit()
{
    const RequestHead &head = m_framer.head();
    // No key, no body: an unknown client's upload is never read.
    if (!m_settings.keys.authenticate(head.value("authorization"))) {
        refuse(401, QStringLiteral("Invalid API key"),
               {{QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")}});
        return false;
    }
    // Qt HttpServer 6.4 switches any request a route takes to a WebSocket (after the route has
    // answered it as HTTP), later versions any path at all: only the live events may switch.
    if (head.isUpgrade() && head.hasToken("upgrade", "websocket") &&
        head.target.split('?').constFirst() != EventHub::path().toLatin1()) {
        refuse(404, QStringLiteral("Not Found"));
        return false;
    }
    m_framer.readBody(); // refuses a declared length over the limit
    const qint64 declared = m_framer.declaredLength();
    if (declared != 0 && declared <= m_settings.limits.maxBodyBytes && head.minorVersion >= 1 &&
        head.hasToken("expect", "100-continue"))
        m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
    return true;
}

void ConnectionGate::forward()
{
    const bool upgrade = m_framer.head().isUpgrade();
    m_closeAfterResponse = m_framer.head().closesConnection();
    const QByteArray message = m_framer.takeMessage();
    if (!m_relay) {
        closeGracefully();
        return;
    }
    m_awaitingResponse = true;
    m_timer.stop();
    if (upgrade)
        m_state = State::Tunnel;
    // Qt HttpServer handles it now, and usually answers before this returns.
    m_relay->deliver(message);
    // That answer leaves now, in one write, rather than on the event loop's next pass.
    if (m_state == State::Reading && m_socket->bytesToWrite() > 0)
        m_socket->flush();
}

void ConnectionGate::refuse(int status, const QString &detail,
                            const QList<QPair<QByteArray, QByteArray>> &headers)
{
    if (m_state != State::Reading || !m_refusal.isEmpty())
        return;
    if (m_settings.logRequests) {
        const RequestHead &head = m_framer.head();
        qInfo("%s %s -> %d (refused at the connection: %s)",
              head.method.isEmpty() ? "-" : head.method.constData(),
              head.target.isEmpty() ? "-" : head.target.constData(), status, qPrintable(detail));
    }
    m_refusal = refusalMessage(status, detail, headers);
    // After the answer to the request before it, if that is still being worked on.
    if (!m_awaitingResponse)
        writeRefusal();
}

void ConnectionGate::writeRefusal()
{
    if (m_state != State::Reading || m_refusal.isEmpty())
        return;
    m_socket->write(std::exchange(m_refusal, {}));
    closeGracefully();
}

void ConnectionGate::closeGracefully()
{
    if (m_state == State::Closing || m_state == State::Gone)
        return;
    m_state = State::Closing;
    m_input.clear();
    if (RelaySocket *relay = m_relay)
        relay->detach();
    // The answer goes out first (within the idle timeout), then the FIN; what the client still
    // sends is read and dropped until it closes too, so that it sees the answer rather than a
    // reset.
    m_timer.start(m_settings.idleTimeoutMs);
    m_socket->flush(); // may already have shut the writes down, in onBytesWritten()
    if (!m_writesShutDown && m_socket->bytesToWrite() == 0)
        shutdownWrites();
    drain();
}

void ConnectionGate::shutdownWrites()
{
    m_writesShutDown = true;
    const qintptr descriptor = m_socket->socketDescriptor();
    if (descriptor >= 0)
        ::shutdown(static_cast<int>(descriptor), SHUT_WR);
    m_timer.start(qMin(m_settings.idleTimeoutMs, lingerMs));
}

void ConnectionGate::drain()
{
    char sink[16 * 1024];
    while (m_socket->read(sink, sizeof sink) > 0) {
    }
}

void ConnectionGate::onBytesWritten(qint64 bytes)
{
    switch (m_state) {
    case State::Reading:
    case State::Tunnel:
        if (RelaySocket *relay = m_relay)
            emit relay->bytesWritten(bytes);
        // A response on its way counts as activity.
        if (!m_awaitingResponse)
            restartClock();
        return;
    case State::Closing:
        if (m_writesShutDown)
            return;
        if (m_socket->bytesToWrite() == 0)
            shutdownWrites();
        else
            m_timer.start(m_settings.idleTimeoutMs);
        return;
    case State::Gone:
        return;
    }
}

void ConnectionGate::onTimeout()
{
    switch (m_state) {
    case State::Reading:
        if (m_awaitingResponse)
            return;
        if (m_socket->bytesToWrite() > 0) {
            // The client has not read a response for a whole timeout.
            m_socket->abort();
            onDisconnected();
        } else if (m_framer.isMidRequest()) {
            refuse(408, QStringLiteral("The request did not arrive in time."));
        } else {
            closeGracefully();
        }
        return;
    case State::Closing:
        m_socket->abort();
        onDisconnected();
        return;
    case State::Tunnel:
    case State::Gone:
        return;
    }
}

void ConnectionGate::onDisconnected()
{
    if (m_state == State::Gone)
        return;
    m_state = State::Gone;
    m_timer.stop();
    if (RelaySocket *relay = m_relay)
        relay->detach();
    emit finished();
    deleteLater();
}

void ConnectionGate::restartClock()
{
    m_clock.start();
    scheduleTimeout();
}

void ConnectionGate::scheduleTimeout()
{
    if (m_state != State::Reading || m_awaitingResponse)
        return;
    const qint64 allowance =
        m_settings.idleTimeoutMs + m_framer.bodyBytesReceived() * 1000 / bodyBytesPerSecond;
    m_timer.start(static_cast<int>(qMax<qint64>(0, allowance - m_clock.elapsed())));
}

void ConnectionGate::relayWrite(const char *data, qint64 size)
{
    if (m_state != State::Reading && m_state != State::Tunnel)
        return;
    m_socket->write(data, size);
    if (m_state != State::Reading)
        return;
    m_awaitingResponse = false;
    restartClock();
    // A response is written in one go: what waits for it comes once it is all out.
    if ((!m_refusal.isEmpty() || m_closeAfterResponse) && !m_closeQueued) {
        m_closeQueued = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_closeQueued = false;
                if (!m_refusal.isEmpty())
                    writeRefusal();
                else
                    closeGracefully();
            },
            Qt::QueuedConnection);
    }
}

void ConnectionGate::relayClosed()
{
    closeGracefully();
}

void ConnectionGate::relayDrained()
{
    if (m_pumpQueued || (m_state != State::Reading && m_state != State::Tunnel))
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(this, &ConnectionGate::pump, Qt::QueuedConnection);
}

void ConnectionGate::relayDestroyed()
{
    m_relay = nullptr;
    closeGracefully();
}

qint64 ConnectionGate::pendingWriteBytes() const
{
    return m_socket->bytesToWrite();
}

void ConnectionGate::setSocketOption(QAbstractSocket::SocketOption option, const QVariant &value)
{
    // ApiServer asks for low delay before every response: one system call per connection.
    if (option == QAbstractSocket::LowDelayOption) {
        if (m_lowDelay == value.toInt())
            return;
        m_lowDelay = value.toInt();
    }
    m_socket->setSocketOption(option, value);
}

QVariant ConnectionGate::socketOption(QAbstractSocket::SocketOption option)
{
    return m_socket->socketOption(option);
}
