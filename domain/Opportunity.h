#pragma once

#include "Stage.h"

#include <QDate>
#include <QDateTime>
#include <QString>

// One deal, with every field of the API's response form. Null QStrings/QDates stand for JSON null.
struct Opportunity
{
    QString id;
    QString name;
    QString accountId;
    QString accountName;
    QString leadId;
    double value = 0;
    QString currency = QStringLiteral("USD");
    Stage stage = Stage::Prospecting;
    int probability = 0;
    QDate expectedCloseDate;
    QString description;
    QString ownerId;
    bool isArchived = false;
    QDateTime createdAt;
    QDateTime updatedAt;

    // Probability-weighted value, as the pipeline totals count it.
    double weightedValue() const { return value * probability / 100.0; }

    friend bool operator==(const Opportunity &a, const Opportunity &b)
    {
        return a.id == b.id && a.name == b.name && a.accountId == b.accountId &&
               a.accountName == b.accountName && a.leadId == b.leadId && a.value == b.value &&
               a.currency == b.currency && a.stage == b.stage && a.probability == b.probability &&
               a.expectedCloseDate == b.expectedCloseDate && a.description == b.description &&
               a.ownerId == b.ownerId && a.isArchived == b.isArchived &&
               a.createdAt == b.createdAt && a.updatedAt == b.updatedAt;
    }
};
