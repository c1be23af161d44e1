#pragma once

#include "FieldError.h"
#include "Opportunity.h"
#include "OpportunityField.h"
#include "SyncState.h"

#include <QJsonObject>
#include <optional>

// A record as the cache holds it: the current (possibly locally edited) state, the server state
// the edits started from, and where it stands with the server.
struct CachedOpportunity
{
    Opportunity opportunity;
    // The server's state the local edits are based on; nullopt for a record created here.
    std::optional<Opportunity> base;
    QByteArray etag;
    SyncState state = SyncState::Synced;
    // Why the last push failed, or what the conflict is about.
    QString syncError;
    // The fields the server refused, each with its message (empty for a refusal of the whole
    // record), so that they need not be found again in the sentence above.
    FieldErrors syncFieldErrors;
    // For a conflict: the server's state (nullopt when the server deleted the record) and the
    // fields both sides changed.
    std::optional<Opportunity> serverState;
    OpportunityFields conflictFields;
    bool serverDeleted = false;
};
