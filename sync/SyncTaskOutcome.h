#pragma once

#include "ApiError.h"

// How a sync task ended: the one value the SyncEngine reads to decide what comes next.
struct SyncTaskOutcome
{
    enum class Kind
    {
        // The task did its work (a pushed entry: the server holds it).
        Done,
        // Nothing was left to do: the entry went away, merged into the server's state, or became
        // a conflict. The sync goes on.
        Settled,
        // The server refused this part for good (`error` says why) and the sync goes on without
        // it: a refused entry is marked Failed in the cache; unserved account names stay cached.
        Refused,
        // The task failed with `error`; a sync that runs it ends here (offline, a wrong key, a
        // rate limit, a page that failed, a cache that cannot be written).
        Failed,
    };

    Kind kind = Kind::Done;
    ApiError error;

    static SyncTaskOutcome done() { return {}; }
    static SyncTaskOutcome settled() { return {Kind::Settled, {}}; }
    static SyncTaskOutcome refused(const ApiError &error) { return {Kind::Refused, error}; }
    static SyncTaskOutcome failed(const ApiError &error) { return {Kind::Failed, error}; }

    bool mayGoOn() const { return kind != Kind::Failed; }
};
