#pragma once

#include "Result.h"

#include <QString>

// kashew-server's database schema: its migrations, step by step (never edited once released).
namespace ServerSchema {

// The newest schema's number (PRAGMA user_version).
int version();
// Brings the database on `connectionName` to the newest schema (to an older one, `upTo`, for
// tests that make a database as an older server left it).
Status migrate(const QString &connectionName, int upTo = version());
// Refolds the stored folded names when they follow an older rule than OpportunityFilter::fold's
// (SQLite and PostgreSQL alike; migrate() and PostgresSchema::migrate() call it).
Status refold(const QString &connectionName);

// For loads made with the triggers set aside (DemoLoader): the statement that computes every
// row's search_folded (before the triggers return), and the one that rebuilds its trigram index.
QString fillSearchText();
QString rebuildSearchIndex();

} // namespace ServerSchema
