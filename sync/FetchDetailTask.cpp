#include "FetchDetailTask.h"

#include "RecordVersion.h"
#include "SyncJournal.h"

FetchDetailTask::FetchDetailTask(SyncJournal &journal, ApiClient &client, const QString &id,
                                 QObject *parent)
    : SyncTask(journal, client, parent)
    , m_id(id)
{}

void FetchDetailTask::start()
{
    m_client.getOpportunity(
        m_id, whenAnswered<ApiClient::Detail>([this](const ApiError &error,
                                                     const ApiClient::Detail &detail) {
            if (!error.ok())
                return finish(SyncTaskOutcome::failed(error));
            if (const Status merged =
                    m_journal.mergeServerRecord(completed(detail, m_id), detail.etag);
                !merged)
                return finish(storeFailure(merged));
            // The history belongs to the record as the cache now holds it (when it holds
            // the server's state), so that the two compare as one version until either
            // changes.
            const auto cached = m_journal.opportunity(m_id);
            const Opportunity fetched = cached && cached->state == SyncState::Synced
                                            ? cached->opportunity
                                            : completed(detail, m_id);
            if (const Status stored =
                    m_journal.storeUpdates(m_id, detail.updates, RecordVersion::of(fetched));
                !stored)
                return finish(storeFailure(stored));
            finish(SyncTaskOutcome::done());
        }));
}
