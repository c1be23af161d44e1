#pragma once

#include "Account.h"
#include "Opportunity.h"
#include "OpportunityUpdate.h"

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

    // `count` opportunities over about count/20 accounts, owned by `owners` (at least one).
    static DemoData generate(int count, const QStringList &owners, const QDate &today,
                             quint32 seed = 20261124);
};
