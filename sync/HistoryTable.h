#pragma once

#include "Result.h"
#include "StoreChanges.h"
#include "StoredHistory.h"

#include <optional>

class CacheDatabase;

// The updates histories, kept per record for offline reading, each with the version of the
// record it was fetched for, so that a history older than its record is known as such.
class HistoryTable final
{
public:
    explicit HistoryTable(CacheDatabase &db)
        : m_db(db)
    {}

    // None when no history is kept for the record.
    Result<std::optional<StoredHistory>> find(const QString &opportunityId) const;
    // `recordVersion`: RecordVersion::of the record the history was fetched for; empty when
    // unknown (the history then counts as older than the record).
    Result<StoreChanges> store(const QString &opportunityId,
                               const QList<OpportunityUpdate> &updates,
                               const QString &recordVersion);

private:
    CacheDatabase &m_db;
};
