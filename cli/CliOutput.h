#pragma once

#include "CachedOpportunity.h"
#include "OpportunityUpdate.h"
#include "OutboxEntry.h"
#include "PeopleBook.h"

#include <QJsonObject>
#include <QList>
#include <QTextStream>
#include <optional>

// What the `kashew` command prints: its two streams, usage errors, and records and outbox
// entries as list lines, text and JSON.
namespace CliOutput {

QTextStream &out();
QTextStream &err();
// What is wrong with the command line and where help is.
QString usageText(const QString &message);
// Says usageText() on standard error; returns the usage exit code.
int usage(const QString &message);

// A record in the API's response form, with its sync state (and error).
QJsonObject recordJson(const CachedOpportunity &record);
// One line of `kashew list`: state mark, short id, stage, value, owner (by name where `people`
// has it), "stale 23 d" for a deal gone stale (`staleDays`: its days without a change), name.
void printListLine(const CachedOpportunity &record, const PeopleBook &people,
                   std::optional<int> staleDays);
// `kashew show` as text: every field (the owner's name beside their id), a line for a deal gone
// stale, then the history when it has been fetched.
void printRecord(const CachedOpportunity &record,
                 const std::optional<QList<OpportunityUpdate>> &updates, const PeopleBook &people,
                 std::optional<int> staleDays);
// One line of `kashew pending`.
void printOutboxEntry(const OutboxEntry &entry);

} // namespace CliOutput
