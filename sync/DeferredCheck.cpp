#include "DeferredCheck.h"

DeferredCheck::DeferredCheck(LocalStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_syncLock(store.path() + QStringLiteral(".sync-lock"))
{
    // The engine's own lock (SyncEngine::syncNow): a sync started meanwhile waits and retries.
    // Held by another process, that process syncs regardless; the check runs all the same.
    m_syncLock.setStaleLockTime(0);
    m_syncLock.tryLock(0);
    connect(&m_check, &IntegrityCheck::finished, this, &DeferredCheck::checked);
}

void DeferredCheck::start()
{
    if (m_started)
        return;
    m_started = true;
    m_check.start(m_store.path());
}

void DeferredCheck::checked(const IntegrityCheck::Outcome &outcome)
{
    m_finished = true;
    announce(outcome);
    emit finished();
}

void DeferredCheck::announce(const IntegrityCheck::Outcome &outcome)
{
    switch (outcome.kind) {
    case IntegrityCheck::Outcome::Kind::Sound:
        m_syncLock.unlock();
        emit passed();
        return;
    case IntegrityCheck::Outcome::Kind::Damaged: {
        const LocalStore::OpenResult result = m_store.recoverFromDamage(outcome.text);
        m_syncLock.unlock();
        emit recovered(result);
        return;
    }
    case IntegrityCheck::Outcome::Kind::Unchecked:
        emit unchecked(
            CacheDatabase::uncheckedText(m_store.path(), outcome.sqliteCode, outcome.text));
        return;
    }
}
