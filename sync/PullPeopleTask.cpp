#include "PullPeopleTask.h"

#include "SyncJournal.h"
#include "UsersRequests.h"

PullPeopleTask::PullPeopleTask(SyncJournal &journal, ApiClient &client, QObject *parent)
    : SyncTask(journal, client, parent)
{}

void PullPeopleTask::start()
{
    UsersRequests(m_client).listUsers(whenAnswered<std::optional<QList<Person>>>(
        [this](const ApiError &error, const std::optional<QList<Person>> &people) {
            if (!error.ok())
                return finish(SyncTaskOutcome::refused(error));
            // No /users: no /users/me either (kashew-server has both).
            if (!people)
                return finish(SyncTaskOutcome::settled());
            if (const Status stored = m_journal.storeServerPeople(*people); !stored)
                return finish(storeFailure(stored));
            fetchMe();
        }));
}

void PullPeopleTask::fetchMe()
{
    UsersRequests(m_client).fetchMe(whenAnswered<std::optional<Person>>(
        [this](const ApiError &error, const std::optional<Person> &me) {
            if (!error.ok())
                return finish(SyncTaskOutcome::refused(error));
            // Without /users/me, "me" is the user's own choice in the settings.
            if (!me)
                return finish(SyncTaskOutcome::done());
            if (const Status stored = m_journal.storeServerMeId(me->id); !stored)
                return finish(storeFailure(stored));
            finish(SyncTaskOutcome::done());
        }));
}
