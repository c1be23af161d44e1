#pragma once

#include "Opportunity.h"

#include <QString>

// Which version of a record the cache holds, to tell whether a history fetched for it is still
// current: its updated_at, or for a server that sends none, a digest of its content.
namespace RecordVersion {

QString of(const Opportunity &opportunity);

} // namespace RecordVersion
