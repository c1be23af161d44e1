#pragma once

#include "SyncEngine.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

class LocalStore;
class RequestGate;
class QLabel;
class QProgressBar;
class QStatusBar;

// The sync's part of the status bar: whether the server answers, what waits to be sent, a rate
// limit's wait, the pull's progress and the last sync that went through; with a request budget
// (RequestGate), what is left of it and when the next sync runs, and how far a pull the budget
// cut short has got. It says "up to date" only when the last sync went through and no edit
// waits; a sync that failed, a server that stopped answering, a rate limit each say so instead.
class SyncStatusBar final : public QObject
{
    Q_OBJECT

public:
    // Puts its labels into `bar`.
    SyncStatusBar(LocalStore &store, SyncEngine &engine, QStatusBar &bar,
                  QObject *parent = nullptr);

    // The connection as the status bar says it ("Online · up to date", "Offline", ...).
    QString text() const;
    QString pendingText() const;
    // No server (no key yet): says so instead of the sync's state.
    void setLocalOnly(bool localOnly);

    // The sentence for a banner: when kashew tries again, and that edits are kept.
    static QString rateLimitSentence(const QDateTime &retryAt);

    // Says everything again: for a change it does not hear of (a pull's progress kept by
    // another process).
    void refresh();

private:
    QString connectionText() const;
    // The requests and writes left, and the next sync unless the connection says it.
    QString budgetText() const;
    // When a sync the budget stopped goes on: the engine's next sync, once the budget has room.
    QDateTime goesOnAt() const;
    static QString timeOfDay(const QDateTime &when);

    LocalStore &m_store;
    SyncEngine &m_engine;
    QLabel *m_connection = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_pending = nullptr;
    QLabel *m_budget = nullptr;
    QLabel *m_lastSync = nullptr;
    int m_pendingCount = 0;
    bool m_localOnly = false;
    // A request failed for want of a connection since the last change of the sync's state.
    bool m_unreachable = false;
    // The end of a rate limit's wait, while there is one.
    QDateTime m_retryAt;
    QTimer m_retryEnds;
    // The budget's windows slide: what is left changes with no request sent.
    QTimer m_budgetTick;
};
