#pragma once

#include "KnownPerson.h"
#include "PeopleBook.h"
#include "Result.h"
#include "StoreChanges.h"

class CacheDatabase;
class SettingsTable;

// The people book of the cache: the people the server's /users listed last and the user's own
// names for ids, kept apart and overlaid when read; who "me" is, from /users/me or the user.
class PeopleTable final
{
public:
    PeopleTable(CacheDatabase &db, SettingsTable &settings)
        : m_db(db)
        , m_settings(settings)
    {}

    // The book: the user's names over the server's; me = the server's when known, else the
    // user's.
    Result<PeopleBook> book() const;
    // Everyone in the book with where their name comes from, by shown name then id.
    Result<QList<KnownPerson>> all() const;

    // Replaces what the server listed, in one transaction; the user's names stay.
    Result<StoreChanges> replaceServerPeople(const QList<Person> &people);
    Result<StoreChanges> setServerMeId(const QString &id);
    // An empty name removes the user's entry.
    Result<StoreChanges> setLocalName(const QString &id, const QString &name);
    Result<StoreChanges> setLocalMeId(const QString &id);

private:
    Result<QString> meId() const;
    Result<StoreChanges> setMe(const QString &key, const QString &id);

    CacheDatabase &m_db;
    SettingsTable &m_settings;
};
