#pragma once

#include <QHash>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>
#include <functional>

class QTcpSocket;

// A loopback HTTP server whose answers the test scripts: another server's dialect (a missing
// endpoint, another envelope), for tests of how the client copes with it. kashew-server speaks
// only its own dialect; every other test uses it. One request per connection, then it closes.
class ScriptedServer final : public QObject
{
public:
    struct Request
    {
        QByteArray method;
        // The whole path, e.g. "/api/v1/opportunities".
        QString path;
        QUrlQuery query;
    };
    struct Reply
    {
        int status = 200;
        QByteArray body;
        // More header lines, each "Name: value\r\n".
        QByteArray headers = {};
    };
    using Handler = std::function<Reply(const Request &)>;

    explicit ScriptedServer(Handler handler);

    bool isListening() const { return m_server.isListening(); }
    QUrl baseUrl() const;
    // Every request so far, oldest first.
    const QList<Request> &requests() const { return m_requests; }

    static Reply json(int status, const QJsonDocument &body);
    // A 404 as FastAPI words it: {"detail": "Not Found"}.
    static Reply notFound();

private:
    void readFrom(QTcpSocket *socket);

    QTcpServer m_server;
    Handler m_handler;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
};
