#include "CliOutput.h"

#include "CliCommands.h"
#include "Money.h"
#include "TerminalSafeDevice.h"
#include "OpportunityJson.h"

#include <QJsonArray>
#include <cstdio>

namespace CliOutput {

namespace {

QString stateMark(const CachedOpportunity &record)
{
    switch (record.state) {
    case SyncState::Synced:
        return QStringLiteral(" ");
    case SyncState::Pending:
        return QStringLiteral("*");
    case SyncState::Failed:
        return QStringLiteral("!");
    case SyncState::Conflict:
        return QStringLiteral("?");
    }
    return QStringLiteral(" ");
}

} // namespace

QTextStream &out()
{
    static TerminalSafeDevice device(stdout);
    static QTextStream stream(&device);
    return stream;
}

QTextStream &err()
{
    static TerminalSafeDevice device(stderr);
    static QTextStream stream(&device);
    return stream;
}

int usage(const QString &message)
{
    err() << "kashew: " << message << "\n"
          << "Try 'kashew --help'.\n";
    err().flush();
    return CliCommands::Usage;
}

QJsonObject recordJson(const CachedOpportunity &record)
{
    QJsonObject object = OpportunityJson::toResponse(record.opportunity);
    static const char *states[] = {"synced", "pending", "failed", "conflict"};
    object.insert(QStringLiteral("sync_state"),
                  QString::fromLatin1(states[static_cast<int>(record.state)]));
    if (!record.syncError.isEmpty())
        object.insert(QStringLiteral("sync_error"), record.syncError);
    return object;
}

void printListLine(const CachedOpportunity &record)
{
    const Opportunity &o = record.opportunity;
    out() << stateMark(record) << ' ' << o.id.left(8) << "  "
          << Stages::id(o.stage).leftJustified(13) << ' '
          << formatMoney(o.value, o.currency).rightJustified(16) << "  " << o.name << "\n";
}

void printRecord(const CachedOpportunity &record,
                 const std::optional<QList<OpportunityUpdate>> &updates)
{
    const QJsonObject object = recordJson(record);
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        out() << it.key().leftJustified(20) << ' '
              << (it.value().isNull() ? QStringLiteral("—") : it.value().toVariant().toString())
              << "\n";
    if (!updates) {
        out() << "history: not fetched yet (it is kept for offline reading once fetched)\n";
        return;
    }
    out() << "history:\n";
    for (const OpportunityUpdate &update : *updates) {
        QStringList changes;
        for (const FieldChange &change : update.changes)
            changes.append(QStringLiteral("%1: %2 → %3")
                               .arg(change.field, change.from.toVariant().toString(),
                                    change.to.toVariant().toString()));
        out() << "  " << update.createdAt.toString(Qt::ISODate) << "  " << update.ownerId << "  "
              << changes.join(QStringLiteral(", ")) << "\n";
    }
}

void printOutboxEntry(const OutboxEntry &entry)
{
    static const char *operations[] = {"create", "update", "delete"};
    QStringList fields;
    for (OpportunityField field : OpportunityFieldNames::all()) {
        if (entry.operation == OutboxEntry::Operation::Update && entry.fields.testFlag(field))
            fields.append(OpportunityFieldNames::camelCase(field));
    }
    out() << operations[static_cast<int>(entry.operation)] << ' ' << entry.opportunityId << ' '
          << fields.join(QLatin1Char(','))
          << (entry.lastError.isEmpty()
                  ? QString()
                  : QStringLiteral("  (") + entry.lastError + QLatin1Char(')'))
          << "\n";
}

} // namespace CliOutput
