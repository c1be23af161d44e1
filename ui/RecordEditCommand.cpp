#include "RecordEditCommand.h"

#include "LocalStore.h"
#include "ServerText.h"
#include "StageProbabilities.h"

#include <QCoreApplication>

RecordEditCommand::Change RecordEditCommand::change(const QString &id, const Opportunity &before,
                                                    const Opportunity &after,
                                                    OpportunityFields fields)
{
    // The store writes only the writable ones; the others need not be kept.
    fields &= OpportunityFieldNames::writable();
    return Change{id, fields, FieldValues(before, fields), FieldValues(after, fields)};
}

RecordEditCommand::RecordEditCommand(LocalStore &store, const QHash<QString, QString> &renamed,
                                     QList<Change> changes, const QString &text)
    : QUndoCommand(text)
    , m_store(store)
    , m_renamed(renamed)
    , m_changes(std::move(changes))
{
    m_changes.squeeze();
}

void RecordEditCommand::apply(bool forward)
{
    // One transaction for the whole step. When it is refused (a record deleted meanwhile, a
    // write that fails), each record is written on its own: a refused one stays as it was, and
    // the list goes on showing it so; the others still go through.
    RecordBatch batch;
    batch.edits.reserve(m_changes.size());
    for (const Change &change : std::as_const(m_changes)) {
        // The other fields stay default: the store copies only `fields` onto the record.
        RecordEdit edit{resolve(m_renamed, change.id), Opportunity(), change.fields};
        (forward ? change.after : change.before).copyInto(&edit.edited, change.fields);
        batch.edits.append(std::move(edit));
    }
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
    QString firstName;
    {
        // One read for all of them: a bulk move names thousands. The records go before the
        // command runs: they are the size of the whole selection, its texts included.
        const auto records = store.findOpportunities(ids);
        const QList<CachedOpportunity> none;
        const QList<CachedOpportunity> &read = records ? *records : none;
        changes.reserve(read.size());
        Opportunity after;
        after.stage = stage;
        OpportunityFields fields = OpportunityField::Stage;
        if (const std::optional<int> implied = StageProbabilities::implied(stage)) {
            after.probability = *implied;
            fields |= OpportunityField::Probability;
        }
        for (const CachedOpportunity &record : read)
            changes.append(change(record.opportunity.id, record.opportunity, after, fields));
        if (!read.isEmpty())
            firstName = read.first().opportunity.name;
    }
    // The undo action reads "Undo move of 'Acme — Pilot' to Closed won": the deal by name.
    // The count in a plain int: lupdate (6.4) skips a translate() whose count is a cast.
    const int count = static_cast<int>(changes.size());
    const QString text =
        count == 1 ? QCoreApplication::translate("RecordEditCommand", "move of '%1' to %2")
                         .arg(ServerText::isolated(firstName), Stages::label(stage))
                   : QCoreApplication::translate("RecordEditCommand", "move of %n deals to %1",
                                                 nullptr, count)
                         .arg(Stages::label(stage));
    return new RecordEditCommand(store, renamed, std::move(changes), text);
}
