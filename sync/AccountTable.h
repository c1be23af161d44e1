#pragma once

#include "Account.h"
#include "Result.h"
#include "StoreChanges.h"

#include <QStringList>

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
    // Adds or replaces `accounts` and removes `removed` (ids), keeping the others, in one
    // transaction.
    Result<StoreChanges> merge(const QList<Account> &accounts, const QStringList &removed);

private:
    // With `replaceAll`, the accounts not in `accounts` go too.
    Result<StoreChanges> write(const QList<Account> &accounts, const QStringList &removed,
                               bool replaceAll);

    CacheDatabase &m_db;
};
