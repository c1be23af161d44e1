#pragma once

#include "Account.h"
#include "Opportunity.h"
#include "PeopleBook.h"
#include "Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>

// Who and what an imported file names: accounts by id or name, owners by id or shown name, deals
// by id. Built once per import, so that each row looks up in a hash.
class ImportLookup final
{
    Q_DECLARE_TR_FUNCTIONS(ImportLookup)

public:
    explicit ImportLookup(const QList<Opportunity> &existing, const QList<Account> &accounts,
                          const PeopleBook &people);

    // The account's id: a known id (of an account, or one a deal already has) as it is, else
    // the one account of that name (case and surrounding spaces aside).
    Result<QString> accountId(const QString &idOrName) const;
    // The account's id for its name only.
    Result<QString> accountIdByName(const QString &name) const;
    QString accountName(const QString &id) const { return m_accountNames.value(id); }
    // The owner's id: a known id (of a person, or one a deal already has), else the one person
    // shown by that name.
    Result<QString> ownerId(const QString &idOrName) const;
    // The existing deal with this id; nullptr when there is none.
    const Opportunity *deal(const QString &id) const;

    // How a name compares: case and surrounding spaces aside.
    static QString nameKey(const QString &name);

private:
    QHash<QString, const Opportunity *> m_deals;
    QHash<QString, QString> m_accountNames;
    QSet<QString> m_accountIds;
    QMultiHash<QString, QString> m_accountsByName;
    QSet<QString> m_ownerIds;
    QMultiHash<QString, QString> m_ownersByName;
};
