#pragma once

#include "Opportunity.h"
#include "OpportunityFilter.h"

#include <QList>
#include <QSet>
#include <QStringList>

class StagePartition;

// The board worked out again from the records alone, for tests of StagePartition: plain code
// that decides which records pass and in what order they show, without OpportunityFilter's
// accepts() or anything of StagePartition, so a bug there cannot agree with itself.
namespace BoardOracle {

// The filter bar's choices as a test states them; made an OpportunityFilter only to be handed
// to the code under test.
struct Criteria
{
    QString search;
    QSet<Stage> stages;
    QString accountId;
    QString ownerId;
    bool archived = false;

    OpportunityFilter toFilter() const;
    // The criteria an OpportunityFilter holds (its fields, not its code).
    static Criteria of(const OpportunityFilter &filter);
};

// The API's filter rule, written out again: live or archived as asked, one of the stages if any
// are chosen, the account and owner if chosen, and the trimmed search text, case-folded, inside
// the case-folded name.
bool passes(const Opportunity &o, const Criteria &criteria);

// The ids a column should show, from the records in cache order: the passing records of the
// stage, by expected close date, those without a date last, equal dates in cache order. Closed
// stages: the latest date first (still none last), equal dates by the latest change first.
QStringList cards(const QList<Opportunity> &records, const Criteria &criteria, Stage stage);

// Compares (QtTest) every column of `partition` with the answer from `records` and `criteria`:
// its cards in order, its count, value and weighted value per currency, and the board's count.
void check(const StagePartition &partition, const QList<Opportunity> &records,
           const Criteria &criteria);

} // namespace BoardOracle
