// MainWindow, its commands: create, edit, archive, delete and resolve a record, and settings.
#include "BoardView.h"
#include "ConflictDialog.h"
#include "CredentialStore.h"
#include "DetailPanel.h"
#include "FilterBar.h"
#include "ItemRoles.h"
#include "LocalStore.h"
#include "MainWindow.h"
#include "OpportunityDialog.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"
#include "Profile.h"
#include "RecordEditCommand.h"
#include "RecordSelection.h"
#include "ServerText.h"
#include "SettingsDialog.h"
#include "StageChipDelegate.h"
#include "StageProbabilities.h"
#include "Version.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

void MainWindow::createOpportunity()
{
    const StageProbabilities probabilities = StageProbabilities::read(
        QSettings(m_services.profile.settingsPath(), QSettings::IniFormat));
    Opportunity fresh;
    fresh.ownerId = QString();
    fresh.probability = probabilities.proposed(fresh.stage);
    OpportunityDialog dialog(fresh, m_services.store.accounts(), true, this);
    dialog.setStageProbabilities(probabilities);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto id = m_services.store.createOpportunity(dialog.opportunity());
    if (!id) {
        showBanner(tr("The opportunity could not be saved: %1").arg(m_services.store.lastError()),
                   false, false);
        return;
    }
    // The rep goes on with the deal they just made: current in the list and on the board.
    RecordSelection::selectInList(*m_table, *id);
    if (m_views->currentWidget() == m_board)
        RecordSelection::selectOnBoard(*m_board, *id);
}

void MainWindow::editSelected()
{
    editRecord(selectedId());
}

void MainWindow::editRecord(const QString &id)
{
    const auto record = id.isEmpty() ? std::nullopt : m_services.store.opportunity(id);
    if (!record)
        return;
    OpportunityDialog dialog(record->opportunity, m_services.store.accounts(), false, this);
    dialog.setStageProbabilities(StageProbabilities::read(
        QSettings(m_services.profile.settingsPath(), QSettings::IniFormat)));
    if (record->state == SyncState::Failed) {
        // The server's refusal lands on the fields it names.
        FieldErrors errors;
        for (OpportunityField field : OpportunityFieldNames::all()) {
            if (record->syncError.contains(OpportunityFieldNames::camelCase(field) +
                                           QLatin1Char(':')))
                errors.append({OpportunityFieldNames::camelCase(field), record->syncError});
        }
        dialog.showFieldErrors(errors);
    }
    if (dialog.exec() != QDialog::Accepted || !dialog.changedFields())
        return;
    // The record may have got its server id while the dialog was open.
    m_undoStack->push(new RecordEditCommand(
        m_services.store, m_renamed,
        {{id, record->opportunity, dialog.opportunity(), dialog.changedFields()}},
        tr("Edit %1").arg(ServerText::isolated(record->opportunity.name))));
    if (!m_services.store.opportunity(RecordEditCommand::resolve(m_renamed, id)))
        showBanner(tr("The change could not be saved: %1").arg(m_services.store.lastError()), false,
                   false);
}

void MainWindow::toggleArchived()
{
    const QString id = selectedId();
    const auto record = id.isEmpty() ? std::nullopt : m_services.store.opportunity(id);
    if (!record)
        return;
    Opportunity changed = record->opportunity;
    changed.isArchived = !changed.isArchived;
    m_undoStack->push(
        new RecordEditCommand(m_services.store, m_renamed,
                              {{id, record->opportunity, changed, OpportunityField::IsArchived}},
                              changed.isArchived ? tr("Archive") : tr("Unarchive")));
}

void MainWindow::setDeleteConfirmation(std::function<bool(const QString &)> confirm)
{
    m_confirmDelete = std::move(confirm);
}

void MainWindow::deleteSelected()
{
    const QString id = selectedId();
    const auto record = id.isEmpty() ? std::nullopt : m_services.store.opportunity(id);
    if (!record)
        return;
    const auto confirm = m_confirmDelete ? m_confirmDelete : [this](const QString &name) {
        QMessageBox box(
            QMessageBox::Warning, tr("Delete opportunity"),
            tr("Delete \"%1\" permanently? This cannot be undone, here or on the server.")
                .arg(ServerText::isolated(name)),
            QMessageBox::Cancel, this);
        box.setTextFormat(Qt::PlainText);
        box.addButton(tr("Delete permanently"), QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        return box.exec() != QMessageBox::Cancel;
    };
    if (!confirm(record->opportunity.name))
        return;
    // Sent by the engine's push scheduler, like every edit, once the rep pauses.
    if (!m_services.store.deleteOpportunity(id))
        showBanner(tr("Not deleted: %1").arg(m_services.store.lastError()), false, false);
}

void MainWindow::resolveSelected()
{
    const QString id = selectedId();
    const auto record = id.isEmpty() ? std::nullopt : m_services.store.opportunity(id);
    if (!record || record->state != SyncState::Conflict)
        return;
    ConflictDialog dialog(*record, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const bool ok = dialog.acceptsDeletion()
                        ? m_services.store.deleteOpportunity(id)
                        : m_services.store.resolveConflict(id, dialog.chosen());
    if (ok)
        m_services.engine.syncNow();
}

void MainWindow::openSettings()
{
    Profile &profile = m_services.profile;
    const ApiClient::Settings current = m_services.client.settings();
    const QSettings stored(profile.settingsPath(), QSettings::IniFormat);
    SettingsDialog dialog({profile.serverUrl(), current.apiKey,
                           stored.value(QStringLiteral("sync/minutes"), 15).toInt(),
                           StageProbabilities::read(stored)},
                          this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const SettingsDialog::Values values = dialog.values();
    profile.setServerUrl(values.serverUrl);
    QSettings saved(profile.settingsPath(), QSettings::IniFormat);
    saved.setValue(QStringLiteral("sync/minutes"), values.syncMinutes);
    values.stageProbabilities.write(saved);
    if (values.serverUrl != current.baseUrl) {
        showBanner(tr("The server changed: restart kashew to open that server's workspace."), false,
                   false);
        return;
    }
    ApiClient::Settings settings = current;
    settings.apiKey = values.apiKey;
    m_services.client.setSettings(settings);
    m_services.credentials.write(profile.credentialAccount(values.serverUrl), values.apiKey,
                                 [this](const QString &error) {
                                     if (!error.isEmpty())
                                         showBanner(tr("The system keychain is not available (%1): "
                                                       "the key is kept for this session only.")
                                                        .arg(error),
                                                    false, false);
                                 });
    setLocalOnly(values.apiKey.isEmpty());
    setEditingAllowed(true);
    // A new key may be allowed what the old one was refused.
    m_services.model.setReadOnly(false);
    m_services.engine.resetReadOnly();
    m_services.store.retryFailed();
    m_services.engine.start(std::chrono::minutes(values.syncMinutes));
}
