#pragma once

#include "IntegrityCheck.h"
#include "LocalStore.h"

#include <QLockFile>
#include <QObject>

// The integrity check of a cache opened with LocalStore::Check::Deferred, run beside the first
// window instead of before it. Until it passed nothing syncs into the cache: the cache's sync
// lock is held from the making of this object, so the engine (and `kashew sync` in another
// process) waits. Damage takes the recovery an open that finds it takes (moved aside, pending
// edits salvaged, a new cache); edits made on the damaged file meanwhile are pending edits like
// any other and salvaged with them.
class DeferredCheck final : public QObject
{
    Q_OBJECT

public:
    explicit DeferredCheck(LocalStore &store, QObject *parent = nullptr);

    // Starts the check in a worker thread (once).
    void start();
    bool isRunning() const { return m_check.isRunning(); }
    bool isFinished() const { return m_finished; }

signals:
    // The cache is sound: the sync lock is released.
    void passed();
    // The cache was damaged: the store is on a new cache now, `result.recoveryMessage` says what
    // was kept; or, with `result.ok` false, no cache is open (`result.error` says why).
    void recovered(const LocalStore::OpenResult &result);
    // The check could not run (`message` says why): the cache is not known to be sound, and the
    // sync lock stays held (nothing syncs until the next start checks it again).
    void unchecked(const QString &message);
    // After each of the three.
    void finished();

private:
    void checked(const IntegrityCheck::Outcome &outcome);
    void announce(const IntegrityCheck::Outcome &outcome);

    LocalStore &m_store;
    QLockFile m_syncLock;
    IntegrityCheck m_check;
    bool m_started = false;
    bool m_finished = false;
};
