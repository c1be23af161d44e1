#pragma once

#include "Stage.h"

#include <QHash>
#include <QObject>
#include <functional>
#include <optional>

struct CachedOpportunity;
struct Opportunity;
class LocalStore;
class Profile;
class BulkActions;
class QAction;
class QUndoStack;
class QWidget;
class SyncEngine;

// What a rep does to records: create, edit, archive, delete (after a confirmation), move to a
// stage, settle a conflict, retry or discard refused edits, and sync now. Archive and delete act
// on every selected record (the other bulk changes are BulkActions'). Each edit goes through
// the LocalStore, the undoable ones as commands on the undo stack, so all of it works offline;
// the engine sends them once the rep pauses.
class RecordActions final : public QObject
{
    Q_OBJECT

public:
    // `currentId` names the record the actions work on (the list's current row or the board's
    // card), `selectedIds` every record selected; `window` is the parent of their dialogs.
    RecordActions(LocalStore &store, SyncEngine &engine, const Profile &profile,
                  QUndoStack &undoStack, std::function<QString()> currentId,
                  std::function<QStringList()> selectedIds, QWidget &window);

    QAction *newAction() const { return m_new; }
    QAction *editAction() const { return m_edit; }
    QAction *archiveAction() const { return m_archive; }
    QAction *deleteAction() const { return m_delete; }
    QAction *syncAction() const { return m_sync; }
    // Changes of stage, owner, close date and probability of the selection.
    BulkActions *bulk() const { return m_bulk; }

    // Deletes the selected records after `confirm` says yes (a dialog, unless a test decides);
    // it gets what the question names: the deal's name, or for several their count ("12 deals").
    void setDeleteConfirmation(std::function<bool(const QString &name)> confirm);
    // A read-only key may not create, edit, archive or delete.
    void setEditingAllowed(bool allowed);
    // The archive action says what it would do to `shown`, the record now current.
    void follow(const std::optional<CachedOpportunity> &shown);

    // Opens the full dialog on a new deal prefilled with `draft`; true once the deal is created.
    bool createFrom(const Opportunity &draft);
    void edit(const QString &id);
    void editCurrent();
    // Moves `ids` to `stage` as one undoable step.
    void move(const QStringList &ids, Stage stage);
    // Settles the current record's conflict in the conflict dialog.
    void resolveCurrent();
    // Sends the current record's refused edits again.
    void retryCurrent();
    // Gives up the current record's unsent edits.
    void discardCurrent();

signals:
    // A record was created: the rep goes on with it.
    void created(const QString &id);
    // An edit could not be saved; the sentence says why.
    void failed(const QString &message);

private:
    void create();
    void toggleArchived();
    void deleteCurrent();
    bool confirmDelete(const QString &name, int count);
    // The selected records; the current one when none is selected.
    QStringList selectedOrCurrent() const;

    LocalStore &m_store;
    SyncEngine &m_engine;
    const Profile &m_profile;
    QUndoStack &m_undoStack;
    std::function<QString()> m_currentId;
    std::function<QStringList()> m_selectedIds;
    QWidget &m_window;
    QAction *m_new = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_archive = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_sync = nullptr;
    BulkActions *m_bulk = nullptr;
    // The archive action unarchives: the record current when it last followed is archived.
    bool m_unarchives = false;
    // Local ids that became server ids, for edits begun before.
    QHash<QString, QString> m_renamed;
    std::function<bool(const QString &)> m_confirmDelete;
};
