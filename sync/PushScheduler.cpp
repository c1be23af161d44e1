#include "PushScheduler.h"

#include "LocalStore.h"

PushScheduler::PushScheduler(LocalStore &store, Hooks hooks, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_hooks(std::move(hooks))
{
    // Long enough for a burst of typing, a few arrow-key moves or undo presses to settle into one
    // sync; short enough that the rep sees the edit on the server within seconds.
    m_timer.setSingleShot(true);
    m_timer.setInterval(std::chrono::milliseconds(1500));
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_enabled && m_hooks.mayPush())
            m_hooks.push();
    });
    connect(&m_store, &LocalStore::outboxChanged, this, &PushScheduler::outboxChanged);
}

void PushScheduler::setQuietPeriod(std::chrono::milliseconds quiet)
{
    m_timer.setInterval(quiet);
}

std::chrono::milliseconds PushScheduler::quietPeriod() const
{
    return m_timer.intervalAsDuration();
}

void PushScheduler::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled)
        m_timer.stop();
}

void PushScheduler::outboxChanged()
{
    // While a sync runs, the outbox changes mostly by the sync's own doing; what the user changes
    // meanwhile is found when it ends (syncFinished).
    if (!m_enabled || m_hooks.running() || !m_hooks.mayPush() || !hasSendableEntry())
        return;
    m_timer.start(); // restarts: the quiet period counts from the last edit
}

void PushScheduler::syncFinished(bool ok)
{
    // After a failure the engine's own retry (offline, rate limit) decides when to try again.
    if (ok && m_enabled && m_hooks.mayPush() && hasSendableEntry())
        m_timer.start();
}

bool PushScheduler::hasSendableEntry()
{
    // The same entries SyncEngine::pushNext() sends: not those waiting for the user (refused,
    // in conflict), and a delete although its row is hidden. An outbox that cannot be read has
    // none (the store says why).
    const auto outbox = m_store.outbox();
    if (!outbox)
        return false;
    for (const OutboxEntry &entry : *outbox) {
        const auto record = m_store.opportunity(entry.opportunityId);
        if (!record) {
            if (entry.operation == OutboxEntry::Operation::Delete)
                return true;
            continue;
        }
        if (record->state != SyncState::Failed && record->state != SyncState::Conflict)
            return true;
    }
    return false;
}
