#include "OutboxEntry.h"

QString OutboxEntry::operationName(Operation operation)
{
    switch (operation) {
    case Operation::Create:
        return QStringLiteral("create");
    case Operation::Update:
        return QStringLiteral("update");
    case Operation::Delete:
        return QStringLiteral("delete");
    }
    Q_UNREACHABLE();
}

OutboxEntry::Operation OutboxEntry::operationFromName(const QString &name)
{
    if (name == QLatin1String("create"))
        return Operation::Create;
    if (name == QLatin1String("delete"))
        return Operation::Delete;
    return Operation::Update;
}
