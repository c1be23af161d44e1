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

Q_DECLARE_METATYPE(Opportunity)
