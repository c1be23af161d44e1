#pragma once

#include "Account.h"
#include "Result.h"
#include "StoreChanges.h"

class CacheDatabase;

// The accounts as the server listed them last, each kept as its JSON.
class AccountTable final
{
public:
    explicit AccountTable(CacheDatabase &db)
        : m_db(db)
    {}

    // By name; accounts that cannot be read are left out.
    Result<QList<Account>> all() const;
    // Replaces them all, in one transaction.
    Result<StoreChanges> replace(const QList<Account> &accounts);

private:
    CacheDatabase &m_db;
};
