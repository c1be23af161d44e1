#pragma once

#include <QCoreApplication>
#include <QStringList>

class PeopleBook;
class QComboBox;

// The people a rep picks an owner from, listed alike wherever they pick one (the filter bar, the
// edit dialog, the people settings): me first and marked, then everyone else by shown name, each
// with their avatar, the full id in the tooltip and as the item's data.
class OwnerChoices final
{
    Q_DECLARE_TR_FUNCTIONS(OwnerChoices)

public:
    // The item role holding the plain shown name (without the "me" mark): what a rep types. The
    // id is the item's data (Qt::UserRole).
    static constexpr int NameRole = Qt::UserRole + 1;

    // The book's people, its me and these ids (owners of deals, a chosen owner), once each and
    // without the empty id: me first, then by shown name (case-insensitively), then by id.
    static QStringList ordered(const PeopleBook &people, const QStringList &moreIds);
    // The text of an owner's item: the shown name, marked when it is me ("Ana Souza (me)").
    static QString label(const PeopleBook &people, const QString &id);
    // Appends one item per id to `box`.
    static void append(QComboBox &box, const PeopleBook &people, const QStringList &ids);
    // The item of the id whose shown name, label or id is `text` (case-insensitively); -1 when
    // none is.
    static int find(const QComboBox &box, const QString &text);
    // The owner id an editable box holds: its item's id, the id of the item whose name was typed,
    // or the typed text itself (any id may be typed); empty when nothing is.
    static QString chosenId(const QComboBox &box);
};
