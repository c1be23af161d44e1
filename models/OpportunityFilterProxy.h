#pragma once

#include "ListSortOrder.h"
#include "OpportunityFilter.h"
#include "PipelineSummary.h"
#include "RowPasses.h"

#include <QAbstractProxyModel>
#include <QPointer>
#include <optional>

class OpportunityListModel;

// The list's rows: the API's filters applied to the cached records (the rows the server would
// give for the same data), sortable by every column (amounts as converted by the model's rates),
// with the summary of what passes. A thin proxy, as the board's columns are: the sort of every
// source row is kept as rows change (ListSortOrder), so a keystroke is one pass over the packed
// facts picking the passing rows out of that order, announced as one layout change that keeps
// the selection and the current row where their records still pass.
class OpportunityFilterProxy final : public QAbstractProxyModel
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

    // -1 while unsorted (source order).
    int sortColumn() const { return m_order.column(); }
    Qt::SortOrder sortOrder() const { return m_order.order(); }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    // The summary may have changed: rows, the filter or the rates.
    void totalsChanged();

private:
    void connectSource(OpportunityListModel &source);
    // The filter applied to every row (with no announcement: within a reset).
    void fillRows();
    // The filter applied to every row, announced as one layout change.
    void refilter();
    // Whether m_filter passes only rows m_shownFilter passes (a longer search).
    bool narrowsShown() const;
    // The rows shown now, in the kept order (after the order changed).
    void reorder();
    // Shows `rows` instead: one layout change, persistent indexes following their records (those
    // whose record goes become invalid). Whether anything changed; `rows` is left holding the
    // rows shown before.
    bool showRows(QList<int> &rows);
    // One layout change around `change` (which replaces m_rows), persistent indexes following
    // their records.
    template <typename Change> void relayout(Change change);
    // m_rowOfSource from m_rows, from proxy row `from` on.
    void updateReverseMap(qsizetype from = 0);

    void beginSourceReset();
    void endSourceReset();
    void dropSource();
    void ratesChanged();
    void sourceRowsInserted(const QModelIndex &, int first, int last);
    void sourceRowsAboutToBeRemoved(const QModelIndex &, int first, int last);
    void sourceRowsRemoved(const QModelIndex &, int first, int last);
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                           const QList<int> &roles);
    void sourceRowChanged(int sourceRow, bool reorder, int left, int right,
                          const QList<int> &roles);
    bool shows(int sourceRow) const { return m_rowOfSource.at(sourceRow) >= 0; }

    QPointer<OpportunityListModel> m_source;
    QList<QMetaObject::Connection> m_connections;
    // Between the source's "about to reset" and "reset": its rows are not to be read.
    bool m_resetting = false;
    OpportunityFilter m_filter;
    // The filter the shown rows follow: an older one while paused.
    OpportunityFilter m_shownFilter;
    bool m_paused = false;
    ListSortOrder m_order;
    // The source rows shown, in order, and per source row its row here or -1.
    QList<int> m_rows;
    QList<int> m_rowOfSource;
    // The summary of m_filter, counted in the filter's pass or when asked; gone on any change.
    mutable std::optional<PipelineSummary> m_summary;
    // Scratch kept between keystrokes, as is the buffer of the rows shown before.
    mutable RowPasses m_passes;
    QList<int> m_spare;
};
