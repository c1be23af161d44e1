#include "RelaySocket.h"

#include "ConnectionGate.h"

#include <cstring>

RelaySocket::RelaySocket(ConnectionGate *gate, const QTcpSocket &client, QObject *parent)
    : QTcpSocket(parent)
    , m_gate(gate)
{
    setPeerAddress(client.peerAddress());
    setPeerPort(client.peerPort());
    setLocalAddress(client.localAddress());
    setLocalPort(client.localPort());
    setSocketState(QAbstractSocket::ConnectedState);
    QIODevice::open(QIODevice::ReadWrite);
}

RelaySocket::~RelaySocket()
{
    // Unconnected first, so that QAbstractSocket's destructor does not abort a socket it does
    // not have.
    setSocketState(QAbstractSocket::UnconnectedState);
    if (m_gate)
        m_gate->relayDestroyed();
}

void RelaySocket::deliver(const QByteArray &bytes)
{
    if (state() != QAbstractSocket::ConnectedState || bytes.isEmpty())
        return;
    if (m_inboxRead > 0 && m_inboxRead == m_inbox.size()) {
        m_inbox.clear();
        m_inboxRead = 0;
    }
    m_inbox += bytes;
    emit readyRead();
}

void RelaySocket::detach()
{
    if (state() == QAbstractSocket::UnconnectedState)
        return;
    setSocketState(QAbstractSocket::UnconnectedState);
    emit stateChanged(QAbstractSocket::UnconnectedState);
    emit disconnected();
}

qint64 RelaySocket::bytesAvailable() const
{
    return QIODevice::bytesAvailable() + undeliveredBytes();
}

qint64 RelaySocket::bytesToWrite() const
{
    return m_gate ? m_gate->pendingWriteBytes() : 0;
}

bool RelaySocket::canReadLine() const
{
    return QTcpSocket::canReadLine() || m_inbox.indexOf('\n', m_inboxRead) >= 0;
}

void RelaySocket::disconnectFromHost()
{
    if (state() == QAbstractSocket::UnconnectedState)
        return;
    if (m_gate)
        m_gate->relayClosed();
    detach();
}

void RelaySocket::setSocketOption(QAbstractSocket::SocketOption option, const QVariant &value)
{
    if (m_gate)
        m_gate->setSocketOption(option, value);
}

QVariant RelaySocket::socketOption(QAbstractSocket::SocketOption option)
{
    return m_gate ? m_gate->socketOption(option) : QVariant();
}

void RelaySocket::setReadBufferSize(qint64 size)
{
    // The gate decides how much is read from the network.
    Q_UNUSED(size);
}

qint64 RelaySocket::readData(char *data, qint64 maxSize)
{
    const qint64 count = qMin(maxSize, undeliveredBytes());
    if (count == 0)
        return state() == QAbstractSocket::ConnectedState ? 0 : -1;
    std::memcpy(data, m_inbox.constData() + m_inboxRead, static_cast<size_t>(count));
    m_inboxRead += count;
    if (m_inboxRead == m_inbox.size()) {
        m_inbox.clear();
        m_inboxRead = 0;
        if (m_gate)
            m_gate->relayDrained();
    }
    return count;
}

qint64 RelaySocket::skipData(qint64 maxSize)
{
    const qint64 count = qMin(maxSize, undeliveredBytes());
    m_inboxRead += count;
    return count;
}

qint64 RelaySocket::writeData(const char *data, qint64 size)
{
    if (state() != QAbstractSocket::ConnectedState || !m_gate)
        return -1;
    m_gate->relayWrite(data, size);
    return size;
}
