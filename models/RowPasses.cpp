#include "RowPasses.h"

#include "OpportunityListModel.h"
#include "SummaryAccumulator.h"

PipelineSummary RowPasses::filterAll(const OpportunityListModel &model,
                                     const OpportunityFilter &filter)
{
    const int count = model.rowCount();
    m_passes.assign(static_cast<size_t>(count), 0);
    model.matchSearch(filter.search); // one pass over every name, not one search per row
    SummaryAccumulator sum;
    for (int row = 0; row < count; ++row) {
        if (model.accepts(filter, row)) {
            m_passes[row] = 1;
            sum.add(model.factsAt(row));
        }
    }
    return sum.summary(model);
}

PipelineSummary RowPasses::filterShown(const OpportunityListModel &model,
                                       const OpportunityFilter &filter,
                                       const QList<int> &rowOfSource, qsizetype shownCount)
{
    // In source order as filterAll, so that the sums come out the same to the last digit.
    const int count = model.rowCount();
    m_passes.assign(static_cast<size_t>(count), 0);
    SummaryAccumulator sum;
    const int *shown = rowOfSource.constData();
    // One scan of every name costs about what searching a fifth of the names one by one does:
    // worth it while many rows are shown (the first keystrokes), not once few are.
    if (shownCount * 5 > count)
        model.matchSearch(filter.search);
    for (int row = 0; row < count; ++row) {
        if (shown[row] >= 0 && model.accepts(filter, row)) {
            m_passes[row] = 1;
            sum.add(model.factsAt(row));
        }
    }
    return sum.summary(model);
}

void RowPasses::set(const QList<int> &rows, qsizetype count)
{
    m_passes.assign(static_cast<size_t>(count), 0);
    for (int row : rows)
        m_passes[row] = 1;
}

void RowPasses::filterRow(const OpportunityListModel &model, const OpportunityFilter &filter,
                          int row)
{
    m_passes[row] = model.accepts(filter, row) ? 1 : 0;
}

void RowPasses::pick(const QList<int> &order, QList<int> &out) const
{
    out.resize(order.size());
    int *to = out.data();
    for (int row : order) {
        if (m_passes[row])
            *to++ = row;
    }
    out.resize(to - out.constData());
}

void RowPasses::keep(QList<int> &rows) const
{
    int *to = rows.data();
    for (int row : std::as_const(rows)) {
        if (m_passes[row])
            *to++ = row;
    }
    rows.resize(to - rows.constData());
}
