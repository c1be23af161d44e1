#pragma once

#include <QDateTime>
#include <QString>

// A customer account, as far as the client needs it: to name it and to offer it in pickers.
struct Account
{
    QString id;
    QString name;
    QString type;
    QString status = QStringLiteral("Active");
    QString industry;
    QString website;
    QString country;
    QString ownerId;
    bool isArchived = false;
    QDateTime createdAt;
};
