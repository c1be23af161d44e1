#pragma once

#include "SyncTask.h"

// Fetches one record with its updates history into the cache (for the detail view), merged as a
// pull would merge it. Ends Done, or Failed with the request's or the cache's error.
class FetchDetailTask final : public SyncTask
{
    Q_OBJECT

public:
    FetchDetailTask(SyncJournal &journal, ApiClient &client, const QString &id,
                    QObject *parent = nullptr);

    void start() override;
    const QString &id() const { return m_id; }

private:
    QString m_id;
};
