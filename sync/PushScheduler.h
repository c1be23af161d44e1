#pragma once

#include <QObject>
#include <QTimer>
#include <chrono>
#include <functional>

class LocalStore;

// Sends the user's edits soon, not at the next timer tick: a short quiet period after the last
// change to the outbox, a sync starts. Whatever made the edit (the dialog, the board, undo, a
// resolved conflict) goes through the LocalStore, so watching its outbox covers every path. A
// burst of edits within the quiet period is one sync, and the outbox has coalesced it to one
// request per record by then.
class PushScheduler final : public QObject
{
    Q_OBJECT

public:
    struct Hooks
    {
        // A sync runs now: it pushes what it finds, and the engine calls syncFinished() after.
        std::function<bool()> running;
        // Sending is allowed now (a key, no backoff or rate limit to wait out).
        std::function<bool()> mayPush;
        // Starts the sync.
        std::function<void()> push;
    };

    PushScheduler(LocalStore &store, Hooks hooks, QObject *parent = nullptr);

    void setQuietPeriod(std::chrono::milliseconds quiet);
    std::chrono::milliseconds quietPeriod() const;
    void setEnabled(bool enabled);
    bool isScheduled() const { return m_timer.isActive(); }
    // A sync starts: it sends everything the outbox holds, so nothing is left to schedule.
    void cancel() { m_timer.stop(); }
    // A sync ended. An entry it could send that is still there was made or changed by the user
    // while it ran (the sync itself completes, refuses or turns into a conflict every entry it
    // sends, or fails): it goes out after a quiet period.
    void syncFinished(bool ok);

private:
    void outboxChanged();
    // Whether the outbox holds an entry a sync would send now (not one waiting for the user).
    bool hasSendableEntry();

    LocalStore &m_store;
    Hooks m_hooks;
    QTimer m_timer;
    bool m_enabled = true;
};
