#include "MainWindow.h"

#include "BoardView.h"
#include "ConflictDialog.h"
#include "CredentialStore.h"
#include "DetailFollower.h"
#include "DetailPanel.h"
#include "FilterBar.h"
#include "ItemRoles.h"
#include "LocalStore.h"
#include "OpportunityDialog.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"
#include "Profile.h"
#include "RecordEditCommand.h"
#include "ServerText.h"
#include "SettingsDialog.h"
#include "StageChipDelegate.h"
#include "SyncStatusBar.h"
#include "Version.h"
#include "WindowLayout.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

MainWindow::MainWindow(const Services &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_filterBar(new FilterBar(this))
    , m_proxy(new OpportunityFilterProxy(this))
    , m_table(new QTableView(this))
    , m_detail(new DetailPanel(this))
    , m_undoStack(new QUndoStack(this))
    , m_follower(
          new DetailFollower(services.store, services.engine, services.model, *m_detail, this))
{
    setWindowTitle(tr("Pipeline")); // Qt adds " — kashew", the display name
    m_proxy->setSourceModel(&services.model);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_filterBar->setListProxy(m_proxy);

    m_table->setModel(m_proxy);
    // The indicator first: enabling sorting sorts at once by whatever it shows (100,000 rows by
    // name, for nothing, on every start).
    m_table->horizontalHeader()->setSortIndicator(OpportunityListModel::Updated,
                                                  Qt::DescendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setMinimumSectionSize(60);
    // Widths from typical contents ("12,345,678 USD"), never narrower than the header's title.
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto fit = [&](int column, const QString &sample) {
        const QString title = services.model.headerData(column, Qt::Horizontal).toString();
        m_table->setColumnWidth(column, std::max(metrics.horizontalAdvance(sample),
                                                 metrics.horizontalAdvance(title) + 28) +
                                            16);
    };
    fit(OpportunityListModel::Name, QStringLiteral("Søndergaard Group — Enterprise License"));
    fit(OpportunityListModel::Account, QStringLiteral("Søndergaard Logistics"));
    fit(OpportunityListModel::StageColumn, QStringLiteral("Qualification WWWW"));
    fit(OpportunityListModel::Value, QStringLiteral("1,234,567 USD"));
    fit(OpportunityListModel::Probability, QStringLiteral("100%"));
    fit(OpportunityListModel::Weighted, QStringLiteral("1,234,567 USD"));
    fit(OpportunityListModel::CloseDate, QStringLiteral("30 Sep 2026"));
    fit(OpportunityListModel::Owner, QStringLiteral("auth0|5f1c9a"));
    fit(OpportunityListModel::Updated, QStringLiteral("24 Nov 2026 12:00"));
    m_table->setItemDelegateForColumn(OpportunityListModel::StageColumn,
                                      new StageChipDelegate(m_table));
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showSelected);
    connect(m_table, &QTableView::doubleClicked, this, &MainWindow::editSelected);

    m_banner = new QWidget(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setStyleSheet(
        QStringLiteral("#banner { background: #fff4e5; border-bottom: 1px solid #f0c36d; }"));
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setTextFormat(Qt::PlainText);
    m_bannerText->setWordWrap(true);
    m_bannerRetry = new QPushButton(tr("Retry"), m_banner);
    m_bannerSettings = new QPushButton(tr("Open settings…"), m_banner);
    auto *dismiss = new QPushButton(tr("Dismiss"), m_banner);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_bannerRetry);
    bannerLayout->addWidget(m_bannerSettings);
    bannerLayout->addWidget(dismiss);
    m_banner->hide();
    connect(m_bannerRetry, &QPushButton::clicked, this, [this] {
        m_banner->hide();
        m_services.engine.syncNow();
    });
    connect(dismiss, &QPushButton::clicked, m_banner, &QWidget::hide);

    // One filter bar and one source model for both views.
    m_board = new BoardView(services.model, *m_filterBar, this);
    m_views = new QTabWidget(this);
    m_views->setDocumentMode(true);
    m_views->addTab(m_table, tr("&List"));
    m_views->addTab(m_board, tr("&Board"));
    // The view showing counts the filter bar's totals; behind the board the list does not
    // refilter on every keystroke, it catches up when shown.
    const auto followView = [this] {
        const bool board = m_views->currentWidget() == m_board;
        m_proxy->setPaused(board);
        if (board)
            m_filterBar->setTotalsSource([this] { return m_board->totals(); });
        else
            m_filterBar->setTotalsSource([this] { return m_proxy->totals(); });
    };
    connect(m_views, &QTabWidget::currentChanged, this, followView);
    followView();
    // The detail and the record actions follow the view showing: the list's current row, or the
    // board's current card (never a row the list keeps hidden behind the board).
    connect(m_views, &QTabWidget::currentChanged, this, &MainWindow::showSelected);
    connect(m_board, &BoardView::currentChanged, this, [this] {
        if (m_views->currentWidget() == m_board)
            showSelected();
    });
    connect(m_proxy, &OpportunityFilterProxy::totalsChanged, m_filterBar, &FilterBar::recount);
    connect(m_board, &BoardView::totalsChanged, m_filterBar, &FilterBar::recount);
    connect(m_board, &BoardView::openRequested, this, &MainWindow::editRecord);
    connect(&services.model, &OpportunityListModel::moveRequested, this,
            [this](const QStringList &ids, Stage stage) {
                // The engine sends it after a short quiet period (so does undo): a run of moves
                // goes out as one sync.
                m_undoStack->push(RecordEditCommand::move(m_services.store, m_renamed, ids, stage));
            });
    connect(&services.model, &OpportunityListModel::moveRefused, this,
            [this](const QString &reason) { showBanner(reason, false, true); });
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

    createActions();
    createMenus();
    createStatusBar();
    connect(m_bannerSettings, &QPushButton::clicked, m_settingsAction, &QAction::trigger);
    connect(m_detail, &DetailPanel::editRequested, this, &MainWindow::editSelected);
    connect(m_detail, &DetailPanel::resolveRequested, this, &MainWindow::resolveSelected);
    connect(m_detail, &DetailPanel::retryRequested, this, [this] {
        if (m_services.store.retryFailed(selectedId()))
            m_services.engine.syncNow();
    });
    connect(m_detail, &DetailPanel::discardRequested, this, [this] {
        const QString id = selectedId();
        if (!id.isEmpty() && !m_services.store.discardEdits(id))
            showBanner(
                tr("The changes could not be discarded: %1").arg(m_services.store.lastError()),
                false, false);
    });

    LocalStore &store = services.store;
    connect(&store, &LocalStore::accountsChanged, this, &MainWindow::refreshFilterChoices);
    connect(&store, &LocalStore::opportunityIdChanged, this,
            [this](const QString &oldId, const QString &newId) { m_renamed.insert(oldId, newId); });
    connect(&store, &LocalStore::opportunitiesChanged, this, [this](const QStringList &ids) {
        if (ids.contains(m_detail->currentId()))
            showSelected();
    });
    connect(&services.model, &QAbstractItemModel::modelReset, this,
            &MainWindow::refreshFilterChoices);
    // Something to look at from the start: the first deal, once there is one.
    const auto selectFirst = [this] {
        if (!m_table->selectionModel()->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_table->setCurrentIndex(m_proxy->index(0, 0));
    };
    connect(m_proxy, &QAbstractItemModel::modelReset, this, selectFirst);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, selectFirst);
    SyncEngine &engine = services.engine;
    connect(&engine, &SyncEngine::stateChanged, this, &MainWindow::syncStateChanged);
    connect(&engine, &SyncEngine::rateLimited, this, [this](const QDateTime &retryAt) {
        if (!m_localOnly)
            showBanner(SyncStatusBar::rateLimitSentence(retryAt), false, false);
    });
    connect(&engine, &SyncEngine::readOnlyDetected, this, [this] {
        setEditingAllowed(false);
        m_services.model.setReadOnly(true);
        showBanner(
            tr("This API key may only read: editing is not allowed. Your unsent edits are kept; "
               "enter a key with write access in the settings to send them."),
            false, true);
    });
    refreshFilterChoices();
    syncStateChanged(engine.state());
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_newAction = new QAction(tr("&New opportunity…"), this);
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::createOpportunity);
    m_editAction = new QAction(tr("&Edit…"), this);
    m_editAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_E), QKeySequence(Qt::Key_Return)});
    m_editAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_editAction, &QAction::triggered, this, &MainWindow::editSelected);
    m_archiveAction = new QAction(tr("&Archive"), this);
    m_archiveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(m_archiveAction, &QAction::triggered, this, &MainWindow::toggleArchived);
    m_deleteAction = new QAction(tr("&Delete…"), this);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteSelected);
    m_syncAction = new QAction(tr("&Sync now"), this);
    m_syncAction->setShortcut(QKeySequence::Refresh);
    connect(m_syncAction, &QAction::triggered, &m_services.engine, &SyncEngine::syncNow);
    m_findAction = new QAction(tr("&Find"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, m_filterBar, &FilterBar::focusSearch);
    m_settingsAction = new QAction(tr("Se&ttings…"), this);
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    m_table->addActions({m_editAction, m_archiveAction, m_deleteAction});
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_syncAction);
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
    edit->addAction(m_editAction);
    edit->addAction(m_archiveAction);
    edit->addAction(m_deleteAction);
    edit->addSeparator();
    edit->addAction(m_findAction);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About kashew"), this, [this] {
        QMessageBox::about(this, tr("About kashew"),
                           tr("<h3>kashew %1</h3><p>Your kashew.ai sales pipeline on the desktop: "
                              "it works offline and "
                              "never loses an edit.</p>")
                               .arg(QStringLiteral(KASHEW_VERSION)));
    });
}

void MainWindow::createStatusBar()
{
    m_syncStatus = new SyncStatusBar(m_services.store, m_services.engine, *statusBar(), this);
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

QString MainWindow::selectedId() const
{
    if (m_views && m_views->currentWidget() == m_board)
        return m_board->currentId();
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(ItemRoles::Id).toString() : QString();
}

void MainWindow::showSelected()
{
    const auto record = m_follower->show(selectedId(), !m_localOnly);
    m_archiveAction->setText(record && record->opportunity.isArchived ? tr("Un&archive")
                                                                      : tr("&Archive"));
}

void MainWindow::refreshFilterChoices()
{
    m_filterBar->setAccounts(m_services.store.accounts());
    QHash<QString, QString> owners;
    const OpportunityListModel &model = m_services.model;
    for (int row = 0; row < model.rowCount(); ++row)
        owners.insert(model.rowAt(row).opportunity.ownerId,
                      model.ownerName(model.rowAt(row).opportunity.ownerId));
    owners.remove(QString());
    QList<QPair<QString, QString>> list;
    for (auto it = owners.constBegin(); it != owners.constEnd(); ++it)
        list.append({it.key(), it.value()});
    std::sort(list.begin(), list.end(),
              [](const auto &a, const auto &b) { return a.second < b.second; });
    m_filterBar->setOwners(list);
}

void MainWindow::showBanner(const QString &message, bool offerRetry, bool offerSettings)
{
    m_bannerText->setText(message);
    m_bannerRetry->setVisible(offerRetry);
    m_bannerSettings->setVisible(offerSettings);
    m_banner->show();
}

QString MainWindow::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

QString MainWindow::statusText() const
{
    return m_syncStatus->text();
}

void MainWindow::setLocalOnly(bool localOnly)
{
    m_localOnly = localOnly;
    if (localOnly) {
        showBanner(
            tr("Not connected to a server: everything is kept on this computer. Open the settings "
               "(File ▸ Settings) to enter your server and API key; your work is sent then."),
            false, true);
    }
    m_syncStatus->setLocalOnly(localOnly);
}

void MainWindow::setEditingAllowed(bool allowed)
{
    for (QAction *action : {m_newAction, m_editAction, m_archiveAction, m_deleteAction})
        action->setEnabled(allowed);
}

void MainWindow::syncStateChanged(SyncEngine::State state)
{
    // The status bar (SyncStatusBar) follows the state by itself; here only the banner.
    if (m_localOnly)
        return;
    const ApiError &error = m_services.engine.lastError();
    switch (state) {
    case SyncEngine::State::Idle:
    case SyncEngine::State::Syncing:
        break;
    case SyncEngine::State::UpToDate:
        // A sync that went through clears the problems of the last one, not a read-only key: a
        // refused write does not stop the sync, so it ends "up to date" right after saying so.
        if (const ApiError &unreadable = m_services.engine.unreadableError(); !unreadable.ok())
            showBanner(unreadable.message, false, false);
        else if (!m_services.engine.isReadOnly())
            m_banner->hide();
        break;
    case SyncEngine::State::Offline:
        showBanner(
            tr("Offline: %1 Your edits are kept here and sent when the server can be reached.")
                .arg(error.message),
            true, false);
        break;
    case SyncEngine::State::Error:
        if (error.kind == ApiError::Kind::Unauthorized)
            showBanner(tr("The server refused the API key (%1). Enter a valid key in the settings.")
                           .arg(error.message),
                       false, true);
        else if (error.kind == ApiError::Kind::RateLimited)
            showBanner(SyncStatusBar::rateLimitSentence(m_services.engine.rateLimitedUntil()),
                       false, false);
        else if (error.kind == ApiError::Kind::Insecure)
            showBanner(error.message, false, true);
        else
            showBanner(tr("Sync failed: %1").arg(error.message), true, true);
        break;
    }
}
