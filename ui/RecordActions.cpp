#include "RecordActions.h"

#include "BulkActions.h"
#include "ConflictDialog.h"
#include "LocalStore.h"
#include "OpportunityDialog.h"
#include "Profile.h"
#include "RecordEditCommand.h"
#include "ServerText.h"
#include "StageProbabilities.h"
#include "SyncEngine.h"

#include <QAction>
#include <QMessageBox>
#include <QSettings>
#include <QUndoStack>

namespace {

// The accounts a dialog offers; none when the cache cannot read them (the window says why).
QList<Account> accountChoices(LocalStore &store)
{
    Result<QList<Account>> accounts = store.accounts();
    return accounts ? std::move(accounts).value() : QList<Account>();
}

} // namespace

RecordActions::RecordActions(LocalStore &store, SyncEngine &engine, const Profile &profile,
                             QUndoStack &undoStack, std::function<QString()> currentId,
                             std::function<QStringList()> selectedIds, QWidget &window)
    : QObject(&window)
    , m_store(store)
    , m_engine(engine)
    , m_profile(profile)
    , m_undoStack(undoStack)
    , m_currentId(std::move(currentId))
    , m_selectedIds(std::move(selectedIds))
    , m_window(window)
    , m_new(new QAction(tr("&New opportunity…"), this))
    , m_edit(new QAction(tr("&Edit…"), this))
    , m_archive(new QAction(tr("&Archive"), this))
    , m_delete(new QAction(tr("&Delete…"), this))
    , m_sync(new QAction(tr("&Sync now"), this))
{
    m_new->setShortcut(QKeySequence::New);
    connect(m_new, &QAction::triggered, this, &RecordActions::create);
    m_edit->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_E), QKeySequence(Qt::Key_Return)});
    m_edit->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_edit, &QAction::triggered, this, &RecordActions::editCurrent);
    m_archive->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(m_archive, &QAction::triggered, this, &RecordActions::toggleArchived);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_delete, &QAction::triggered, this, &RecordActions::deleteCurrent);
    m_sync->setShortcut(QKeySequence::Refresh);
    connect(m_sync, &QAction::triggered, &m_engine, &SyncEngine::syncNow);
    connect(&store, &LocalStore::opportunityIdChanged, this,
            [this](const QString &oldId, const QString &newId) { m_renamed.insert(oldId, newId); });
    m_bulk = new BulkActions(store, profile, undoStack, m_renamed, m_selectedIds, window);
    connect(m_bulk, &BulkActions::failed, this, &RecordActions::failed);
}

void RecordActions::setDeleteConfirmation(std::function<bool(const QString &)> confirm)
{
    m_confirmDelete = std::move(confirm);
}

void RecordActions::setEditingAllowed(bool allowed)
{
    for (QAction *action : {m_new, m_edit, m_archive, m_delete})
        action->setEnabled(allowed);
    m_bulk->setEditingAllowed(allowed);
}

void RecordActions::follow(const std::optional<CachedOpportunity> &shown)
{
    m_unarchives = shown && shown->opportunity.isArchived;
    m_archive->setText(m_unarchives ? tr("Un&archive") : tr("&Archive"));
}

void RecordActions::create()
{
    const StageProbabilities probabilities =
        StageProbabilities::read(QSettings(m_profile.settingsPath(), QSettings::IniFormat));
    Opportunity fresh;
    fresh.ownerId = QString();
    fresh.probability = probabilities.proposed(fresh.stage);
    createFrom(fresh);
}

bool RecordActions::createFrom(const Opportunity &draft)
{
    OpportunityDialog dialog(draft, accountChoices(m_store), true, &m_window);
    dialog.setStageProbabilities(
        StageProbabilities::read(QSettings(m_profile.settingsPath(), QSettings::IniFormat)));
    if (const Result<PeopleBook> people = m_store.people())
        dialog.setPeople(*people);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const Result<QString> id = m_store.createOpportunity(dialog.opportunity());
    if (!id) {
        emit failed(tr("The opportunity could not be saved: %1").arg(id.error()));
        return false;
    }
    emit created(*id);
    return true;
}

void RecordActions::editCurrent()
{
    edit(m_currentId());
}

void RecordActions::edit(const QString &id)
{
    const auto record = id.isEmpty() ? std::nullopt : m_store.opportunity(id);
    if (!record)
        return;
    OpportunityDialog dialog(record->opportunity, accountChoices(m_store), false, &m_window);
    if (const Result<PeopleBook> people = m_store.people())
        dialog.setPeople(*people);
    dialog.setStageProbabilities(
        StageProbabilities::read(QSettings(m_profile.settingsPath(), QSettings::IniFormat)));
    if (record->state == SyncState::Failed) {
        // The server's refusal lands on the fields it names, in either spelling; one the form
        // does not have shows on the name.
        FieldErrors errors;
        for (const FieldError &error : record->syncFieldErrors) {
            const auto field = OpportunityFieldNames::fromName(error.field);
            errors.append(
                {field ? OpportunityFieldNames::camelCase(*field) : error.field, error.message});
        }
        dialog.showFieldErrors(errors);
    }
    if (dialog.exec() != QDialog::Accepted || !dialog.changedFields())
        return;
    // The record may have got its server id while the dialog was open.
    auto *command = new RecordEditCommand(
        m_store, m_renamed,
        {RecordEditCommand::change(id, record->opportunity, dialog.opportunity(),
                                   dialog.changedFields())},
        tr("Edit %1").arg(ServerText::isolated(record->opportunity.name)));
    // push() runs redo(); the command stays on the stack (it never merges nor turns obsolete).
    m_undoStack.push(command);
    if (const Status saved = command->lastStatus(); !saved)
        emit failed(tr("The change could not be saved: %1").arg(saved.error()));
}

void RecordActions::toggleArchived()
{
    // Several deals: what the action says (from the current one) to each that is not so yet.
    if (const QStringList ids = selectedOrCurrent(); ids.size() > 1) {
        m_bulk->setArchived(ids, !m_unarchives);
        return;
    }
    const QString id = m_currentId();
    const auto record = id.isEmpty() ? std::nullopt : m_store.opportunity(id);
    if (!record)
        return;
    Opportunity changed = record->opportunity;
    changed.isArchived = !changed.isArchived;
    m_undoStack.push(new RecordEditCommand(
        m_store, m_renamed,
        {RecordEditCommand::change(id, record->opportunity, changed, OpportunityField::IsArchived)},
        changed.isArchived ? tr("Archive") : tr("Unarchive")));
}

void RecordActions::move(const QStringList &ids, Stage stage)
{
    // The engine sends it after a short quiet period (so does undo): a run of moves goes out as
    // one sync.
    m_undoStack.push(RecordEditCommand::move(m_store, m_renamed, ids, stage));
}

void RecordActions::deleteCurrent()
{
    if (const QStringList ids = selectedOrCurrent(); ids.size() > 1) {
        // One question, one write of them all (or none).
        const int count = static_cast<int>(ids.size());
        if (!confirmDelete(tr("%n deals", nullptr, count), count) || !m_bulk->confirmBudget(count))
            return;
        RecordBatch batch;
        batch.deletions = ids;
        if (const Result<QStringList> deleted = m_store.applyBatch(batch); !deleted)
            emit failed(tr("Not deleted: %1").arg(deleted.error()));
        return;
    }
    const QString id = m_currentId();
    const auto record = id.isEmpty() ? std::nullopt : m_store.opportunity(id);
    if (!record || !confirmDelete(record->opportunity.name, 1))
        return;
    // Sent by the engine's push scheduler, like every edit, once the rep pauses.
    if (const Status deleted = m_store.deleteOpportunity(id); !deleted)
        emit failed(tr("Not deleted: %1").arg(deleted.error()));
}

QStringList RecordActions::selectedOrCurrent() const
{
    QStringList ids = m_selectedIds();
    if (ids.isEmpty() && !m_currentId().isEmpty())
        ids.append(m_currentId());
    return ids;
}

bool RecordActions::confirmDelete(const QString &name, int count)
{
    if (m_confirmDelete)
        return m_confirmDelete(name);
    QMessageBox box(
        QMessageBox::Warning, count == 1 ? tr("Delete opportunity") : tr("Delete opportunities"),
        count == 1
            ? tr("Delete \"%1\" permanently? This cannot be undone, here or on the server.")
                  .arg(ServerText::isolated(name))
            : tr("Delete %n deals? They are deleted permanently, here and on the server; this "
                 "cannot be undone.",
                 nullptr, count),
        QMessageBox::Cancel, &m_window);
    box.setTextFormat(Qt::PlainText);
    box.addButton(tr("Delete permanently"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() != QMessageBox::Cancel;
}

void RecordActions::resolveCurrent()
{
    const QString id = m_currentId();
    const auto record = id.isEmpty() ? std::nullopt : m_store.opportunity(id);
    if (!record || record->state != SyncState::Conflict)
        return;
    ConflictDialog dialog(*record, &m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Status settled = dialog.acceptsDeletion() ? m_store.deleteOpportunity(id)
                                                    : m_store.resolveConflict(id, dialog.chosen());
    if (settled)
        m_engine.syncNow();
}

void RecordActions::retryCurrent()
{
    if (m_store.retryFailed(m_currentId()))
        m_engine.syncNow();
}

void RecordActions::discardCurrent()
{
    const QString id = m_currentId();
    if (id.isEmpty())
        return;
    if (const Status discarded = m_store.discardEdits(id); !discarded)
        emit failed(tr("The changes could not be discarded: %1").arg(discarded.error()));
}
