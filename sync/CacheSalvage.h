#pragma once

#include "CachedOpportunity.h"
#include "OutboxEntry.h"

#include <QList>
#include <QString>

// Reads what SQLite can still read of a damaged cache: every outbox entry it can reach, from
// either end of the table and row by row across the damage, and the records those entries need.
namespace CacheSalvage {

struct Result
{
    // Oldest first.
    QList<OutboxEntry> entries;
    // The records the entries refer to, where they could be read.
    QList<CachedOpportunity> records;
    // The outbox itself was damaged: entries stored in the damaged part may be missing.
    bool outboxDamaged = false;
    // Set when the file could not be opened at all.
    QString error;
};

// `path` names a copy that may be written to (SQLite replays its WAL on opening); with
// `readOnly`, the file is only read (what its WAL holds may then stay out of reach).
Result read(const QString &path, bool readOnly = false);

} // namespace CacheSalvage
