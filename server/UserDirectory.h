#pragma once

#include "Person.h"
#include "Result.h"

#include <QHash>
#include <QList>
#include <optional>

// The people behind kashew-server's API keys (GET /users): users declared with --user or in
// [users], the demo owners, and every key's user. A key that names no user stands for its
// hashed id, a user with no name or email.
class UserDirectory final
{
public:
    // Adds the user, or replaces the one with the same id.
    void add(const Person &person);
    // Lists `id` with no name or email, unless it is known already.
    void include(const QString &id);
    std::optional<Person> find(const QString &id) const;
    // By name (case and accents aside), then id; users without a name come last.
    QList<Person> sorted() const;

    // Reads a declaration "ID=Name <email>" (name and email optional): the id is everything
    // before the first '='; it cannot hold '@' (keys name users as KEY@ID), spaces or commas.
    static Result<Person> parse(const QString &declaration);

private:
    QHash<QString, Person> m_users;
};
