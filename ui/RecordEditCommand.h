#pragma once

#include "FieldValues.h"
#include "Opportunity.h"
#include "OpportunityField.h"
#include "Result.h"

#include <QHash>
#include <QUndoCommand>

class LocalStore;

// An edit of one or more records as an undoable step: redo writes the new values, undo writes
// the old ones back, both through the LocalStore, so each goes out as a normal edit (and an
// edit undone before it was pushed leaves nothing to push). Only the fields edited are written
// either way: a field changed meanwhile (by the server, by another edit) stays as it is.
class RecordEditCommand final : public QUndoCommand
{
public:
    // One record's edit: the edited fields' values before and after it, nothing more (a bulk
    // change keeps one per deal for as long as it can be undone).
    struct Change
    {
        QString id;
        OpportunityFields fields;
        FieldValues before;
        FieldValues after;
    };

    // The edit of `fields` (the writable ones among them) of record `id` from `before` to
    // `after`.
    static Change change(const QString &id, const Opportunity &before, const Opportunity &after,
                         OpportunityFields fields);

    // `renamed` maps local ids to the server ids they got later; it is read when the command runs.
    RecordEditCommand(LocalStore &store, const QHash<QString, QString> &renamed,
                      QList<Change> changes, const QString &text);

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
