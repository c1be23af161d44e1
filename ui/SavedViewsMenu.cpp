#include "SavedViewsMenu.h"

#include "FilterBar.h"
#include "MainWindow.h"
#include "OpportunityListModel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QMetaEnum>
#include <QSettings>
#include <QTableView>

SavedViewsMenu::SavedViewsMenu(MainWindow &window, const OpportunityListModel &model,
                               const QString &settingsPath)
    : QMenu(tr("&Saved views"), &window)
    , m_window(window)
    , m_model(model)
    , m_settingsPath(settingsPath)
    , m_views(SavedViews::read(QSettings(settingsPath, QSettings::IniFormat)))
    , m_save(new QAction(tr("Save current view…"), this))
    , m_manage(new QAction(tr("&Manage views…"), this))
    , m_none(new QAction(tr("No saved views"), this))
{
    m_none->setEnabled(false);
    // Ctrl+Shift+S: "save as" in most applications, and free here.
    m_save->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_save, &QAction::triggered, this, &SavedViewsMenu::saveCurrent);
    connect(m_manage, &QAction::triggered, this, &SavedViewsMenu::manage);
    m_separator = addSeparator();
    addAction(m_save);
    addAction(m_manage);
    rebuild();
}

int SavedViewsMenu::columnOf(const QString &key)
{
    if (key.isEmpty())
        return -1;
    bool ok = false;
    const int column = QMetaEnum::fromType<OpportunityListModel::Column>().keyToValue(
        key.toLatin1().constData(), &ok);
    return ok && column >= 0 && column < OpportunityListModel::ColumnCount ? column : -1;
}

QString SavedViewsMenu::keyOf(int column)
{
    if (column < 0 || column >= OpportunityListModel::ColumnCount)
        return {};
    return QString::fromLatin1(
        QMetaEnum::fromType<OpportunityListModel::Column>().valueToKey(column));
}

void SavedViewsMenu::open(qsizetype index)
{
    if (index < 0 || index >= m_views.size())
        return;
    const SavedView &view = m_views.at(index);
    const QString me = m_model.people().meId();
    m_window.filterBar()->setFilter(view.filter(me), view.searchText);
    if (const int column = columnOf(view.sortColumn); column >= 0)
        m_window.table()->sortByColumn(column, view.sortOrder);
    if (view.ownerIsMe && me.isEmpty())
        m_window.showBanner(tr("“%1” shows your own deals, but who you are is not known yet: it "
                               "shows everyone's. Say who you are in Settings → People.")
                                .arg(view.name),
                            false, true);
}

void SavedViewsMenu::saveCurrent()
{
    const auto name = m_questions.askName(&m_window, tr("Save current view"), QString());
    if (!name)
        return;
    const FilterBar &bar = *m_window.filterBar();
    SavedView view =
        SavedView::of(*name, bar.filter(), bar.searchField()->text(), m_model.people().meId());
    const QTableView &table = *m_window.table();
    if (table.isSortingEnabled()) {
        view.sortColumn = keyOf(table.horizontalHeader()->sortIndicatorSection());
        view.sortOrder = table.horizontalHeader()->sortIndicatorOrder();
    }
    SavedViews views = m_views;
    Status saved;
    if (const auto existing = views.indexOf(*name)) {
        if (!m_questions.confirm(&m_window, tr("There is a view named “%1” already. Replace it?")
                                                .arg(views.at(*existing).name)))
            return;
        saved = views.replace(*existing, view);
    } else {
        saved = views.add(view);
    }
    if (!saved) {
        m_window.showBanner(saved.error(), false, false);
        return;
    }
    store(views);
}

void SavedViewsMenu::manage()
{
    SavedViewsDialog dialog(m_views, m_questions, &m_window);
    m_runDialog(dialog);
    if (dialog.views() != m_views)
        store(dialog.views());
}

void SavedViewsMenu::store(const SavedViews &views)
{
    m_views = views;
    QSettings settings(m_settingsPath, QSettings::IniFormat);
    m_views.write(settings);
    settings.sync();
    if (settings.status() != QSettings::NoError)
        m_window.showBanner(tr("The saved views could not be kept in %1: they last until the app "
                               "closes.")
                                .arg(m_settingsPath),
                            false, false);
    rebuild();
}

void SavedViewsMenu::rebuild()
{
    // Only the views' actions are replaced: QMenu disconnects an action it lets go of from
    // everything connected to the menu, save and manage included.
    qDeleteAll(m_viewActions);
    m_viewActions.clear();
    removeAction(m_none);
    for (qsizetype i = 0; i < m_views.size(); ++i) {
        // "R&D" shows as typed, not as "RD" with a mnemonic.
        QString text = m_views.at(i).name;
        auto *action = new QAction(text.replace(u'&', QStringLiteral("&&")), this);
        if (i < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] { open(i); });
        insertAction(m_separator, action);
        m_viewActions.append(action);
    }
    if (m_views.size() == 0)
        insertAction(m_separator, m_none);
}
