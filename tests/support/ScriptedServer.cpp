#include "ScriptedServer.h"

#include <QJsonObject>
#include <QTcpSocket>

ScriptedServer::ScriptedServer(Handler handler)
    : m_handler(std::move(handler))
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QObject::destroyed, this,
                    [this, socket] { m_buffers.remove(socket); });
        }
    });
}

QUrl ScriptedServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1").arg(m_server.serverPort()));
}

ScriptedServer::Reply ScriptedServer::json(int status, const QJsonDocument &body)
{
    return Reply{status, body.toJson(QJsonDocument::Compact)};
}

ScriptedServer::Reply ScriptedServer::notFound()
{
    return json(
        404, QJsonDocument(QJsonObject{{QStringLiteral("detail"), QStringLiteral("Not Found")}}));
}

void ScriptedServer::readFrom(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    qsizetype length = 0;
    for (const QByteArray &line : lines) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    if (buffer.size() < end + 4 + length)
        return; // the body is still on its way
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    buffer.clear();
    if (requestLine.size() < 2)
        return socket->disconnectFromHost();
    const QUrl url(QString::fromLatin1(requestLine.at(1)));
    const Request request{requestLine.at(0), url.path(), QUrlQuery(url)};
    m_requests.append(request);
    const Reply response = m_handler(request);
    socket->write("HTTP/1.1 " + QByteArray::number(response.status) +
                  " Scripted\r\nContent-Type: application/json\r\nConnection: close\r\n" +
                  response.headers + "Content-Length: " + QByteArray::number(response.body.size()) +
                  "\r\n\r\n" + response.body);
    socket->disconnectFromHost();
}
