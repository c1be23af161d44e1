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

    qint64 sequence = 0;
    QString opportunityId;
    Operation operation = Operation::Update;
    // For updates: the fields to send. Creates send every writable field of the row.
    OpportunityFields fields;
    // Sent with creates so a retried POST cannot create a second record.
    QString idempotencyKey;
    // Incremented before each send: more than 0 means a send may have reached the server.
    int attempts = 0;
    QString lastError;
    QDateTime createdAt;
    // The request body of the last send: what the server's answer reflects.
    QJsonObject sentBody;
};
