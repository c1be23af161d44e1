#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>

// One field's change in an update: the wire name of the field and its values before and after.
struct FieldChange
{
    QString field;
    QJsonValue from;
    QJsonValue to;
};

// One entry of an opportunity's updates history: who changed what, when.
struct OpportunityUpdate
{
    QString id;
    QDateTime createdAt;
    QString ownerId;
    QList<FieldChange> changes;
};
