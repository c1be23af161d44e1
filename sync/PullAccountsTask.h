#pragma once

#include "SyncTask.h"

// Pulls every page of the server's accounts and stores their names in one go. A server that
// does not give them ends it Refused (error says why; the cached names stay), as names are a
// convenience the sync goes on without; a cache that cannot store them ends it Failed.
class PullAccountsTask final : public SyncTask
{
    Q_OBJECT

public:
    explicit PullAccountsTask(SyncJournal &journal, ApiClient &client, QObject *parent = nullptr);

    void start() override;

private:
    void pullPage(int page);

    QList<Account> m_accounts;
};
