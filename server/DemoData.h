#pragma once

#include "Account.h"
#include "Opportunity.h"
#include "OpportunityUpdate.h"
#include "Person.h"

#include <QDate>
#include <QStringList>

// Realistic, deterministic demo data: the same seed gives the same records; dates are laid out
// around `today` so that some deals are overdue and some lie ahead.
struct DemoData
{
    QList<Account> accounts;
    QList<Opportunity> opportunities;
    // The creation entry of each opportunity's history, at the same index.
    QList<OpportunityUpdate> creations;

    // The demo's owners, with realistic names and emails (kashew-server lists them as users).
    static QList<Person> owners();
    // `count` opportunities over about count/20 accounts, owned by `owners` (at least one).
    static DemoData generate(int count, const QStringList &owners, const QDate &today,
                             quint32 seed = 20261124);
};
