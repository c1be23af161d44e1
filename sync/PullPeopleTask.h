#pragma once

#include "SyncTask.h"

// Asks kashew-server's /users (every page) and /users/me and stores who is who. The engine runs
// it only for a server whose listing named the `users` extension (ServerFeatures); one that
// names it and still answers "no such resource" has no people to give, which is no failure.
// Names are a convenience: any failure ends it Refused or Failed with the error, and the engine
// goes on; the cached people stay.
class PullPeopleTask final : public SyncTask
{
    Q_OBJECT

public:
    explicit PullPeopleTask(SyncJournal &journal, ApiClient &client, QObject *parent = nullptr);

    void start() override;

private:
    void fetchMe();
};
