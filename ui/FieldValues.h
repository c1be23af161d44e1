#pragma once

#include "Opportunity.h"
#include "OpportunityField.h"

#include <QStringList>

// The values of a few writable fields of one opportunity, and nothing else: an undo step of a
// bulk change keeps two of these per deal instead of two whole records (which also pinned every
// text of each deal), about a tenth of the memory at 10,000 deals.
class FieldValues final
{
public:
    FieldValues() = default;
    // The values of `fields` (the writable ones among them) in `from`.
    FieldValues(const Opportunity &from, OpportunityFields fields);

    // Sets `fields` of `to` to the values kept; `fields` is the set they were taken with.
    void copyInto(Opportunity *to, OpportunityFields fields) const;

private:
    // The text fields among `fields`, in the order of OpportunityField.
    QStringList m_texts;
    double m_value = 0;
    QDate m_expectedCloseDate;
    int m_probability = 0;
    Stage m_stage = Stage::Prospecting;
    bool m_isArchived = false;
};
