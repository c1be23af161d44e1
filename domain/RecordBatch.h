#pragma once

#include "Opportunity.h"
#include "OpportunityField.h"

#include <QList>
#include <QStringList>

// An edit of one record: the fields named take their values from `edited`.
struct RecordEdit
{
    QString id;
    Opportunity edited;
    OpportunityFields fields;
};

// Many of the user's changes as one write: a bulk edit, a bulk delete, an import. The store
// writes all of it in one transaction or nothing, and each record still gets the one outbox
// entry it would get from the same changes made one by one (coalesced with what is pending).
struct RecordBatch
{
    // New records; their ids are made by the store (any id given is ignored).
    QList<Opportunity> creates;
    QList<RecordEdit> edits;
    QStringList deletions;

    bool isEmpty() const { return creates.isEmpty() && edits.isEmpty() && deletions.isEmpty(); }
};
