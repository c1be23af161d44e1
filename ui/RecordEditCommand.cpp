#include "RecordEditCommand.h"

#include "LocalStore.h"
#include "ServerText.h"
#include "StageProbabilities.h"

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
    // One transaction for the whole step. When it is refused (a record deleted meanwhile, a
    // write that fails), each record is written on its own: a refused one stays as it was, and
    // the list goes on showing it so; the others still go through.
    RecordBatch batch;
    batch.edits.reserve(m_changes.size());
    for (const Change &change : std::as_const(m_changes))
        batch.edits.append(RecordEdit{resolve(m_renamed, change.id),
                                      forward ? change.after : change.before, change.fields});
    m_lastStatus = {};
    if (m_store.applyBatch(batch))
        return;
    for (const RecordEdit &edit : std::as_const(batch.edits)) {
        Status written = m_store.editOpportunity(edit.id, edit.edited, edit.fields);
        if (!written && m_lastStatus)
            m_lastStatus = std::move(written);
    }
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
    // One read for all of them: a bulk move names thousands.
    const auto records = store.findOpportunities(ids);
    for (const CachedOpportunity &record : records ? *records : QList<CachedOpportunity>()) {
        const QString &id = record.opportunity.id;
        Change change{id, record.opportunity, record.opportunity, OpportunityField::Stage};
        change.after.stage = stage;
        if (const std::optional<int> implied = StageProbabilities::implied(stage)) {
            change.after.probability = *implied;
            change.fields |= OpportunityField::Probability;
        }
        changes.append(change);
    }
    // The undo action reads "Undo move of 'Acme — Pilot' to Closed won": the deal by name.
    // The count in a plain int: lupdate (6.4) skips a translate() whose count is a cast.
    const int count = static_cast<int>(changes.size());
    const QString text =
        count == 1
            ? QCoreApplication::translate("RecordEditCommand", "move of '%1' to %2")
                  .arg(ServerText::isolated(changes.first().before.name), Stages::label(stage))
            : QCoreApplication::translate("RecordEditCommand", "move of %n deals to %1", nullptr,
                                          count)
                  .arg(Stages::label(stage));
    return new RecordEditCommand(store, renamed, changes, text);
}
