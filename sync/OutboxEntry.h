#pragma once

#include "OpportunityField.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// One pending change to one record, coalesced: there is at most one entry per record.
struct OutboxEntry
{
    enum class Operation
    {
        Create,
        Update,
        Delete
    };

    // The operation's name, as the cache stores it and `kashew pending` prints it.
    static QString operationName(Operation operation);
    // Unknown names read as an update, the operation that sends only what changed.
    static Operation operationFromName(const QString &name);

    qint64 sequence = 0;
    QString opportunityId;
    Operation operation = Operation::Update;
    // For updates: the fields to send. Creates send every writable field of the row.
    OpportunityFields fields;
    // Sent with creates so a retried POST cannot create a second record.
    QString idempotencyKey;
    // Sends so far, counted before each send.
    int attempts = 0;
    // A send may have reached the server without its answer being stored (lost on the way, the
    // program killed, the cache not writable): look for its result before sending again.
    bool inDoubt = false;
    QString lastError;
    QDateTime createdAt;
    // The request body of the last send: what the server's answer reflects.
    QJsonObject sentBody;
};
