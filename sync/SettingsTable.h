#pragma once

#include "Result.h"

#include <optional>

class CacheDatabase;

// Small persistent settings of the sync (the last sync's time, ...), by key.
class SettingsTable final
{
public:
    explicit SettingsTable(CacheDatabase &db)
        : m_db(db)
    {}

    // None when the key was never set.
    Result<std::optional<QString>> value(const QString &key) const;
    Status setValue(const QString &key, const QString &value);

private:
    CacheDatabase &m_db;
};
