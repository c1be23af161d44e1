#include "SyncTask.h"

#include "OpportunityDiff.h"
#include "SyncJournal.h"

#include <QCoreApplication>

SyncTask::SyncTask(SyncJournal &journal, ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_journal(journal)
    , m_client(client)
{}

void SyncTask::finish(const SyncTaskOutcome &outcome)
{
    if (!isActive())
        return;
    m_finished = true;
    emit finished(outcome);
}

SyncTaskOutcome SyncTask::storeFailure(const Status &failed)
{
    // In SyncEngine's translation context, where this message has always been.
    return SyncTaskOutcome::failed(ApiError{
        ApiError::Kind::Other,
        0,
        QCoreApplication::translate("SyncEngine", "The local cache could not be written: %1")
            .arg(failed.error()),
        {},
        0});
}

Opportunity SyncTask::completed(const ApiClient::Detail &detail, const QString &cachedId) const
{
    Opportunity answer = detail.opportunity;
    const OpportunityFields absent = OpportunityFieldNames::writable() & ~detail.present;
    if (absent != OpportunityFields())
        if (const auto cached = m_journal.opportunity(cachedId))
            OpportunityDiff::copyFields(cached->opportunity, &answer, absent);
    return answer;
}

ApiError SyncTask::describeUnreadable(const QList<ApiClient::UnreadableRecord> &records)
{
    ApiError error;
    if (records.isEmpty())
        return error;
    error.kind = ApiError::Kind::BadResponse;
    error.fieldErrors = records.first().errors;
    // In SyncEngine's translation context, where this message has always been.
    error.message = ApiClient::unreadableMessage(records) + QLatin1Char(' ') +
                    QCoreApplication::translate(
                        "SyncEngine", "The rest is synced; these stay here as they were.");
    return error;
}
