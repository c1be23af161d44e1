#pragma once

#include "Person.h"

#include <QHash>
#include <QList>
#include <optional>

// Who is who: owner ids to people, and which of them is the user ("me"). The one place that
// decides how an owner is shown, so that the list, the cards, the filter, the detail, the
// history and the terminal name people alike.
class PeopleBook final
{
public:
    // Adds or replaces the person with this id, the name trimmed; an empty id is ignored.
    void insert(const Person &person);
    std::optional<Person> person(const QString &id) const;
    // Everyone known, by shown name (case-insensitively), then id.
    QList<Person> people() const;
    bool isEmpty() const { return m_people.isEmpty(); }

    // The known name; an unknown or unnamed id shortened (see shortenedId). Empty for no owner.
    QString displayName(const QString &id) const;
    // Whether the book has a name for this id.
    bool hasName(const QString &id) const;
    // The shown name and the full id when they differ ("Ana Souza (auth0|5f1c…)"): for tooltips.
    QString nameWithId(const QString &id) const;
    // One or two letters for an avatar: the first letters of the first and last word of the
    // name ("Ana Maria Souza" → "AS"), else the first letter of the shortened id, in upper case.
    QString initials(const QString &id) const;
    // A number that stays the same for an id on every run and machine: an avatar's colour.
    static quint32 colourSeed(const QString &id);
    // "auth0|5f1c9a7e2b…" → "5f1c9a7e…": the provider says nothing to a rep, the rest tells
    // owners apart. At most nine characters.
    static QString shortenedId(const QString &id);

    // The user's own owner id; empty when not known.
    QString meId() const { return m_meId; }
    void setMeId(const QString &id) { m_meId = id; }

    friend bool operator==(const PeopleBook &a, const PeopleBook &b)
    {
        return a.m_people == b.m_people && a.m_meId == b.m_meId;
    }

private:
    QHash<QString, Person> m_people;
    QString m_meId;
};
