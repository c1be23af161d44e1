#include "EventHub.h"

#include "ServerStore.h"

#include <QHttpServer>
#include <QWebSocket>

EventHub::EventHub(ServerStore &store, int heartbeatMs, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_heartbeatMs(heartbeatMs)
{}

EventHub::~EventHub() = default;

void EventHub::attach(QHttpServer &http)
{
    Q_UNUSED(http);
}
