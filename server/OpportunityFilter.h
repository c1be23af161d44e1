#pragma once

#include "Stage.h"

#include <QString>
#include <optional>

// The list filters of GET /opportunities, already validated.
struct OpportunityFilter
{
    // Case-folded substring of the name; empty for none.
    QString search;
    std::optional<Stage> stage;
    QString accountId;
    QString ownerId;
    bool archived = false;
};
