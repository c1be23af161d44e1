#include "BulkActions.h"

#include "LocalStore.h"
#include "OpportunityDiff.h"
#include "Profile.h"
#include "RecordEditCommand.h"
#include "RequestBudget.h"
#include "ServerText.h"

#include <QAction>
#include <QMessageBox>
#include <QSettings>
#include <QUndoStack>
#include <memory>

namespace {

using Kind = BulkEditDialog::Kind;

// The undo text of a change of `field` of `n` deals ("Undo change of owner of 12 deals"): the
// deal by name when there is one. The count in a plain int: lupdate (6.4) skips a tr() whose count
// is a cast.
QString commandText(OpportunityField field, bool archived, int n, const QString &firstName)
{
    const QString name = ServerText::isolated(firstName);
    switch (field) {
    case OpportunityField::OwnerId:
        return n == 1 ? BulkActions::tr("change of owner of '%1'").arg(name)
                      : BulkActions::tr("change of owner of %n deals", nullptr, n);
    case OpportunityField::ExpectedCloseDate:
        return n == 1 ? BulkActions::tr("change of close date of '%1'").arg(name)
                      : BulkActions::tr("change of close date of %n deals", nullptr, n);
    case OpportunityField::IsArchived:
        if (archived)
            return n == 1 ? BulkActions::tr("archive of '%1'").arg(name)
                          : BulkActions::tr("archive of %n deals", nullptr, n);
        return n == 1 ? BulkActions::tr("unarchive of '%1'").arg(name)
                      : BulkActions::tr("unarchive of %n deals", nullptr, n);
    default:
        break;
    }
    return n == 1 ? BulkActions::tr("change of probability of '%1'").arg(name)
                  : BulkActions::tr("change of probability of %n deals", nullptr, n);
}

} // namespace

BulkActions::BulkActions(LocalStore &store, const Profile &profile, QUndoStack &undoStack,
                         const QHash<QString, QString> &renamed,
                         std::function<QStringList()> selectedIds, QWidget &window)
    : QObject(&window)
    , m_store(store)
    , m_profile(profile)
    , m_undoStack(undoStack)
    , m_renamed(renamed)
    , m_selectedIds(std::move(selectedIds))
    , m_window(window)
{
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_actions.append(separator);
    const QList<QPair<Kind, QString>> kinds = {
        {Kind::Stage, tr("Change s&tage…")},
        {Kind::Owner, tr("Change o&wner…")},
        {Kind::CloseDate, tr("Change &close date…")},
        {Kind::Probability, tr("Change &probability…")},
    };
    for (const auto &[kind, text] : kinds) {
        auto *action = new QAction(text, this);
        connect(action, &QAction::triggered, this, [this, kind = kind] { ask(kind); });
        m_actions.append(action);
    }
}

QAction *BulkActions::action(BulkEditDialog::Kind kind) const
{
    return m_actions.at(1 + static_cast<int>(kind));
}

void BulkActions::setEditingAllowed(bool allowed)
{
    for (QAction *action : std::as_const(m_actions))
        action->setEnabled(allowed);
}

void BulkActions::setBudgetConfirmation(std::function<bool(const QString &)> confirm)
{
    m_confirmBudget = std::move(confirm);
}

bool BulkActions::confirmBudget(int records)
{
    const RequestBudget budget =
        RequestBudget::read(QSettings(m_profile.settingsPath(), QSettings::IniFormat),
                            RequestBudget::isHostedServer(m_profile.serverUrl()));
    // The writes already waiting go first: the change reaches the server after them.
    const int writes = records + m_store.pendingCount();
    const int days = budget.daysFor(writes);
    if (days <= 1)
        return true;
    const QString question =
        tr("This change of %n deals takes %1 days of your plan's %L2 writes a day to reach the "
           "server. kashew saves it here now and sends it as the plan allows.",
           nullptr, records)
            .arg(days)
            .arg(budget.writesPerDay);
    if (m_confirmBudget)
        return m_confirmBudget(question);
    QMessageBox box(QMessageBox::Question, tr("Change of many deals"), question,
                    QMessageBox::Cancel, &m_window);
    box.setTextFormat(Qt::PlainText);
    box.addButton(tr("Save and send over time"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() != QMessageBox::Cancel;
}

void BulkActions::ask(BulkEditDialog::Kind kind)
{
    const QStringList ids = m_selectedIds();
    // One read for all of them (a failed one the store reports itself).
    const auto records = m_store.findOpportunities(ids);
    if (!records || records->isEmpty())
        return;
    QStringList owners;
    for (const CachedOpportunity &record : *records)
        owners.append(record.opportunity.ownerId);
    owners.removeDuplicates();
    const Result<PeopleBook> people = m_store.people();
    BulkEditDialog dialog(kind, static_cast<int>(ids.size()), records->first().opportunity,
                          people ? *people : PeopleBook(), owners, &m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    change(ids, dialog.chosen(), dialog.field());
}

void BulkActions::change(const QStringList &ids, const Opportunity &values, OpportunityField field)
{
    QStringList moved;
    QList<RecordEditCommand::Change> changes;
    QString firstName;
    {
        // One read for all of them (a failed one the store reports itself). The records go
        // before the command runs: they are the size of the whole selection, its texts included.
        const auto records = m_store.findOpportunities(ids);
        if (!records)
            return;
        for (const CachedOpportunity &record : *records) {
            const Opportunity &before = record.opportunity;
            if (field == OpportunityField::Stage) {
                if (before.stage != values.stage)
                    moved.append(before.id);
            } else if (OpportunityDiff::changedFields(before, values, field)) {
                if (changes.isEmpty())
                    firstName = before.name;
                changes.append(RecordEditCommand::change(before.id, before, values, field));
            }
        }
    }
    if (field == OpportunityField::Stage) {
        // As a move: into closed_won or closed_lost the probability follows.
        push(RecordEditCommand::move(m_store, m_renamed, moved, values.stage),
             static_cast<int>(moved.size()));
        return;
    }
    if (changes.isEmpty())
        return;
    const int count = static_cast<int>(changes.size());
    const QString text = commandText(field, values.isArchived, count, firstName);
    push(new RecordEditCommand(m_store, m_renamed, std::move(changes), text), count);
}

void BulkActions::setArchived(const QStringList &ids, bool archived)
{
    Opportunity values;
    values.isArchived = archived;
    change(ids, values, OpportunityField::IsArchived);
}

void BulkActions::push(RecordEditCommand *command, int records)
{
    std::unique_ptr<RecordEditCommand> owned(command);
    if (records == 0 || (records > 1 && !confirmBudget(records)))
        return;
    RecordEditCommand *pushed = owned.release();
    // push() runs redo(), one transaction; the command stays on the stack (it never merges).
    m_undoStack.push(pushed);
    if (const Status saved = pushed->lastStatus(); !saved)
        emit failed(tr("The change could not be saved: %1").arg(saved.error()));
}
