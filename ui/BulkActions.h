#pragma once

#include "BulkEditDialog.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <functional>

class LocalStore;
class Profile;
class QAction;
class RecordEditCommand;
class QUndoStack;
class QWidget;

// Changes of many deals at once, the selection of the list or the board: its stage, owner,
// expected close date or probability (a small dialog each), archived or not. Each is one
// RecordEditCommand on the undo stack (one write transaction, one outbox entry per record,
// coalesced with what is pending), holding only the records whose value changes. A change whose
// writes take more than a day of the plan's budget says so first, and goes ahead only if the
// rep agrees.
class BulkActions final : public QObject
{
    Q_OBJECT

public:
    // `renamed` maps local ids to the server ids they got later (kept by the caller);
    // `selectedIds` names the records selected; `window` is the parent of the dialogs.
    BulkActions(LocalStore &store, const Profile &profile, QUndoStack &undoStack,
                const QHash<QString, QString> &renamed, std::function<QStringList()> selectedIds,
                QWidget &window);

    // A separator, then "Change stage…", "Change owner…", "Change close date…", "Change
    // probability…": for the Edit menu and the list's context menu.
    QList<QAction *> actions() const { return m_actions; }
    QAction *action(BulkEditDialog::Kind kind) const;
    void setEditingAllowed(bool allowed);

    // Asks `confirm` (a dialog, unless a test decides) before a change whose writes do not fit
    // in one day of the plan; it gets the question.
    void setBudgetConfirmation(std::function<bool(const QString &question)> confirm);
    // Whether a change of `records` deals may go ahead: true when the plan's day takes it (with
    // the outbox's pending writes) or when the rep agreed to wait.
    bool confirmBudget(int records);

    // Sets `field` of `ids` to its value in `values`, as one undoable step; a stage change sets
    // probability too, as a move does. Records already so are left out.
    void change(const QStringList &ids, const Opportunity &values, OpportunityField field);
    // Archives (or unarchives) `ids` as one undoable step.
    void setArchived(const QStringList &ids, bool archived);

signals:
    // A change could not be saved; the sentence says why.
    void failed(const QString &message);

private:
    // Asks for the value in a dialog, then changes the selection.
    void ask(BulkEditDialog::Kind kind);
    // Puts `command`, a change of `records` deals, on the undo stack (which runs it), after the
    // budget's question for more than one; drops it when there is nothing to change or the rep
    // declines.
    void push(RecordEditCommand *command, int records);

    LocalStore &m_store;
    const Profile &m_profile;
    QUndoStack &m_undoStack;
    const QHash<QString, QString> &m_renamed;
    std::function<QStringList()> m_selectedIds;
    QWidget &m_window;
    // The separator, then one action per kind, in the order of BulkEditDialog::Kind.
    QList<QAction *> m_actions;
    std::function<bool(const QString &)> m_confirmBudget;
};
