#pragma once

#include <QElapsedTimer>

// When a change was stored: armed before the change, it notes the time of each announcement of a
// commit (LocalStore::opportunitiesChanged) until disarmed; the last one is when it was stored.
class StoreClock final
{
public:
    void arm()
    {
        m_storedMs = -1;
        m_timer.start();
    }
    void disarm() { m_timer.invalidate(); }
    // Connected to the store's announcement, before anyone else (the model's feeder).
    void announced()
    {
        if (m_timer.isValid())
            m_storedMs = m_timer.nsecsElapsed() / 1e6;
    }
    // Since arm(); -1 when nothing was announced.
    double storedMs() const { return m_storedMs; }

private:
    QElapsedTimer m_timer;
    double m_storedMs = -1;
};
