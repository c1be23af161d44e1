#include "PeopleBook.h"

#include <algorithm>

void PeopleBook::insert(const Person &person)
{
    if (person.id.isEmpty())
        return;
    // Trimmed once here: the owner column sorts and paints by these names on every row.
    Person kept = person;
    kept.name = kept.name.trimmed();
    m_people.insert(kept.id, kept);
}

std::optional<Person> PeopleBook::person(const QString &id) const
{
    const auto it = m_people.constFind(id);
    if (it == m_people.cend())
        return std::nullopt;
    return *it;
}

QList<Person> PeopleBook::people() const
{
    QList<Person> all = m_people.values();
    std::sort(all.begin(), all.end(), [this](const Person &a, const Person &b) {
        const int byName = displayName(a.id).compare(displayName(b.id), Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    return all;
}

bool PeopleBook::hasName(const QString &id) const
{
    const auto it = m_people.constFind(id);
    return it != m_people.cend() && !it->name.isEmpty();
}

QString PeopleBook::displayName(const QString &id) const
{
    const auto it = m_people.constFind(id);
    if (it != m_people.cend() && !it->name.isEmpty())
        return it->name;
    return shortenedId(id);
}

QString PeopleBook::nameWithId(const QString &id) const
{
    const QString shown = displayName(id);
    if (id.isEmpty() || shown == id)
        return id;
    return QStringLiteral("%1 (%2)").arg(shown, id);
}

QString PeopleBook::initials(const QString &id) const
{
    const QString name = hasName(id) ? m_people.value(id).name : shortenedId(id);
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const auto firstLetter = [](const QString &word) {
        const auto letter =
            std::find_if(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); });
        return letter == word.cend() ? QString() : QString(*letter).toUpper();
    };
    if (words.isEmpty())
        return {};
    if (!hasName(id) || words.size() == 1)
        return firstLetter(words.first());
    return firstLetter(words.first()) + firstLetter(words.last());
}

quint32 PeopleBook::colourSeed(const QString &id)
{
    // FNV-1a over the UTF-16 code units: qHash is seeded per process.
    quint32 hash = 2166136261u;
    for (QChar c : id) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return hash;
}

QString PeopleBook::shortenedId(const QString &id)
{
    QString shown = id.mid(id.lastIndexOf(QLatin1Char('|')) + 1);
    if (shown.isEmpty())
        shown = id;
    constexpr int kept = 8;
    if (shown.size() > kept + 1)
        shown = shown.left(kept) + QChar(0x2026);
    return shown;
}
