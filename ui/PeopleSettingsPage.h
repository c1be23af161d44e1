#pragma once

#include "KnownPerson.h"
#include "Result.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class RecordStore;

// The settings page of the people book: every known owner id with its name (editable: the
// user's own name for it), email and where the name comes from; add a person by id and name,
// remove a name of one's own, and say which owner is me (unless the server says so: then it
// shows the server's answer). It changes nothing until save(), after the dialog was accepted.
class PeopleSettingsPage final : public QWidget
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        NameColumn,
        EmailColumn,
        SourceColumn,
        ColumnCount
    };

    explicit PeopleSettingsPage(RecordStore &store, QWidget *parent = nullptr);

    // Writes the names the user changed, added or removed, and who me is, to the store.
    Status save();

    QTableWidget *table() const { return m_table; }
    QLineEdit *newIdField() const { return m_newId; }
    QLineEdit *newNameField() const { return m_newName; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *meButton() const { return m_setMe; }
    // Who me is, and where that comes from.
    QLabel *meLabel() const { return m_meLabel; }
    // The row of an owner id; -1 when not listed.
    int rowOf(const QString &id) const;

private:
    // What the page knows of a person besides the cells.
    struct Entry
    {
        KnownPerson known;
        // The name shown when the page opened: a name differing from it was edited.
        QString shownName;
        // The user's own name is to go: the server's shows again after saving.
        bool removed = false;
    };

    void load();
    void appendRow(const Entry &entry);
    void addPerson();
    void removeName();
    void chooseMe();
    void updateRow(int row);
    void updateButtons();
    void updateMe();
    QString idAt(int row) const;

    RecordStore &m_store;
    QHash<QString, Entry> m_entries;
    QString m_meId;
    // The me the page opened with: only a change is written.
    QString m_savedMeId;
    bool m_meFromServer = false;
    QTableWidget *m_table = nullptr;
    QLabel *m_readError = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_setMe = nullptr;
    QLabel *m_meLabel = nullptr;
    QLineEdit *m_newId = nullptr;
    QLineEdit *m_newName = nullptr;
    QPushButton *m_add = nullptr;
};
