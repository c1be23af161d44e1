#include "PullAccountsTask.h"

#include "ApiLimits.h"
#include "SyncJournal.h"

PullAccountsTask::PullAccountsTask(SyncJournal &journal, ApiClient &client, QObject *parent)
    : SyncTask(journal, client, parent)
{}

void PullAccountsTask::start()
{
    m_accounts.clear();
    pullPage(1);
}

void PullAccountsTask::pullPage(int page)
{
    constexpr int pageSize = ApiLimits::maxPageSize;
    m_client.listAccounts(
        page, pageSize,
        whenAnswered<ApiClient::AccountPage>(
            [=](const ApiError &error, const ApiClient::AccountPage &result) {
                if (!error.ok())
                    return finish(SyncTaskOutcome::refused(error));
                m_accounts += result.items;
                const bool more = !result.items.isEmpty() &&
                                  (result.totalCount ? m_accounts.size() < *result.totalCount
                                                     : result.items.size() >= pageSize);
                if (more)
                    return pullPage(page + 1);
                if (const Status stored = m_journal.storeAccounts(m_accounts); !stored)
                    return finish(storeFailure(stored));
                finish(SyncTaskOutcome::done());
            }));
}
