#include "OwnerChoices.h"

#include "PeopleBook.h"
#include "PersonAvatar.h"

#include <QComboBox>
#include <algorithm>

QStringList OwnerChoices::ordered(const PeopleBook &people, const QStringList &moreIds)
{
    QStringList ids = moreIds;
    for (const Person &person : people.people())
        ids.append(person.id);
    ids.append(people.meId());
    ids.removeAll(QString());
    ids.removeDuplicates();
    const QString me = people.meId();
    // Names worked out once, not once per comparison.
    QHash<QString, QString> names;
    for (const QString &id : std::as_const(ids))
        names.insert(id, people.displayName(id));
    std::sort(ids.begin(), ids.end(), [&](const QString &a, const QString &b) {
        if ((a == me) != (b == me))
            return a == me;
        const int byName = names.value(a).compare(names.value(b), Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a < b;
    });
    return ids;
}

QString OwnerChoices::label(const PeopleBook &people, const QString &id)
{
    const QString name = people.displayName(id);
    return !id.isEmpty() && id == people.meId() ? tr("%1 (me)").arg(name) : name;
}

void OwnerChoices::append(QComboBox &box, const PeopleBook &people, const QStringList &ids)
{
    const int size = box.iconSize().height();
    for (const QString &id : ids) {
        box.addItem(PersonAvatar::icon(people, id, size), label(people, id), id);
        const int index = box.count() - 1;
        box.setItemData(index, people.displayName(id), NameRole);
        box.setItemData(index, people.nameWithId(id), Qt::ToolTipRole);
    }
}

int OwnerChoices::find(const QComboBox &box, const QString &text)
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty())
        return -1;
    for (int index = 0; index < box.count(); ++index) {
        const QString id = box.itemData(index).toString();
        if (id.isEmpty())
            continue;
        for (const QString &candidate :
             {box.itemText(index), box.itemData(index, NameRole).toString(), id}) {
            if (candidate.compare(wanted, Qt::CaseInsensitive) == 0)
                return index;
        }
    }
    return -1;
}

QString OwnerChoices::chosenId(const QComboBox &box)
{
    const QString text = box.currentText();
    if (text.trimmed().isEmpty())
        return {};
    if (box.currentIndex() >= 0 && text == box.itemText(box.currentIndex()))
        return box.currentData().toString();
    const int typed = find(box, text);
    return typed >= 0 ? box.itemData(typed).toString() : text.trimmed();
}
