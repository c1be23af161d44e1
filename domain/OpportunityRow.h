#pragma once

#include "Opportunity.h"
#include "SyncState.h"

#include <QMetaType>

// What the item models show of one cached record: the record and its sync standing.
struct OpportunityRow
{
    Opportunity opportunity;
    SyncState state = SyncState::Synced;
    QString syncError;
};

// Every member moves as its bytes: 100,000 rows grow by realloc, not by copying each one.
Q_DECLARE_TYPEINFO(OpportunityRow, Q_RELOCATABLE_TYPE);

Q_DECLARE_METATYPE(Opportunity)
