#pragma once

#include "ApiClient.h"
#include "Result.h"
#include "SyncTaskOutcome.h"

#include <QObject>
#include <QPointer>
#include <functional>

class SyncJournal;

// One step of a sync, as Trojita's ImapTask is one of an IMAP session: start() sets it going and
// finished() says once how it ended. The SyncEngine creates the tasks and sequences them.
class SyncTask : public QObject
{
    Q_OBJECT

public:
    // finished() follows once, unless abort() comes first; it may follow before start() returns.
    virtual void start() = 0;
    // No finished() follows and no answer still on its way is acted on (ApiClient::abortAll()
    // cancels the requests themselves).
    void abort() { m_aborted = true; }

signals:
    void finished(const SyncTaskOutcome &outcome);

protected:
    SyncTask(SyncJournal &journal, ApiClient &client, QObject *parent);

    // Ends the task with `outcome` (once; not after abort()).
    void finish(const SyncTaskOutcome &outcome);
    // Neither finished nor aborted: its answers are still wanted.
    bool isActive() const { return !m_aborted && !m_finished; }
    // `done` for an ApiClient call, dropped when the answer comes after the task ended or went.
    template <typename T>
    ApiClient::Callback<T> whenAnswered(std::function<void(const ApiError &, const T &)> done)
    {
        return [task = QPointer<SyncTask>(this), done = std::move(done)](const ApiError &error,
                                                                         const T &result) {
            if (task && task->isActive())
                done(error, result);
        };
    }
    // How a task ends when the cache refused a write (`failed` says why): the sync stops.
    static SyncTaskOutcome storeFailure(const Status &failed);
    // What a pull tells of the records it could not read (none: it read them all): named, with
    // the fields at fault; the rest synced and these stay as they were.
    static ApiError describeUnreadable(const QList<ApiClient::UnreadableRecord> &records);
    // The record a single-record answer describes, with the fields it left out taken from the
    // cache's record `cachedId` (as the user last saw or sent it): a server that omits
    // is_archived or probability must not unarchive or zero the record.
    Opportunity completed(const ApiClient::Detail &detail, const QString &cachedId) const;

    SyncJournal &m_journal;
    ApiClient &m_client;

private:
    bool m_aborted = false;
    bool m_finished = false;
};
