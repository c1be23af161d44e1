#include "EventListener.h"

#include "ServerProcess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QStringList>
#include <algorithm>
#include <limits>

EventListener::EventListener(const ServerProcess &server, const QByteArray &key,
                             const QString &path)
{
    m_clock.start();
    QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
                     [this](const QString &text) {
                         const QJsonObject json = QJsonDocument::fromJson(text.toUtf8()).object();
                         m_messages.append({json.value(QStringLiteral("type")).toString(),
                                            json.value(QStringLiteral("cursor")).toInteger(-1),
                                            m_clock.elapsed()});
                     });
    QObject::connect(&m_socket, &QWebSocket::disconnected, &m_socket, [this] { m_ended = true; });
    QObject::connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error),
                     &m_socket, [this] { m_ended = true; });
    QNetworkRequest request(url(server, path));
    if (!key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + key);
    m_socket.open(request);
}

QUrl EventListener::url(const ServerProcess &server, const QString &path)
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(server.port());
    url.setPath(path);
    return url;
}

qint64 EventListener::first(const QString &type) const
{
    const Message *message = firstReaching(type, std::numeric_limits<qint64>::min());
    return message ? message->cursor : -1;
}

qint64 EventListener::newest() const
{
    return m_messages.isEmpty() ? -1 : m_messages.constLast().cursor;
}

const EventListener::Message *EventListener::firstReaching(const QString &type, qint64 cursor) const
{
    const auto found = std::find_if(m_messages.begin(), m_messages.end(), [&](const Message &m) {
        return m.type == type && m.cursor >= cursor;
    });
    return found == m_messages.end() ? nullptr : &*found;
}

int EventListener::count(const QString &type) const
{
    return static_cast<int>(std::count_if(m_messages.begin(), m_messages.end(),
                                          [&](const Message &m) { return m.type == type; }));
}

bool EventListener::cursorsNeverGoBack() const
{
    for (qsizetype i = 1; i < m_messages.size(); ++i) {
        if (m_messages.at(i).cursor < m_messages.at(i - 1).cursor)
            return false;
    }
    return true;
}

QString EventListener::describe() const
{
    QStringList parts;
    for (const Message &message : m_messages)
        parts.append(message.type + QLatin1Char(' ') + QString::number(message.cursor));
    return parts.isEmpty() ? QStringLiteral("nothing") : parts.join(QStringLiteral(", "));
}
