#pragma once

#include "Result.h"

#include <QString>

// kashew-server's database schema: its migrations, step by step (never edited once released).
namespace ServerSchema {

// The newest schema's number (PRAGMA user_version).
int version();
// Brings the database on `connectionName` to the newest schema.
Status migrate(const QString &connectionName);

} // namespace ServerSchema
