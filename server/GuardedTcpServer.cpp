#include "GuardedTcpServer.h"

#include "RelaySocket.h"

#include <unistd.h>

namespace {

// Connections turned away and still being closed; past this many, more are dropped at once.
constexpr int maxRefusing = 64;

} // namespace

GuardedTcpServer::GuardedTcpServer(const ConnectionGate::Settings &settings, int maxConnections,
                                   QObject *parent)
    : QTcpServer(parent)
    , m_settings(settings)
    , m_maxConnections(maxConnections)
{}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        ::close(static_cast<int>(handle));
        return;
    }
    if (m_open >= m_maxConnections && m_refusing >= maxRefusing) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    auto *gate = new ConnectionGate(socket, m_settings, this);
    if (m_open >= m_maxConnections) {
        ++m_refusing;
        connect(gate, &ConnectionGate::finished, this, [this] { --m_refusing; });
        gate->refuseConnection(
            503,
            QStringLiteral("Too many connections (at most %1); try again shortly.")
                .arg(m_maxConnections),
            {{QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")}});
        return;
    }
    ++m_open;
    connect(gate, &ConnectionGate::finished, this, [this] { --m_open; });
    addPendingConnection(gate->relay(this));
}
