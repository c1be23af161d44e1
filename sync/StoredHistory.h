#pragma once

#include "OpportunityUpdate.h"

#include <QDateTime>
#include <QList>
#include <QString>

// A record's updates history as the cache keeps it, with the version of the record it was
// fetched for (RecordVersion::of): when the record's version differs, the history is older than
// the record and may miss its latest changes.
struct StoredHistory
{
    QList<OpportunityUpdate> updates;
    // Empty when unknown (a history stored by an older kashew, or without its record).
    QString recordVersion;
    QDateTime fetchedAt;
};
