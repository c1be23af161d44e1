#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

// What one committed change to the cache touched: LocalStore announces it with its signals.
struct StoreChanges
{
    // The records changed; announced when set, even when empty.
    std::optional<QStringList> changed;
    QStringList removed;
    // A record created here got its server id: old id, new id.
    std::optional<std::pair<QString, QString>> renamed;
    bool accounts = false;
    bool people = false;
    bool outbox = false;
};
