#pragma once

#include "CachedOpportunity.h"
#include "OutboxEntry.h"

#include <QByteArray>
#include <optional>

// The pull's three-way merge rule, with no storage: the server's state of a record against the
// cached one and the base the local edits started from decides what the cache keeps, which
// fields are in conflict and what is left to send.
namespace MergePolicy {

struct Decision
{
    enum class EntryChange
    {
        Keep,
        // Nothing is left to send.
        Remove,
        // The entry stays with `entryFields` to send.
        Update,
    };

    // The row to write; none when the row stays as it is.
    std::optional<CachedOpportunity> record;
    // Only the row's ETag changes (a delete waiting to go out).
    std::optional<QByteArray> etag;
    EntryChange entryChange = EntryChange::Keep;
    OpportunityFields entryFields;
};

// `server`: the server's state, with its ETag when it came with one (a list carries none).
// `cached`: the row (a hidden one, deleted here, as Pending); `entry`: its outbox entry.
Decision merge(const Opportunity &server, const QByteArray &etag,
               const std::optional<CachedOpportunity> &cached,
               const std::optional<OutboxEntry> &entry);

// What a complete pull does with a cached record the server no longer lists.
enum class Vanished
{
    // Not on the server yet (a create waiting to go out): it stays.
    Keep,
    // Synced, or deleted here too: it goes, with its entry.
    Remove,
    // Edited here or waiting for the user: a conflict (deletedOnServer()).
    Conflict,
};
Vanished vanished(std::optional<OutboxEntry::Operation> operation, SyncState state);

// A record with local edits that the server deleted: a conflict for the user, its entry gone.
CachedOpportunity deletedOnServer(CachedOpportunity record);

} // namespace MergePolicy
