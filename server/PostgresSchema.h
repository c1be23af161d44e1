#pragma once

#include "Result.h"

#include <QString>

// kashew-server's schema on PostgreSQL: the same tables, columns and answers as ServerSchema's
// SQLite steps, with pg_trgm (a GIN index of trigrams) where SQLite has FTS5, PL/pgSQL triggers
// where SQLite has its own, and the version in a table of its own, schema_version (no PRAGMA
// user_version). Its steps are numbered on their own and never edited once released.
namespace PostgresSchema {

int version();
// Brings the database to the newest schema (to an older one, `upTo`, for tests), each step in
// its own transaction, under an advisory lock so that several processes starting at once migrate
// it once; then refolds names that follow an older fold rule. A database newer than the steps
// is refused.
Status migrate(const QString &connectionName, int upTo = version());

} // namespace PostgresSchema
