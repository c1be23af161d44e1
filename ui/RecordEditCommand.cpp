#include "RecordEditCommand.h"

#include "LocalStore.h"

#include <QCoreApplication>

RecordEditCommand::RecordEditCommand(LocalStore &store, const QHash<QString, QString> &renamed,
                                     const QList<Change> &changes, const QString &text)
    : QUndoCommand(text)
    , m_store(store)
    , m_renamed(renamed)
    , m_changes(changes)
{}

void RecordEditCommand::apply(bool forward)
{
    for (const Change &change : std::as_const(m_changes))
        m_store.editOpportunity(resolve(m_renamed, change.id),
                                forward ? change.after : change.before, change.fields);
}

void RecordEditCommand::undo()
{
    apply(false);
}

void RecordEditCommand::redo()
{
    apply(true);
}

QString RecordEditCommand::resolve(const QHash<QString, QString> &renamed, QString id)
{
    for (int hops = 0; hops < 8 && renamed.contains(id); ++hops)
        id = renamed.value(id);
    return id;
}

RecordEditCommand *RecordEditCommand::move(LocalStore &store,
                                           const QHash<QString, QString> &renamed,
                                           const QStringList &ids, Stage stage)
{
    QList<Change> changes;
    for (const QString &id : ids) {
        const auto record = store.opportunity(id);
        if (!record)
            continue;
        Change change{id, record->opportunity, record->opportunity, OpportunityField::Stage};
        change.after.stage = stage;
        if (stage == Stage::ClosedWon || stage == Stage::ClosedLost) {
            change.after.probability = stage == Stage::ClosedWon ? 100 : 0;
            change.fields |= OpportunityField::Probability;
        }
        changes.append(change);
    }
    const QString text =
        ids.size() == 1 ? QCoreApplication::translate("RecordEditCommand", "Move to %1")
                              .arg(Stages::label(stage))
                        : QCoreApplication::translate("RecordEditCommand", "Move %1 deals to %2")
                              .arg(ids.size())
                              .arg(Stages::label(stage));
    return new RecordEditCommand(store, renamed, changes, text);
}
