#pragma once

#include "Opportunity.h"
#include "OpportunityField.h"
#include "Result.h"
#include "StoreChanges.h"

class AccountTable;
class CacheDatabase;
class Outbox;
class RecordTable;

// The user's edits, each writing the row and its outbox entry in one transaction, and the rules
// by which edits coalesce into one entry per record: edits of a record become one update of
// the fields that still differ from the server's state (an edit undone leaves nothing),
// create-then-edit stays one create, create-then-delete leaves nothing.
class LocalEdits final
{
public:
    LocalEdits(CacheDatabase &db, RecordTable &records, Outbox &outbox, AccountTable &accounts)
        : m_db(db)
        , m_records(records)
        , m_outbox(outbox)
        , m_accounts(accounts)
    {}

    // The new record is the one changed.
    Result<StoreChanges> create(Opportunity opportunity);
    Result<StoreChanges> edit(const QString &id, const Opportunity &edited,
                              OpportunityFields fields);
    Result<StoreChanges> remove(const QString &id);
    // `chosen` gives the values of the conflicting fields (the others keep both sides' changes);
    // what then differs from the server goes out as a normal edit.
    Result<StoreChanges> resolveConflict(const QString &id, const Opportunity &chosen);
    // The record goes back to the server's state (a record never sent goes away).
    Result<StoreChanges> discard(const QString &id);
    // The refused (Failed) edits go out again: all, or the named record's.
    Result<StoreChanges> retryFailed(const QString &id);

private:
    CacheDatabase &m_db;
    RecordTable &m_records;
    Outbox &m_outbox;
    AccountTable &m_accounts;
};
