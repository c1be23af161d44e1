#include "ImportLookup.h"

ImportLookup::ImportLookup(const QList<Opportunity> &existing, const QList<Account> &accounts,
                           const PeopleBook &people)
{
    for (const Opportunity &deal : existing) {
        m_deals.insert(deal.id, &deal);
        if (!deal.accountId.isEmpty())
            m_accountIds.insert(deal.accountId);
        if (!deal.ownerId.isEmpty())
            m_ownerIds.insert(deal.ownerId);
    }
    for (const Account &account : accounts) {
        m_accountIds.insert(account.id);
        m_accountNames.insert(account.id, account.name);
        m_accountsByName.insert(nameKey(account.name), account.id);
    }
    for (const Person &person : people.people()) {
        m_ownerIds.insert(person.id);
        m_ownersByName.insert(nameKey(people.displayName(person.id)), person.id);
    }
}

QString ImportLookup::nameKey(const QString &name)
{
    return name.trimmed().toCaseFolded();
}

Result<QString> ImportLookup::accountId(const QString &idOrName) const
{
    const QString trimmed = idOrName.trimmed();
    if (m_accountIds.contains(trimmed))
        return trimmed;
    return accountIdByName(idOrName);
}

Result<QString> ImportLookup::accountIdByName(const QString &name) const
{
    const QList<QString> ids = m_accountsByName.values(nameKey(name));
    if (ids.isEmpty())
        return Failure{tr("no account named '%1'").arg(name)};
    if (ids.size() > 1)
        return Failure{tr("more than one account is named '%1': give its id").arg(name)};
    return ids.first();
}

Result<QString> ImportLookup::ownerId(const QString &idOrName) const
{
    const QString trimmed = idOrName.trimmed();
    if (m_ownerIds.contains(trimmed))
        return trimmed;
    const QList<QString> ids = m_ownersByName.values(nameKey(idOrName));
    if (ids.isEmpty())
        return Failure{tr("no person named '%1'").arg(idOrName)};
    if (ids.size() > 1)
        return Failure{tr("more than one person is named '%1': give their id").arg(idOrName)};
    return ids.first();
}

const Opportunity *ImportLookup::deal(const QString &id) const
{
    return m_deals.value(id.trimmed(), nullptr);
}
