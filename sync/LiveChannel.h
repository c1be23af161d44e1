#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <functional>

class QWebSocket;

// One connection to kashew-server's live events (the WebSocket /api/v1/events, a kashew-server
// extension), kept open: it tells every cursor the server names (hello on connecting, changes
// after commits, heartbeats), and knows nothing of syncing (LiveUpdates decides what a cursor
// asks for). A connection that closes, or stays silent for 2.5 heartbeats, is opened again after
// a backoff (1 s, 2 s, 4 s ... 60 s, with jitter) that a good hello resets. The key goes only
// where ApiClient would send it (wss://, or ws:// to this computer); a 401 on the upgrade is not
// retried until open() is given other settings.
class LiveChannel final : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        // Not asked to connect, or refused.
        Off,
        // Opening, or waiting to open again after the connection dropped.
        Connecting,
        // The server said hello: what it commits is announced here.
        Connected
    };
    Q_ENUM(State)

    // Asked before each connection attempt: 0 lets it go; otherwise the seconds to wait before
    // asking again (the client's request budget: each connect counts as a request).
    using Admission = std::function<int()>;

    explicit LiveChannel(QObject *parent = nullptr);
    ~LiveChannel() override;

    // Connects to the events of the API at `baseUrl` (http(s)://host/api/v1) with `apiKey`, and
    // stays connected. Nothing changes when the channel already is (or tries to be) connected
    // with these settings, or was refused with them.
    void open(const QUrl &baseUrl, const QString &apiKey);
    // Closes the connection and stops trying.
    void close();
    State state() const { return m_state; }
    // The server answered the upgrade with 401: the key is not valid there.
    bool isRefused() const { return m_refused; }
    void setAdmission(Admission admission) { m_admission = std::move(admission); }
    // The first retry's wait, doubled on each failure up to `max` (tests shorten them).
    void setBackoff(int firstMs, int maxMs);

    // ws://host/api/v1/events for http://host/api/v1 (wss:// for https://); invalid for other
    // schemes.
    static QUrl eventsUrl(const QUrl &baseUrl);

signals:
    void stateChanged(LiveChannel::State state);
    // The server's newest cursor, as a message named it. `heartbeat`: said only to show the
    // connection lives (a cursor it may have named before).
    void cursorAnnounced(qint64 cursor, bool heartbeat);

private:
    void connectNow();
    void received(QWebSocket *socket, const QString &text);
    // The socket closed or failed: try again later, unless it was refused.
    void ended(QWebSocket *socket);
    void retryLater();
    void dropSocket();
    // How long without a message before the connection counts as dead.
    int silenceLimitMs() const;
    void setState(State state);

    QWebSocket *m_socket = nullptr;
    QUrl m_baseUrl;
    QString m_apiKey;
    State m_state = State::Off;
    bool m_refused = false;
    // Connection attempts since the last good hello.
    int m_failures = 0;
    int m_firstBackoffMs = 1000;
    int m_maxBackoffMs = 60000;
    // The server's heartbeat (the hello says it; -1: not said, 0: none). Until one says, the
    // interval seen between two heartbeats, or kashew-server's default.
    int m_heartbeatMs = -1;
    int m_seenHeartbeatMs = 0;
    QElapsedTimer m_lastHeartbeat;
    // Fires when no message came for silenceLimitMs(), or no hello since the attempt began.
    QTimer m_silence;
    QTimer m_retry;
    Admission m_admission;
};
