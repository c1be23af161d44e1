#include "UserDirectory.h"

#include "OpportunityFilter.h"

#include <QRegularExpression>
#include <algorithm>

void UserDirectory::add(const Person &person)
{
    m_users.insert(person.id, person);
}

void UserDirectory::include(const QString &id)
{
    if (!m_users.contains(id))
        m_users.insert(id, Person{id, QString(), QString()});
}

std::optional<Person> UserDirectory::find(const QString &id) const
{
    const auto found = m_users.constFind(id);
    if (found == m_users.constEnd())
        return std::nullopt;
    return *found;
}

QList<Person> UserDirectory::sorted() const
{
    // Names compare as search folds them, so that "Łukasz" sorts with "Lena", not after "Zoë".
    struct Entry
    {
        QString key;
        Person person;
    };
    QList<Entry> entries;
    entries.reserve(m_users.size());
    for (const Person &person : m_users)
        entries.append({OpportunityFilter::fold(person.name), person});
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        if (a.person.name.isEmpty() != b.person.name.isEmpty())
            return b.person.name.isEmpty();
        if (a.key != b.key)
            return a.key < b.key;
        if (a.person.name != b.person.name)
            return a.person.name < b.person.name;
        return a.person.id < b.person.id;
    });
    QList<Person> users;
    users.reserve(entries.size());
    for (const Entry &entry : std::as_const(entries))
        users.append(entry.person);
    return users;
}

Result<Person> UserDirectory::parse(const QString &declaration)
{
    const qsizetype equals = declaration.indexOf(QLatin1Char('='));
    if (equals < 0)
        return Failure{QStringLiteral("expected ID=Name <email>, e.g. \"auth0|5f1c=Ana Souza "
                                      "<ana@example.com>\", not \"%1\"")
                           .arg(declaration)};
    Person person;
    person.id = declaration.left(equals).trimmed();
    static const QRegularExpression unfitInId(QStringLiteral("[\\s,@]"));
    if (person.id.isEmpty() || person.id.contains(unfitInId))
        return Failure{QStringLiteral("a user id must be non-empty, without spaces, commas or @, "
                                      "not \"%1\"")
                           .arg(person.id)};
    QString rest = declaration.mid(equals + 1).trimmed();
    if (rest.endsWith(QLatin1Char('>'))) {
        const qsizetype open = rest.lastIndexOf(QLatin1Char('<'));
        if (open >= 0) {
            person.email = rest.mid(open + 1, rest.size() - open - 2).trimmed();
            rest = rest.left(open).trimmed();
            static const QRegularExpression address(QStringLiteral("^[^\\s<>@]+@[^\\s<>@]+$"));
            if (!address.match(person.email).hasMatch())
                return Failure{QStringLiteral("the user %1 has \"%2\" for an email address")
                                   .arg(person.id, person.email)};
        }
    }
    static const QRegularExpression unfitInName(QStringLiteral("[<>\\p{Cc}]"));
    if (rest.contains(unfitInName))
        return Failure{QStringLiteral("the user %1's name \"%2\" holds < > or a control "
                                      "character; write it as Name <email>")
                           .arg(person.id, rest)};
    person.name = rest;
    return person;
}
