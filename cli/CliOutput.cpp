#include "CliOutput.h"

#include "CliCommands.h"
#include "Money.h"
#include "OpportunityJson.h"
#include "TerminalSafeDevice.h"
#include "Timestamp.h"

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

// The state's name in JSON output: one per SyncState, which the build checks.
QString stateName(SyncState state)
{
    switch (state) {
    case SyncState::Synced:
        return QStringLiteral("synced");
    case SyncState::Pending:
        return QStringLiteral("pending");
    case SyncState::Failed:
        return QStringLiteral("failed");
    case SyncState::Conflict:
        return QStringLiteral("conflict");
    }
    Q_UNREACHABLE();
}

// An owner in a column of the list: by name where known, else the shortened id.
QString ownerColumn(const PeopleBook &people, const QString &ownerId)
{
    constexpr qsizetype width = 16;
    QString shown = ownerId.isEmpty() ? QStringLiteral("—") : people.displayName(ownerId);
    if (shown.size() > width)
        shown = shown.left(width - 1) + QChar(u'…');
    return shown.leftJustified(width);
}

// An owner in full: the id with the name the book has for it.
QString ownerText(const PeopleBook &people, const QString &ownerId)
{
    if (!people.hasName(ownerId))
        return ownerId;
    return QStringLiteral("%1 (%2)").arg(ownerId, people.displayName(ownerId));
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

QString usageText(const QString &message)
{
    return QStringLiteral("kashew: %1\nTry 'kashew --help'.\n").arg(message);
}

int usage(const QString &message)
{
    err() << usageText(message);
    err().flush();
    return CliCommands::Usage;
}

QJsonObject recordJson(const CachedOpportunity &record)
{
    QJsonObject object = OpportunityJson::toResponse(record.opportunity);
    object.insert(QStringLiteral("sync_state"), stateName(record.state));
    if (!record.syncError.isEmpty())
        object.insert(QStringLiteral("sync_error"), record.syncError);
    return object;
}

void printListLine(const CachedOpportunity &record, const PeopleBook &people,
                   std::optional<int> staleDays)
{
    const Opportunity &o = record.opportunity;
    const QString stale = staleDays ? QStringLiteral("stale %1 d").arg(*staleDays) : QString();
    out() << stateMark(record) << ' ' << o.id.left(8) << "  "
          << Stages::id(o.stage).leftJustified(13) << ' '
          << formatMoney(o.value, o.currency).rightJustified(16) << "  "
          << ownerColumn(people, o.ownerId) << "  " << stale.leftJustified(12) << "  " << o.name
          << "\n";
}

void printRecord(const CachedOpportunity &record,
                 const std::optional<QList<OpportunityUpdate>> &updates, const PeopleBook &people,
                 std::optional<int> staleDays)
{
    const QJsonObject object = recordJson(record);
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        QString value =
            it.value().isNull() ? QStringLiteral("—") : it.value().toVariant().toString();
        if (it.key() == QLatin1String("owner_id") && !it.value().isNull())
            value = ownerText(people, value);
        out() << it.key().leftJustified(20) << ' ' << value << "\n";
    }
    if (staleDays)
        out() << QStringLiteral("stale").leftJustified(20) << " no change for " << *staleDays
              << " days\n";
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
        out() << "  " << Timestamp::toText(update.createdAt) << "  "
              << (people.hasName(update.ownerId) ? people.displayName(update.ownerId)
                                                 : update.ownerId)
              << "  " << changes.join(QStringLiteral(", ")) << "\n";
    }
}

void printOutboxEntry(const OutboxEntry &entry)
{
    QStringList fields;
    for (OpportunityField field : OpportunityFieldNames::all()) {
        if (entry.operation == OutboxEntry::Operation::Update && entry.fields.testFlag(field))
            fields.append(OpportunityFieldNames::camelCase(field));
    }
    out() << OutboxEntry::operationName(entry.operation) << ' ' << entry.opportunityId << ' '
          << fields.join(QLatin1Char(','))
          << (entry.lastError.isEmpty()
                  ? QString()
                  : QStringLiteral("  (") + entry.lastError + QLatin1Char(')'))
          << "\n";
}

} // namespace CliOutput
