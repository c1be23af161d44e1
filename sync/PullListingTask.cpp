#include "PullListingTask.h"

#include "ApiLimits.h"
#include "SyncJournal.h"

#include <QCoreApplication>

PullListingTask::PullListingTask(SyncJournal &journal, ApiClient &client, QObject *parent)
    : SyncTask(journal, client, parent)
{}

void PullListingTask::start()
{
    if (const Status begun = m_journal.beginPull(); !begun)
        return finish(storeFailure(begun));
    pullPage(false, 1);
}

void PullListingTask::pullPage(bool archived, int page)
{
    OpportunityFilter filter;
    filter.archived = archived;
    m_client.listOpportunities(
        filter, {page, ApiLimits::maxPageSize},
        whenAnswered<ApiClient::OpportunityPage>([=](ApiError error,
                                                     const ApiClient::OpportunityPage &result) {
            if (!error.ok() && result.unreadable.isEmpty()) {
                // The staged pages are dropped: the cache stays as it was. Records found
                // unreadable so far are still worth telling.
                if (!m_unreadable.isEmpty())
                    error.message += QLatin1Char(' ') + ApiClient::unreadableMessage(m_unreadable);
                return finish(SyncTaskOutcome::failed(error));
            }
            // Records it cannot read are left out, named, and kept here as they were; the others
            // of the page are taken.
            QStringList unreadableIds;
            for (const ApiClient::UnreadableRecord &record : result.unreadable) {
                if (record.id.isEmpty())
                    m_pullComplete = false; // it may be any record: none is taken for deleted
                else
                    unreadableIds.append(record.id);
                m_unreadable.append(record);
            }
            QList<Opportunity> items = result.items;
            if (archived) {
                // Listed live already, and not saying it is archived: the server ignores
                // isArchived (it lists everything twice), and the record is not archived.
                items.removeIf([&](const Opportunity &item) {
                    return result.archivedByFilter.contains(item.id) &&
                           m_pulledIds.contains(item.id);
                });
            }
            if (const Status staged = m_journal.stagePulled(items); !staged)
                return finish(storeFailure(staged));
            if (const Status kept = m_journal.keepUnreadable(unreadableIds); !kept)
                return finish(storeFailure(kept));
            for (const Opportunity &item : result.items)
                m_pulledIds.insert(item.id);
            for (const QString &id : std::as_const(unreadableIds))
                m_pulledIds.insert(id);
            const qsizetype received = result.received();
            qint64 listingTotal = -1;
            if (result.totalCount && page == 1) {
                listingTotal = *result.totalCount;
                m_listedTotal = (m_listedTotal < 0 ? 0 : m_listedTotal) + listingTotal;
            }
            emit pageStored(static_cast<int>(items.size()), listingTotal);
            if (!isActive())
                return; // aborted by whoever heard of the page
            m_largestPage = std::max(m_largestPage, static_cast<int>(received));
            const qint64 fetched = (qint64(page) - 1) * m_largestPage + received;
            const bool more = received > 0 && received >= m_largestPage &&
                              (!result.totalCount || fetched < *result.totalCount);
            if (more)
                return pullPage(archived, page + 1);
            if (result.totalCount && fetched < *result.totalCount)
                m_pullComplete = false;
            if (!archived) {
                m_largestPage = 0;
                return pullPage(true, 1);
            }
            commit();
        }));
}

void PullListingTask::commit()
{
    if (m_listedTotal >= 0 && m_pulledIds.size() < m_listedTotal)
        m_pullComplete = false; // records moved between pages: do not take absence as deletion
    if (const Status committed = m_journal.commitPull(m_pullComplete); !committed)
        return finish(storeFailure(committed));
    // Everything readable is in the cache; the records it could not read stay as they were, and
    // the app and kashew say which fields stood in the way.
    if (!m_unreadable.isEmpty()) {
        m_unreadableError.kind = ApiError::Kind::BadResponse;
        m_unreadableError.fieldErrors = m_unreadable.first().errors;
        // In SyncEngine's translation context, where this message has always been.
        m_unreadableError.message =
            ApiClient::unreadableMessage(m_unreadable) + QLatin1Char(' ') +
            QCoreApplication::translate("SyncEngine",
                                        "The rest is synced; these stay here as they were.");
    }
    finish(SyncTaskOutcome::done());
}
