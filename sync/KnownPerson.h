#pragma once

#include "Person.h"

// A person of the people book with where what is shown comes from.
struct KnownPerson
{
    // The shown name is the user's own when they gave one, else the server's.
    Person person;
    // The server's /users listed this id.
    bool fromServer = false;
    // The user named this id.
    bool namedByUser = false;
    // The user's owner id (/users/me, else the one the user set).
    bool isMe = false;

    friend bool operator==(const KnownPerson &a, const KnownPerson &b)
    {
        return a.person == b.person && a.fromServer == b.fromServer &&
               a.namedByUser == b.namedByUser && a.isMe == b.isMe;
    }
};
