#pragma once

#include "ConnectionGate.h"

#include <QTcpServer>

// The listening socket of kashew-server: every accepted connection goes through its own
// ConnectionGate, and Qt HttpServer gets the gate's relay. At most `maxConnections` are open
// at once; past that a connection is answered 503 (with Retry-After) and closed at once.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT

public:
    GuardedTcpServer(const ConnectionGate::Settings &settings, int maxConnections,
                     QObject *parent = nullptr);

    int openConnections() const { return m_open; }

protected:
    void incomingConnection(qintptr handle) override;

private:
    ConnectionGate::Settings m_settings;
    int m_maxConnections;
    int m_open = 0;
    int m_refusing = 0;
};
