#pragma once

#include "ApiError.h"
#include "SyncEngine.h"

#include <QHash>
#include <QMainWindow>

class BoardView;
class CredentialStore;
class DetailFollower;
class DetailPanel;
class FilterBar;
class LocalStore;
class OpportunityFilterProxy;
class OpportunityListModel;
class Profile;
class QAction;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
class QUndoStack;
class SyncStatusBar;

// What a rep sees first: the filter bar, the opportunity list, the detail of the selected
// record, and the sync status. Reads only from the cache's model; writes only through the
// LocalStore, so all of it works offline.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    struct Services
    {
        LocalStore &store;
        OpportunityListModel &model;
        SyncEngine &engine;
        ApiClient &client;
        Profile &profile;
        CredentialStore &credentials;
    };

    explicit MainWindow(const Services &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    FilterBar *filterBar() const { return m_filterBar; }
    QTableView *table() const { return m_table; }
    OpportunityFilterProxy *proxy() const { return m_proxy; }
    DetailPanel *detail() const { return m_detail; }
    BoardView *board() const { return m_board; }
    QTabWidget *views() const { return m_views; }
    QUndoStack *undoStack() const { return m_undoStack; }
    QString bannerText() const;
    QString statusText() const;

    // Shows a problem without blocking: a banner with the ways on.
    void showBanner(const QString &message, bool offerRetry, bool offerSettings);
    // The app runs without a server (no key yet): says how to connect.
    void setLocalOnly(bool localOnly);

    // The actions, for menus, shortcuts and tests.
    QAction *newAction() const { return m_newAction; }
    QAction *editAction() const { return m_editAction; }
    QAction *archiveAction() const { return m_archiveAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *syncAction() const { return m_syncAction; }

    // Deletes the selected record after `confirm` says yes (a dialog, unless a test decides).
    void setDeleteConfirmation(std::function<bool(const QString &name)> confirm);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createStatusBar();
    void restoreLayout();
    QString selectedId() const;
    void showSelected();
    void createOpportunity();
    void editSelected();
    void editRecord(const QString &id);
    void toggleArchived();
    void deleteSelected();
    void resolveSelected();
    void openSettings();
    void refreshFilterChoices();
    void syncStateChanged(SyncEngine::State state);
    void setEditingAllowed(bool allowed);

    Services m_services;
    FilterBar *m_filterBar = nullptr;
    OpportunityFilterProxy *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    BoardView *m_board = nullptr;
    QTabWidget *m_views = nullptr;
    DetailPanel *m_detail = nullptr;
    QUndoStack *m_undoStack = nullptr;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_bannerRetry = nullptr;
    QPushButton *m_bannerSettings = nullptr;
    SyncStatusBar *m_syncStatus = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_archiveAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_syncAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_settingsAction = nullptr;
    bool m_localOnly = false;
    // Fitted to the screen once, when first shown (the frame is known only then).
    bool m_fittedToScreen = false;
    // Shows the selected record and keeps its history current.
    DetailFollower *m_follower = nullptr;
    // Local ids that became server ids, for edits begun before.
    QHash<QString, QString> m_renamed;
    std::function<bool(const QString &)> m_confirmDelete;
};
