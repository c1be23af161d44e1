#pragma once

#include "Opportunity.h"

// A record as kashew-server stores it: the opportunity and its version.
struct StoredOpportunity
{
    Opportunity opportunity;
    // Bumped on every change; the ETag is derived from it (EntityTag.h).
    qint64 version = 0;
};
