#pragma once

#include "OutboxEntry.h"
#include "Result.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <optional>

class CacheDatabase;

// The outbox table: at most one pending entry per record, oldest first, with what its last send
// carried and whether that send may have landed. How edits coalesce into an entry is LocalEdits'.
class Outbox final
{
public:
    explicit Outbox(CacheDatabase &db)
        : m_db(db)
    {}

    Result<QList<OutboxEntry>> all() const;
    Result<std::optional<OutboxEntry>> entryFor(const QString &opportunityId) const;
    // The entries of these records, by record id (none for a record without one); a few
    // statements for thousands of ids.
    Result<QHash<QString, OutboxEntry>> entriesFor(const QStringList &opportunityIds) const;
    Result<std::optional<OutboxEntry>> entry(qint64 sequence) const;
    Result<int> count() const;

    // Updates the entry with its sequence, or adds it when it has none.
    Status write(const OutboxEntry &entry);
    Status remove(qint64 sequence);
    // Removes the record's entry, if it has one.
    Status removeFor(const QString &opportunityId);
    // Counts a send before it happens and marks it in doubt, with the body it carries.
    Status markAttempt(qint64 sequence, const QJsonObject &body);
    // The last send certainly changed nothing on the server.
    Status settle(qint64 sequence);
    Status setLastError(qint64 sequence, const QString &error);
    Status clearLastError(const QString &opportunityId);

private:
    CacheDatabase &m_db;
};
