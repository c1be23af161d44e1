#pragma once

#include "CurrencyOrder.h"
#include "OpportunityFilter.h"
#include "PipelineSummary.h"

#include <QSortFilterProxyModel>

class OpportunityListModel;

// The list's rows: the API's filters applied to the cached records (the rows the server would
// give for the same data), sortable by every column (amounts as converted by the model's rates),
// with the summary of what passes.
class OpportunityFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit OpportunityFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    void setFilter(const OpportunityFilter &filter);
    const OpportunityFilter &filter() const { return m_filter; }
    // While its view is hidden the proxy does not refilter on every change of filter: it catches
    // up once when resumed. Totals follow the filter either way.
    void setPaused(bool paused);

    // The rows passing the filter, counted and summed; with the model's rates.
    PipelineSummary summary() const;

signals:
    // The summary may have changed: rows, the filter or the rates.
    void totalsChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // Compares the records themselves, not QVariants: sorting 100,000 rows stays well under a
    // second. The order is the one the SortRole describes, except that amounts without a rate
    // stay after the converted ones when sorted descending too (see CurrencyOrder).
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    // The base currency or a rate changed: amounts sort anew.
    void ratesChanged();
    // Sorting by the Stale column: the fresh first, then the stale by days without a change.
    bool staleLessThan(int sourceRowA, int sourceRowB) const;
    // Sorting by value or weighted value: `weighted` picks which.
    bool amountLessThan(int sourceRowA, int sourceRowB, bool weighted) const;

    OpportunityListModel *m_source = nullptr;
    // The model's currencies and rates as a sort order, made again when either changes.
    mutable CurrencyOrder m_currencyOrder;
    OpportunityFilter m_filter;
    bool m_paused = false;
    bool m_stale = false;
};
