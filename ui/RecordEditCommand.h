#pragma once

#include "Opportunity.h"
#include "OpportunityField.h"
#include "Result.h"

#include <QHash>
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

    // `renamed` maps local ids to the server ids they got later; it is read when the command runs.
    RecordEditCommand(LocalStore &store, const QHash<QString, QString> &renamed,
                      const QList<Change> &changes, const QString &text);

    void undo() override;
    void redo() override;
    // How the last redo or undo went: its first failed write, if any.
    Status lastStatus() const { return m_lastStatus; }

    // A move to another stage; closed_won sets probability 100, closed_lost 0.
    static RecordEditCommand *move(LocalStore &store, const QHash<QString, QString> &renamed,
                                   const QStringList &ids, Stage stage);
    // The id a record has now.
    static QString resolve(const QHash<QString, QString> &renamed, QString id);

private:
    void apply(bool forward);

    LocalStore &m_store;
    const QHash<QString, QString> &m_renamed;
    QList<Change> m_changes;
    Status m_lastStatus;
};
