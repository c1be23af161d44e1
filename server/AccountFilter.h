#pragma once

#include <QString>

// The list filters of GET /accounts, already validated.
struct AccountFilter
{
    // Case-folded substring of the name; empty for none.
    QString search;
    QString status;
    QString type;
    QString ownerId;
    bool archived = false;
};
