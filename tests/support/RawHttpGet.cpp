#include "RawHttpGet.h"

#include "ServerProcess.h"

#include <QTcpSocket>

RawReply rawGet(const ServerProcess &server, const QByteArray &target,
                const QByteArray &extraHeaders)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), server.port());
    if (!socket.waitForConnected(10000))
        return {};
    socket.write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                 QByteArray(ServerProcess::writeKey) + "\r\n" + extraHeaders +
                 "Connection: close\r\n\r\n");
    QByteArray all;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10000))
        all += socket.readAll();
    all += socket.readAll();
    const qsizetype end = all.indexOf("\r\n\r\n");
    if (end < 0)
        return {};
    return {all.left(end + 2).toLower(), all.mid(end + 4)};
}
