#pragma once

#include <QPointer>
#include <QTcpSocket>

class ConnectionGate;

// The socket Qt HttpServer is given for one client connection. It is not on the network
// itself: Qt HttpServer reads from it only the requests its ConnectionGate has checked and
// passed on (whole, each within the size limits), and what Qt HttpServer writes goes straight
// out through the gate's real socket. Closing it asks the gate to close the connection.
class RelaySocket final : public QTcpSocket
{
    Q_OBJECT

public:
    RelaySocket(ConnectionGate *gate, const QTcpSocket &client, QObject *parent);
    ~RelaySocket() override;

    // From the gate: checked bytes for Qt HttpServer to read.
    void deliver(const QByteArray &bytes);
    // From the gate: the connection is over; Qt HttpServer lets go of this socket.
    void detach();
    // Bytes delivered and not read yet.
    qint64 undeliveredBytes() const { return m_inbox.size() - m_inboxRead; }

    qint64 bytesAvailable() const override;
    qint64 bytesToWrite() const override;
    bool canReadLine() const override;
    void disconnectFromHost() override;
    void setSocketOption(QAbstractSocket::SocketOption option, const QVariant &value) override;
    QVariant socketOption(QAbstractSocket::SocketOption option) override;
    void setReadBufferSize(qint64 size) override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 skipData(qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    QPointer<ConnectionGate> m_gate;
    QByteArray m_inbox;
    qsizetype m_inboxRead = 0;
};
