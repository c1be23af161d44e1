#pragma once

#include "Result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class ServerStore;

// Hears that changes committed, up to which cursor: this process's writes through the store's
// change listener; every process's (PostgreSQL) through LISTEN kashew_changes on a connection of
// its own, whose notifications carry the cursor (ChangeLog::record NOTIFYs it). A burst of
// commits comes out as one advanced() with the newest cursor: at most one every 50 ms, and none
// held back longer than that.
class ChangeNotifier final : public QObject
{
    Q_OBJECT

public:
    explicit ChangeNotifier(ServerStore &store, QObject *parent = nullptr);
    ~ChangeNotifier() override;

    // Starts listening. A failure to LISTEN leaves this process's own changes still heard.
    Status start();

signals:
    void advanced(qint64 cursor);

private:
    void note(qint64 cursor);
    void flush();

    ServerStore &m_store;
    QString m_listenConnection; // set while a PostgreSQL connection listens
    qint64 m_pending = 0;
    qint64 m_emitted = 0;
    QTimer m_flush;
    QElapsedTimer m_sinceFlush;
};
