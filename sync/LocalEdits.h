#pragma once

#include "Opportunity.h"
#include "OpportunityField.h"
#include "RecordBatch.h"
#include "Result.h"
#include "StoreChanges.h"

#include <QHash>
#include <optional>

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
    // All of the batch in one transaction, or nothing; the created ids go to `createdIds`.
    Result<StoreChanges> apply(const RecordBatch &batch, QStringList *createdIds);
    // `chosen` gives the values of the conflicting fields (the others keep both sides' changes);
    // what then differs from the server goes out as a normal edit.
    Result<StoreChanges> resolveConflict(const QString &id, const Opportunity &chosen);
    // The record goes back to the server's state (a record never sent goes away).
    Result<StoreChanges> discard(const QString &id);
    // The refused (Failed) edits go out again: all, or the named record's.
    Result<StoreChanges> retryFailed(const QString &id);

private:
    // The parts of apply(), inside its transaction.
    Result<QString> createWithin(Opportunity opportunity);
    // What apply() reads ahead for its edits (records, entries, account names); LocalEdits.cpp.
    struct ReadAhead;
    // False when the edit changed nothing.
    Result<bool> editWithin(const RecordEdit &edit, ReadAhead &reads);
    Status removeWithin(const QString &id);

    CacheDatabase &m_db;
    RecordTable &m_records;
    Outbox &m_outbox;
    AccountTable &m_accounts;
};
