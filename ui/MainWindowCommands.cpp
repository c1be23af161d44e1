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
#include "ServerText.h"
#include "SettingsDialog.h"
#include "StageChipDelegate.h"
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
    Opportunity fresh;
    fresh.ownerId = QString();
    OpportunityDialog dialog(fresh, m_services.store.accounts(), true, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto id = m_services.store.createOpportunity(dialog.opportunity());
    if (!id) {
        showBanner(tr("The opportunity could not be saved: %1").arg(m_services.store.lastError()),
                   false, false);
        return;
    }
    m_services.engine.syncNow();
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
    m_services.engine.syncNow();
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
    m_services.engine.syncNow();
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
    if (m_services.store.deleteOpportunity(id))
        m_services.engine.syncNow();
    else
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
    SettingsDialog dialog({profile.serverUrl(), current.apiKey,
                           QSettings(profile.settingsPath(), QSettings::IniFormat)
                               .value(QStringLiteral("sync/minutes"), 15)
                               .toInt()},
                          this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const SettingsDialog::Values values = dialog.values();
    profile.setServerUrl(values.serverUrl);
    QSettings(profile.settingsPath(), QSettings::IniFormat)
        .setValue(QStringLiteral("sync/minutes"), values.syncMinutes);
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
