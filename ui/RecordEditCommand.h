#pragma once

#include "Opportunity.h"
#include "OpportunityField.h"

#include <QUndoCommand>

class LocalStore;

// An edit of one or more records as an undoable step: redo writes the new values, undo writes
// the old ones back, both through the LocalStore, so each goes out as a normal edit (and an
// edit undone before it was pushed leaves nothing to push).
class RecordEditCommand final : public QUndoCommand
{
public:
    struct Change
    {
        QString id;
        Opportunity before;
        Opportunity after;
        OpportunityFields fields;
    };

    RecordEditCommand(LocalStore &store, const QList<Change> &changes, const QString &text);

    void undo() override;
    void redo() override;

    // A move to another stage; closed_won sets probability 100, closed_lost 0.
    static RecordEditCommand *move(LocalStore &store, const QStringList &ids, Stage stage);

private:
    void apply(bool forward);

    LocalStore &m_store;
    QList<Change> m_changes;
};
