#pragma once

#include "RecordActions.h"
#include "SyncEngine.h"

#include <QMainWindow>

class BoardView;
class ConnectionSetup;
class CredentialStore;
class DetailFollower;
class DetailPanel;
class FilterBar;
class ForecastView;
class LocalStore;
class NotificationBanner;
class OpportunityFilterProxy;
class OpportunityListModel;
class OpportunityTableView;
class PipelineViews;
class Profile;
class QAction;
class QTabWidget;
class QTableView;
class QUndoStack;
class SyncNotices;
class SyncStatusBar;

// What a rep sees first: the filter bar, the opportunity list or board, the detail of the
// selected record, and the sync status. Reads only from the cache's model; writes only through
// the LocalStore (RecordActions), so all of it works offline. It wires its parts together.
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
    QTableView *table() const;
    OpportunityFilterProxy *proxy() const { return m_proxy; }
    DetailPanel *detail() const { return m_detail; }
    BoardView *board() const { return m_board; }
    // The forecast tab's view.
    ForecastView *forecast() const;
    QTabWidget *views() const;
    QUndoStack *undoStack() const { return m_undoStack; }
    // The key, the server and the sync interval: the app connects through it at start.
    ConnectionSetup &connection() const { return *m_connection; }
    QString bannerText() const;
    QString statusText() const;

    // Shows a problem without blocking: a banner with the ways on.
    void showBanner(const QString &message, bool offerRetry, bool offerSettings);
    // The app runs without a server (no key yet): says how to connect.
    void setLocalOnly(bool localOnly);

    // The actions, for menus, shortcuts and tests.
    QAction *newAction() const { return m_actions->newAction(); }
    QAction *editAction() const { return m_actions->editAction(); }
    QAction *archiveAction() const { return m_actions->archiveAction(); }
    QAction *deleteAction() const { return m_actions->deleteAction(); }
    QAction *syncAction() const { return m_actions->syncAction(); }

    // Deletes the selected records after `confirm` says yes (a dialog, unless a test decides);
    // `name` is the deal's name for one, the count for several ("3 deals").
    void setDeleteConfirmation(std::function<bool(const QString &name)> confirm);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createLayout();
    void createMenus();
    void connectParts();
    void restoreLayout();
    void showSelected();
    void openSettings();
    void refreshFilterChoices();

    Services m_services;
    FilterBar *m_filterBar = nullptr;
    OpportunityFilterProxy *m_proxy = nullptr;
    OpportunityTableView *m_table = nullptr;
    DetailPanel *m_detail = nullptr;
    NotificationBanner *m_banner = nullptr;
    BoardView *m_board = nullptr;
    PipelineViews *m_views = nullptr;
    QUndoStack *m_undoStack = nullptr;
    SyncStatusBar *m_syncStatus = nullptr;
    SyncNotices *m_notices = nullptr;
    RecordActions *m_actions = nullptr;
    ConnectionSetup *m_connection = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_settingsAction = nullptr;
    // Shows the selected record and keeps its history current.
    DetailFollower *m_follower = nullptr;
    bool m_localOnly = false;
    // Fitted to the screen once, when first shown (the frame is known only then).
    bool m_fittedToScreen = false;
};
