#pragma once

#include "OpportunityFilter.h"
#include "PipelineTotals.h"

#include <QSortFilterProxyModel>

class OpportunityListModel;

// The list's rows: the API's filters applied to the cached records (the rows the server would
// give for the same data), sortable by every column, with the totals of what passes.
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

    PipelineTotals totals() const;

signals:
    void totalsChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // Compares the records themselves, not QVariants: sorting 100,000 rows stays well under a
    // second. The order is the one the SortRole describes.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    OpportunityListModel *m_source = nullptr;
    OpportunityFilter m_filter;
    bool m_paused = false;
    bool m_stale = false;
};
