#pragma once

#include "PipelineSummary.h"

#include <QList>
#include <vector>

class OpportunityListModel;
struct OpportunityFilter;

// Which source rows pass the list's filter, one flag per row, and the summary of those that do:
// the list proxy's pass on every keystroke. Kept from one keystroke to the next (large new
// buffers cost page faults every time).
class RowPasses final
{
public:
    // Every row through the filter, front to back over the packed facts, summing those that pass.
    PipelineSummary filterAll(const OpportunityListModel &model, const OpportunityFilter &filter);
    // The same over the `shownCount` rows whose `rowOfSource` is not -1 alone: the others are
    // known to fail.
    PipelineSummary filterShown(const OpportunityListModel &model, const OpportunityFilter &filter,
                                const QList<int> &rowOfSource, qsizetype shownCount);
    // Exactly `rows` pass, of `count` rows.
    void set(const QList<int> &rows, qsizetype count);
    // Row `row` passes or not as the filter says now.
    void filterRow(const OpportunityListModel &model, const OpportunityFilter &filter, int row);
    // The rows of `order` that pass, in its order, into `out` (its buffer reused).
    void pick(const QList<int> &order, QList<int> &out) const;
    // The same with `rows` itself, in place.
    void keep(QList<int> &rows) const;

private:
    std::vector<char> m_passes;
};
