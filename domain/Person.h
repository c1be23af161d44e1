#pragma once

#include <QString>

// Someone who owns deals: the id the API writes as ownerId, and what is known of them. The
// hosted API has no users resource; kashew-server's /users and the user's own people book fill
// in the name and email.
struct Person
{
    QString id;
    // Empty when unknown.
    QString name;
    QString email;

    friend bool operator==(const Person &a, const Person &b)
    {
        return a.id == b.id && a.name == b.name && a.email == b.email;
    }
};
