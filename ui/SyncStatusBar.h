#pragma once

#include "SyncEngine.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

class LocalStore;
class QLabel;
class QProgressBar;
class QStatusBar;

// The sync's part of the status bar: whether the server answers, what waits to be sent, a rate
// limit's wait, the pull's progress and the last sync that went through. It says "up to date"
// only when the last sync went through and no edit waits; a sync that failed, a server that
// stopped answering, a rate limit each say so instead.
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

private:
    void refresh();
    QString connectionText() const;
    static QString timeOfDay(const QDateTime &when);

    SyncEngine &m_engine;
    QLabel *m_connection = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_pending = nullptr;
    QLabel *m_lastSync = nullptr;
    int m_pendingCount = 0;
    bool m_localOnly = false;
    // A request failed for want of a connection since the last change of the sync's state.
    bool m_unreachable = false;
    // The end of a rate limit's wait, while there is one.
    QDateTime m_retryAt;
    QTimer m_retryEnds;
};
