#pragma once

#include "ApiKeyring.h"
#include "HttpRequestFramer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

class RelaySocket;

// Stands between one client connection and Qt HttpServer, which would read any request whole
// into memory, of any size, from anyone, and keep any connection open forever. The gate reads
// the socket itself, a bounded piece at a time, and:
// - checks each request's head first: framing (HttpRequestFramer), then the API key (401), then
//   the declared size (413); a refused body is never read (the connection closes after the
//   answer, draining briefly so that the client sees it);
// - passes each accepted request on whole, re-framed with a Content-Length, to Qt HttpServer
//   through a RelaySocket, one at a time as they complete (keep-alive and pipelining work);
// - closes the connection when a whole request does not arrive within the idle timeout
//   (counted from the connection's start or the last response bytes written, plus a second for
//   every 16 KiB of body received), answering 408 to a request cut short;
// - closes it after the response when the relay is closed (ApiServer on "Connection: close").
class ConnectionGate final : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        ApiKeyring keys;
        HttpRequestFramer::Limits limits;
        int idleTimeoutMs = 30000;
        bool logRequests = false;
    };

    // Takes over `socket`, just accepted.
    ConnectionGate(QTcpSocket *socket, const Settings &settings, QObject *parent);
    ~ConnectionGate() override;

    // The socket for Qt HttpServer (made on the first call, as a child of `parent`).
    RelaySocket *relay(QObject *parent);
    // Turns the connection away before reading anything (too many connections).
    void refuseConnection(int status, const QString &detail,
                          const QList<QPair<QByteArray, QByteArray>> &headers);

    // For the relay.
    void relayWrite(const char *data, qint64 size);
    void relayClosed();
    void relayDrained();
    void relayDestroyed();
    qint64 pendingWriteBytes() const;
    void setSocketOption(QAbstractSocket::SocketOption option, const QVariant &value);
    QVariant socketOption(QAbstractSocket::SocketOption option);

signals:
    // The connection is over; the gate deletes itself soon after.
    void finished();

private:
    enum class State
    {
        Reading, // reading requests and passing them on
        Tunnel,  // after a protocol switch (WebSocket): bytes pass through as they come
        Closing, // the last answer is written; then a FIN, a short drain, and the close
        Gone
    };

    void pump();
    bool readMore();
    bool admit();
    void forward();
    void refuse(int status, const QString &detail,
                const QList<QPair<QByteArray, QByteArray>> &headers = {});
    void writeRefusal();
    void closeGracefully();
    void shutdownWrites();
    void drain();
    void onBytesWritten(qint64 bytes);
    void onTimeout();
    void onDisconnected();
    void restartClock();
    void scheduleTimeout();

    QTcpSocket *m_socket;
    QPointer<RelaySocket> m_relay;
    Settings m_settings;
    HttpRequestFramer m_framer;
    QByteArray m_input;
    QByteArray m_refusal; // waits for the response in flight before it
    State m_state = State::Reading;
    bool m_awaitingResponse = false; // a request is with Qt HttpServer, not yet answered
    bool m_closeAfterResponse = false;
    bool m_closeQueued = false;
    bool m_writesShutDown = false;
    bool m_pumpQueued = false;
    int m_lowDelay = -1; // LowDelayOption as last set; -1 before
    QTimer m_timer;
    QElapsedTimer m_clock;
};
