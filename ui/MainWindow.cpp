#include "MainWindow.h"

#include "BoardView.h"
#include "BudgetSettingsPage.h"
#include "BudgetText.h"
#include "BulkActions.h"
#include "ConnectionSetup.h"
#include "CsvActions.h"
#include "DayChangeTimer.h"
#include "DetailFollower.h"
#include "DetailPanel.h"
#include "FilterBar.h"
#include "LocalStore.h"
#include "MoneySettingsPage.h"
#include "NotificationBanner.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"
#include "OpportunityTableView.h"
#include "PeopleSettingsPage.h"
#include "PipelineViews.h"
#include "Profile.h"
#include "QuickAdd.h"
#include "SavedViewsMenu.h"
#include "SettingsDialog.h"
#include "StaleSettingsPage.h"
#include "SyncNotices.h"
#include "SyncStatusBar.h"
#include "Version.h"
#include "WindowLayout.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QUndoStack>
#include <QVBoxLayout>

MainWindow::MainWindow(const Services &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_filterBar(new FilterBar(this))
    , m_proxy(new OpportunityFilterProxy(this))
{
    setWindowTitle(tr("Pipeline")); // Qt adds " — kashew", the display name
    m_proxy->setSourceModel(&services.model);
    services.model.setRates(
        CurrencyRates::read(QSettings(services.profile.settingsPath(), QSettings::IniFormat)));
    services.model.setStaleRule(
        StaleRule::read(QSettings(services.profile.settingsPath(), QSettings::IniFormat)));
    new DayChangeTimer(services.model, this); // stale and overdue marks stay true overnight
    m_filterBar->setListProxy(m_proxy);
    // Made in the order of the focus chain: filter bar, list, detail, banner, board.
    m_table = new OpportunityTableView(*m_proxy, this);
    m_detail = new DetailPanel(this);
    m_undoStack = new QUndoStack(this);
    m_follower =
        new DetailFollower(services.store, services.engine, services.model, *m_detail, this);
    m_banner = new NotificationBanner(this);
    // One filter bar and one source model for both views.
    m_board = new BoardView(services.model, *m_filterBar, this);
    m_views = new PipelineViews(services.model, *m_table, *m_proxy, *m_board, *m_filterBar, this);
    createLayout();
    m_actions = new RecordActions(
        services.store, services.engine, services.profile, *m_undoStack,
        [this] { return m_views->currentId(); }, [this] { return m_views->selectedIds(); }, *this);
    m_connection = new ConnectionSetup(services.client, services.engine, services.store,
                                       services.profile, services.credentials, this);
    m_findAction = new QAction(tr("&Find"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    m_settingsAction = new QAction(tr("Se&ttings…"), this);
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    m_table->addActions({editAction(), archiveAction(), deleteAction()});
    m_table->addActions(m_actions->bulk()->actions());
    createMenus();
    m_syncStatus = new SyncStatusBar(services.store, services.engine, *statusBar(), this);
    m_notices = new SyncNotices(services.engine, *m_banner, this);
    connectParts();
    refreshFilterChoices();
    restoreLayout();
}

MainWindow::~MainWindow() = default;

QTableView *MainWindow::table() const
{
    return m_table;
}

ForecastView *MainWindow::forecast() const
{
    return m_views->forecastView();
}

QTabWidget *MainWindow::views() const
{
    return m_views;
}

void MainWindow::createLayout()
{
    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_views);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    // At the default 1360 px the six board columns fit beside the detail without scrolling.
    splitter->setSizes({1065, 295});
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_filterBar);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(newAction());
    file->addAction(syncAction());
    file->addSeparator();
    auto *csv = new CsvActions(
        {m_services.store, m_services.model, *m_proxy, *m_table, *newAction()}, *this);
    connect(csv, &CsvActions::reported, this,
            [this](const QString &message) { showBanner(message, false, false); });
    file->addActions({csv->importAction(), csv->exportAction()});
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undoStack->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undoStack->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(editAction());
    edit->addAction(archiveAction());
    edit->addAction(deleteAction());
    edit->addActions(m_actions->bulk()->actions()); // a section for the selection
    edit->addSeparator();
    edit->addAction(m_findAction);
    menuBar()->addMenu(tr("&View"))->addAction(m_filterBar->myDealsAction());
    menuBar()->addMenu(
        new SavedViewsMenu(*this, m_services.model, m_services.profile.settingsPath()));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About kashew"), this, [this] {
        QMessageBox::about(this, tr("About kashew"),
                           tr("<h3>kashew %1</h3><p>Your kashew.ai sales pipeline on the desktop: "
                              "it works offline and "
                              "never loses an edit.</p>")
                               .arg(QStringLiteral(KASHEW_VERSION)));
    });
}

void MainWindow::connectParts()
{
    connect(m_views, &PipelineViews::currentRecordChanged, this, &MainWindow::showSelected);
    connect(m_table, &QTableView::doubleClicked, m_actions, &RecordActions::editCurrent);
    connect(m_banner, &NotificationBanner::retryRequested, &m_services.engine,
            &SyncEngine::syncNow);
    connect(m_banner, &NotificationBanner::settingsRequested, m_settingsAction, &QAction::trigger);
    connect(m_board, &BoardView::openRequested, m_actions, &RecordActions::edit);
    connect(&m_services.model, &OpportunityListModel::moveRequested, m_actions,
            &RecordActions::move);
    connect(&m_services.model, &OpportunityListModel::moveRefused, this,
            [this](const QString &reason) { showBanner(reason, false, true); });
    connect(m_findAction, &QAction::triggered, m_filterBar, &FilterBar::focusSearch);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    // The rep goes on with the deal they just made: current in the list and on the board.
    connect(m_actions, &RecordActions::created, m_views, &PipelineViews::select);
    auto *quickAdd = new QuickAdd(m_services.store, m_services.profile, *m_board, *m_actions, this);
    connect(quickAdd, &QuickAdd::created, m_views, &PipelineViews::select);
    m_views->offerNew(newAction()); // an empty cache's notice adds a deal with it
    connect(m_actions, &RecordActions::failed, this,
            [this](const QString &message) { showBanner(message, false, false); });
    connect(m_detail, &DetailPanel::editRequested, m_actions, &RecordActions::editCurrent);
    connect(m_detail, &DetailPanel::resolveRequested, m_actions, &RecordActions::resolveCurrent);
    connect(m_detail, &DetailPanel::retryRequested, m_actions, &RecordActions::retryCurrent);
    connect(m_detail, &DetailPanel::discardRequested, m_actions, &RecordActions::discardCurrent);
    connect(m_connection, &ConnectionSetup::localOnlyChanged, this, &MainWindow::setLocalOnly);
    connect(m_connection, &ConnectionSetup::keyReplaced, this, [this] {
        m_actions->setEditingAllowed(true);
        m_services.model.setReadOnly(false);
    });
    connect(m_connection, &ConnectionSetup::problem, this,
            [this](const QString &message, bool offerSettings) {
                showBanner(message, false, offerSettings);
            });

    LocalStore &store = m_services.store;
    // What the cache could not read is not shown as empty or gone: the rep is told.
    connect(&store, &LocalStore::readFailed, this, [this](const QString &reason) {
        showBanner(tr("The local cache could not be read: %1").arg(reason), false, false);
    });
    connect(&store, &LocalStore::accountsChanged, this, &MainWindow::refreshFilterChoices);
    // Owner names, from the start and whenever the server or the user tells new ones.
    const auto showPeople = [this] {
        if (const Result<PeopleBook> people = m_services.store.people())
            m_services.model.setPeople(*people);
    };
    connect(&store, &LocalStore::peopleChanged, this, showPeople);
    showPeople();
    connect(&store, &LocalStore::opportunitiesChanged, this, [this](const QStringList &ids) {
        if (ids.contains(m_detail->currentId()))
            showSelected();
    });
    connect(&m_services.model, &QAbstractItemModel::modelReset, this,
            &MainWindow::refreshFilterChoices);
    // Owners of the rows paged in after the first screen.
    connect(&m_services.model, &OpportunityListModel::loaded, this,
            &MainWindow::refreshFilterChoices);
    connect(&m_services.model, &OpportunityListModel::peopleChanged, this,
            &MainWindow::refreshFilterChoices);
    // A read-only key: nothing to edit with (SyncNotices says so).
    connect(&m_services.engine, &SyncEngine::readOnlyDetected, this, [this] {
        m_actions->setEditingAllowed(false);
        m_services.model.setReadOnly(true);
    });
}

void MainWindow::restoreLayout()
{
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        WindowLayout(m_services.profile.settingsPath())
            .restore(*this, *m_table->horizontalHeader(), *splitter);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        WindowLayout(m_services.profile.settingsPath())
            .save(*this, *m_table->horizontalHeader(), *splitter);
    event->accept();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_fittedToScreen) {
        m_fittedToScreen = true;
        WindowLayout::fitToScreen(*this);
    }
}

void MainWindow::showSelected()
{
    m_actions->follow(m_follower->show(m_views->currentId(), !m_localOnly));
}

void MainWindow::setDeleteConfirmation(std::function<bool(const QString &)> confirm)
{
    m_actions->setDeleteConfirmation(std::move(confirm));
}

void MainWindow::openSettings()
{
    const QString settingsPath = m_services.profile.settingsPath();
    SettingsDialog dialog({m_services.profile.serverUrl(), m_connection->apiKey(),
                           m_connection->syncMinutes(),
                           StageProbabilities::read(QSettings(settingsPath, QSettings::IniFormat))},
                          this);
    auto *people = new PeopleSettingsPage(m_services.store);
    dialog.addPage(people, tr("&People"));
    auto *money = new MoneySettingsPage(settingsPath, m_services.model.currencies());
    dialog.addPage(money, tr("&Money"), [money] { return money->validate(); });
    auto *stale = new StaleSettingsPage(settingsPath);
    dialog.addPage(stale, tr("Sta&le deals"), [stale] { return stale->validate(); });
    auto *budget = new BudgetSettingsPage(
        settingsPath, RequestBudget::isHostedServer(m_services.profile.serverUrl()));
    budget->setLowering(BudgetText::lowering(m_services.client.requestGate()));
    dialog.addPage(budget, tr("&Budget"), [budget] { return budget->validate(); });
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const Status saved = people->save(); !saved)
        showBanner(tr("The names could not be saved: %1").arg(saved.error()), false, false);
    if (const Status saved = money->save(); !saved)
        showBanner(tr("The rates could not be saved: %1").arg(saved.error()), false, false);
    m_services.model.setRates(money->rates());
    if (const Status saved = stale->save(); !saved)
        showBanner(tr("The stale days could not be saved: %1").arg(saved.error()), false, false);
    m_services.model.setStaleRule(stale->rule());
    if (const Status saved = budget->save(); !saved)
        showBanner(tr("The budget could not be saved: %1").arg(saved.error()), false, false);
    const SettingsDialog::Values values = dialog.values();
    {
        QSettings saved(settingsPath, QSettings::IniFormat);
        values.stageProbabilities.write(saved);
    }
    m_connection->change(values.serverUrl, values.apiKey, values.syncMinutes);
}

void MainWindow::refreshFilterChoices()
{
    if (const auto accounts = m_services.store.accounts())
        m_filterBar->setAccounts(*accounts);
    const OpportunityListModel &model = m_services.model;
    m_filterBar->setPeople(model.people(), FilterBar::ownerIdsIn(model));
}

void MainWindow::showBanner(const QString &message, bool offerRetry, bool offerSettings)
{
    m_banner->showMessage(message, offerRetry, offerSettings);
}

QString MainWindow::bannerText() const
{
    return m_banner->text();
}

QString MainWindow::statusText() const
{
    return m_syncStatus->text();
}

void MainWindow::setLocalOnly(bool localOnly)
{
    m_localOnly = localOnly;
    m_notices->setLocalOnly(localOnly);
    m_syncStatus->setLocalOnly(localOnly);
}
