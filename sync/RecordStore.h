#pragma once

#include "Account.h"
#include "CachedOpportunity.h"
#include "KnownPerson.h"
#include "OpportunityUpdate.h"
#include "OutboxEntry.h"
#include "PeopleBook.h"
#include "RecordBatch.h"
#include "Result.h"
#include "StoredHistory.h"

#include <optional>

// What the window and the command line need of the cache: reading records, accounts and
// histories, what waits to be sent, and the user's edits. An edit writes the row and its outbox
// entry together or nothing at all. A bulk read that fails is an error, never an empty list; a
// single read that fails answers "none" and is reported apart (LocalStore::readFailed).
class RecordStore
{
public:
    virtual ~RecordStore() = default;

    // A shown record (not one deleted here).
    virtual std::optional<CachedOpportunity> opportunity(const QString &id) = 0;
    virtual Result<QList<CachedOpportunity>> opportunities() = 0;
    virtual qint64 opportunityCount() = 0;
    // By name.
    virtual Result<QList<Account>> accounts() = 0;
    virtual std::optional<QList<OpportunityUpdate>> updates(const QString &opportunityId) = 0;
    // The history with the record version it was fetched for.
    virtual std::optional<StoredHistory> history(const QString &opportunityId) = 0;
    // The outbox, oldest first.
    virtual Result<QList<OutboxEntry>> outbox() = 0;
    virtual std::optional<OutboxEntry> entryFor(const QString &id) = 0;
    virtual int pendingCount() = 0;
    // The server's id of a record created here under `oldId`, once the server has it.
    virtual std::optional<QString> renamedTo(const QString &oldId) = 0;
    // Small persistent settings of the sync (last sync time, ...).
    virtual QString setting(const QString &key) = 0;
    // Who is who: the server's people (/users) with the user's own names over theirs; me is the
    // server's /users/me when known, else the one the user set.
    virtual Result<PeopleBook> people() const = 0;
    // The same people, each with where its name comes from (for listing the book).
    virtual Result<QList<KnownPerson>> knownPeople() const = 0;

    // The new record's id.
    virtual Result<QString> createOpportunity(Opportunity opportunity) = 0;
    virtual Status editOpportunity(const QString &id, const Opportunity &edited,
                                   OpportunityFields fields) = 0;
    virtual Status deleteOpportunity(const QString &id) = 0;
    // Creates, edits and deletes many records in one transaction: all of it or, when any part
    // fails (a record gone, a write refused), nothing, and the error names the record. Answers
    // the ids of the records created, in the order of `batch.creates`. One announcement of what
    // changed follows the commit.
    virtual Result<QStringList> applyBatch(const RecordBatch &batch) = 0;
    // Settles a conflict: `chosen` gives the values of the conflicting fields (the others keep
    // both sides' changes); what then differs from the server goes out as a normal edit.
    virtual Status resolveConflict(const QString &id, const Opportunity &chosen) = 0;
    // Gives up the unsent edits of a record: it goes back to the server's state (a record never
    // sent goes away).
    virtual Status discardEdits(const QString &id) = 0;
    // Sends the refused (Failed) edits again: after a new key, or when the user asks.
    virtual Status retryFailed(const QString &id = QString()) = 0;
    // The user's own name for an id (their email is not kept); an empty name removes the
    // user's entry, leaving what the server says.
    virtual Status setLocalPerson(const Person &person) = 0;
    // Who the user is when the server does not say (/users/me); empty forgets it.
    virtual Status setLocalMeId(const QString &id) = 0;

protected:
    RecordStore() = default;
    RecordStore(const RecordStore &) = default;
    RecordStore &operator=(const RecordStore &) = default;
};
