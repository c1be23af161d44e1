#pragma once

// Where a cached record stands with the server.
enum class SyncState
{
    // Same as the server's last known state.
    Synced = 0,
    // Local edits wait in the outbox.
    Pending = 1,
    // The server refused the edit (e.g. 422); it waits for the user to change it.
    Failed = 2,
    // The server changed the same field, or deleted the record; the user decides.
    Conflict = 3,
};
