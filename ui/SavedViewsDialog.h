#pragma once

#include "SavedViews.h"

#include <QDialog>
#include <functional>
#include <optional>

class QLabel;
class QListWidget;
class QPushButton;

// Renames and deletes saved views: the list of them in their order, a button for each. Works on
// a copy; the caller keeps what views() holds after the dialog closes.
class SavedViewsDialog final : public QDialog
{
    Q_OBJECT

public:
    // How the dialog and the saved views menu ask the user: dialogs, unless a test answers.
    struct Questions
    {
        // A name for a view, proposing `current`; none when the user cancels.
        std::function<std::optional<QString>(QWidget *parent, const QString &title,
                                             const QString &current)>
            askName;
        // A yes-or-no question; true for yes.
        std::function<bool(QWidget *parent, const QString &question)> confirm;

        // QInputDialog and QMessageBox.
        static Questions interactive();
    };

    SavedViewsDialog(const SavedViews &views, const Questions &questions,
                     QWidget *parent = nullptr);

    const SavedViews &views() const { return m_views; }
    QListWidget *list() const { return m_list; }
    QPushButton *renameButton() const { return m_rename; }
    QPushButton *deleteButton() const { return m_delete; }
    // Why the last rename was refused; empty when it was not.
    QString problem() const;

    // Asks a new name for the selected view.
    void renameSelected();
    // Deletes the selected view once the user confirms.
    void deleteSelected();

private:
    void fill(int selected);
    void updateButtons();

    SavedViews m_views;
    Questions m_questions;
    QListWidget *m_list = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_problem = nullptr;
};
