#include "PeopleTable.h"

#include "CacheDatabase.h"
#include "SettingsTable.h"
#include "SqlNullText.h"
#include "SqlTransaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace {

const QString serverMeKey = QStringLiteral("people/serverMeId");
const QString localMeKey = QStringLiteral("people/localMeId");

StoreChanges peopleChanged()
{
    StoreChanges changes;
    changes.people = true;
    return changes;
}

} // namespace

Result<QString> PeopleTable::meId() const
{
    for (const QString &key : {serverMeKey, localMeKey}) {
        Result<std::optional<QString>> value = m_settings.value(key);
        if (!value)
            return Failure{value.error()};
        if (value->has_value() && !(*value)->isEmpty())
            return **value;
    }
    return QString();
}

Result<QList<KnownPerson>> PeopleTable::all() const
{
    const Result<QString> me = meId();
    if (!me)
        return Failure{me.error()};
    QSqlQuery query = m_db.query();
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT id, server_name, server_email, on_server, local_name FROM people")))
        return CacheDatabase::failure(QStringLiteral("reading people"), query.lastError().text());
    QList<KnownPerson> list;
    bool meListed = false;
    while (query.next()) {
        KnownPerson known;
        known.person.id = query.value(0).toString();
        const QString localName = SqlNullText::textOrNull(query.value(4));
        known.namedByUser = !localName.isEmpty();
        known.fromServer = query.value(3).toBool();
        known.person.name = known.namedByUser ? localName : query.value(1).toString();
        known.person.email = query.value(2).toString();
        known.isMe = known.person.id == *me;
        meListed = meListed || known.isMe;
        list.append(known);
    }
    if (query.lastError().isValid())
        return CacheDatabase::failure(QStringLiteral("reading people"), query.lastError().text());
    // Me is in the book even before anyone named them.
    if (!meListed && !me->isEmpty()) {
        KnownPerson known;
        known.person.id = *me;
        known.isMe = true;
        list.append(known);
    }
    std::sort(list.begin(), list.end(), [](const KnownPerson &a, const KnownPerson &b) {
        const QString &an = a.person.name.isEmpty() ? a.person.id : a.person.name;
        const QString &bn = b.person.name.isEmpty() ? b.person.id : b.person.name;
        if (const int order = an.compare(bn, Qt::CaseInsensitive); order != 0)
            return order < 0;
        return a.person.id < b.person.id;
    });
    return list;
}

Result<PeopleBook> PeopleTable::book() const
{
    const Result<QList<KnownPerson>> known = all();
    if (!known)
        return Failure{known.error()};
    PeopleBook book;
    for (const KnownPerson &entry : *known) {
        book.insert(entry.person);
        if (entry.isMe)
            book.setMeId(entry.person.id);
    }
    return book;
}

Result<StoreChanges> PeopleTable::replaceServerPeople(const QList<Person> &people)
{
    const QString what = QStringLiteral("storing people");
    // Every sync stores them: only a change is announced (and redrawn).
    const Result<QList<KnownPerson>> before = all();
    SqlTransaction transaction(m_db.connectionName());
    {
        QSqlQuery query = m_db.query();
        if (!query.exec(QStringLiteral(
                "UPDATE people SET server_name = NULL, server_email = NULL, on_server = 0")))
            return CacheDatabase::failure(what, query.lastError().text());
        query.prepare(QStringLiteral(
            "INSERT INTO people (id, server_name, server_email, on_server) VALUES (?, ?, ?, 1)"
            " ON CONFLICT (id) DO UPDATE SET server_name = excluded.server_name,"
            " server_email = excluded.server_email, on_server = 1"));
        for (const Person &person : people) {
            if (person.id.isEmpty())
                continue;
            query.addBindValue(person.id);
            query.addBindValue(
                SqlNullText::nullable(person.name.isEmpty() ? QString() : person.name));
            query.addBindValue(
                SqlNullText::nullable(person.email.isEmpty() ? QString() : person.email));
            if (!query.exec())
                return CacheDatabase::failure(what, query.lastError().text());
        }
        // Someone the server no longer lists is forgotten unless the user named them.
        if (!query.exec(
                QStringLiteral("DELETE FROM people WHERE on_server = 0 AND local_name IS NULL")))
            return CacheDatabase::failure(what, query.lastError().text());
    }
    if (Status committed = m_db.commit(transaction); !committed)
        return Failure{committed.error()};
    const Result<QList<KnownPerson>> after = all();
    if (before && after && *before == *after)
        return StoreChanges{};
    return peopleChanged();
}

Result<StoreChanges> PeopleTable::setMe(const QString &key, const QString &id)
{
    if (const Result<std::optional<QString>> was = m_settings.value(key);
        was && was->value_or(QString()) == id)
        return StoreChanges{};
    if (Status set = m_settings.setValue(key, id); !set)
        return Failure{set.error()};
    return peopleChanged();
}

Result<StoreChanges> PeopleTable::setServerMeId(const QString &id)
{
    return setMe(serverMeKey, id);
}

Result<StoreChanges> PeopleTable::setLocalMeId(const QString &id)
{
    return setMe(localMeKey, id.trimmed());
}

Result<StoreChanges> PeopleTable::setLocalName(const QString &id, const QString &name)
{
    const QString what = QStringLiteral("naming a person");
    const QString trimmedId = id.trimmed();
    if (trimmedId.isEmpty())
        return Failure{QStringLiteral("%1: the id is empty").arg(what)};
    const QString trimmedName = name.trimmed();
    Status done =
        trimmedName.isEmpty()
            ? m_db.exec(what, QStringLiteral("UPDATE people SET local_name = NULL WHERE id = ?"),
                        {trimmedId})
            : m_db.exec(what,
                        QStringLiteral(
                            "INSERT INTO people (id, local_name) VALUES (?, ?)"
                            " ON CONFLICT (id) DO UPDATE SET local_name = excluded.local_name"),
                        {trimmedId, trimmedName});
    if (!done)
        return Failure{done.error()};
    if (trimmedName.isEmpty()) {
        done = m_db.exec(what, QStringLiteral("DELETE FROM people WHERE id = ? AND on_server = 0"),
                         {trimmedId});
        if (!done)
            return Failure{done.error()};
    }
    return peopleChanged();
}
