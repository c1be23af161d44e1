#pragma once

#include "SavedViews.h"
#include "SavedViewsDialog.h"

#include <QMenu>
#include <functional>

class MainWindow;
class OpportunityListModel;

// The "Saved views" menu: the user's views (the first nine on Ctrl+1…Ctrl+9), "Save current
// view…" and "Manage views…". Opening a view sets the filter bar and the list's sort; the views
// live in the profile's settings, read when the menu is made and written on every change.
class SavedViewsMenu final : public QMenu
{
    Q_OBJECT

public:
    // `model` says who "me" is; `settingsPath` is the profile's settings file.
    SavedViewsMenu(MainWindow &window, const OpportunityListModel &model,
                   const QString &settingsPath);

    const SavedViews &views() const { return m_views; }
    // One action per view, in order.
    const QList<QAction *> &viewActions() const { return m_viewActions; }
    QAction *saveAction() const { return m_save; }
    QAction *manageAction() const { return m_manage; }

    // Shows the view at `index`: its filter in the filter bar, its sort in the list.
    void open(qsizetype index);
    // Asks a name and saves what the filter bar and the list show under it.
    void saveCurrent();
    // The dialog that renames and deletes views.
    void manage();

    // How the user is asked (dialogs, unless a test answers).
    void setQuestions(const SavedViewsDialog::Questions &questions) { m_questions = questions; }
    // Runs the manage dialog (exec(), unless a test works it).
    void setDialogRunner(std::function<void(SavedViewsDialog &)> run)
    {
        m_runDialog = std::move(run);
    }

    // The list's column by the name a saved view keeps (the model's Column key, so a view
    // outlives a change in the columns' order); -1 for none.
    static int columnOf(const QString &key);
    static QString keyOf(int column);

private:
    void rebuild();
    void store(const SavedViews &views);

    MainWindow &m_window;
    const OpportunityListModel &m_model;
    QString m_settingsPath;
    SavedViews m_views;
    SavedViewsDialog::Questions m_questions = SavedViewsDialog::Questions::interactive();
    std::function<void(SavedViewsDialog &)> m_runDialog = [](SavedViewsDialog &dialog) {
        dialog.exec();
    };
    QList<QAction *> m_viewActions;
    QAction *m_save = nullptr;
    QAction *m_manage = nullptr;
    // Shown instead of the views when there are none.
    QAction *m_none = nullptr;
    // The views go above it.
    QAction *m_separator = nullptr;
};
