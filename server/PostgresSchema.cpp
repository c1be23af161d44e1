#include "PostgresSchema.h"

namespace PostgresSchema {

int version()
{
    return 0;
}

Status migrate(const QString &connectionName)
{
    Q_UNUSED(connectionName);
    return Failure{QStringLiteral("PostgreSQL: no schema yet")};
}

} // namespace PostgresSchema
