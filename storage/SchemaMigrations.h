#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// Brings an SQLite database on a named connection to the newest schema, step by step: step N
// takes PRAGMA user_version from N to N+1, each in its own transaction. A database newer than the
// steps is refused. Shared by kashew-server's store and the client's cache.
namespace SchemaMigrations {

// Returns false with *error set (naming the step) when a step fails.
// *tooNew (when given) says whether the failure is a database newer than the steps.
bool apply(const QString &connectionName, const QList<QStringList> &steps, QString *error,
           bool *tooNew = nullptr);

} // namespace SchemaMigrations
