#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QUrl>
#include <QWebSocket>

class ServerProcess;

// One client of kashew-server's live events (/api/v1/events) for tests: opens the WebSocket with
// "Authorization: Bearer <key>" and keeps every message it is sent, with when it came.
class EventListener final
{
public:
    struct Message
    {
        QString type;
        qint64 cursor = -1;
        qint64 atMs = 0; // on the listener's clock (elapsed())
    };

    explicit EventListener(const ServerProcess &server, const QByteArray &key,
                           const QString &path = EventListener::path());

    static QString path() { return QStringLiteral("/api/v1/events"); }
    static QUrl url(const ServerProcess &server, const QString &path = EventListener::path());

    QWebSocket &socket() { return m_socket; }
    const QList<Message> &messages() const { return m_messages; }
    // The socket closed (or never opened).
    bool ended() const { return m_ended; }
    // Milliseconds since the listener was made.
    qint64 elapsed() const { return m_clock.elapsed(); }
    // The cursor of the first message of this type; -1 before one came.
    qint64 first(const QString &type) const;
    // The cursor of the last message; -1 before one came.
    qint64 newest() const;
    // The first message of this type with a cursor of at least `cursor` (null if none yet).
    const Message *firstReaching(const QString &type, qint64 cursor) const;
    int count(const QString &type) const;
    // No cursor is lower than one before it.
    bool cursorsNeverGoBack() const;
    // The messages so far, e.g. "hello 1, changes 3", for failure messages.
    QString describe() const;

private:
    QWebSocket m_socket;
    QList<Message> m_messages;
    QElapsedTimer m_clock;
    bool m_ended = false;
};
