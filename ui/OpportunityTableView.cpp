#include "OpportunityTableView.h"

#include "CachedScrollBar.h"
#include "ItemRoles.h"
#include "ListCellDelegate.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"
#include "OwnerDelegate.h"
#include "StageChipDelegate.h"

#include <QHeaderView>
#include <algorithm>
#include <vector>

OpportunityTableView::OpportunityTableView(OpportunityFilterProxy &proxy, QWidget *parent)
    : QTableView(parent)
{
    setModel(&proxy);
    // The indicator first: enabling sorting sorts at once by whatever it shows (100,000 rows by
    // name, for nothing, on every start).
    horizontalHeader()->setSortIndicator(OpportunityListModel::Updated, Qt::DescendingOrder);
    setSortingEnabled(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    // Ctrl+A (QAbstractItemView's) selects every row the proxy has: those the filter passes.
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    // A keystroke changes the row count, so the bar's range, and relays the view out (which
    // repaints the horizontal bar too): both bars repaint from a picture while they look the same.
    setVerticalScrollBar(new CachedScrollBar(Qt::Vertical, this));
    setHorizontalScrollBar(new CachedScrollBar(Qt::Horizontal, this));
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setMinimumSectionSize(60);
    // Widths from typical contents ("12,345,678 USD"), never narrower than the header's title.
    const QFontMetrics metrics = fontMetrics();
    const QAbstractItemModel *source = proxy.sourceModel();
    const auto fit = [&](int column, const QString &sample) {
        const QString title = source->headerData(column, Qt::Horizontal).toString();
        setColumnWidth(column, std::max(metrics.horizontalAdvance(sample),
                                        metrics.horizontalAdvance(title) + 28) +
                                   16);
    };
    fit(OpportunityListModel::Name, QStringLiteral("Søndergaard Group — Enterprise License"));
    fit(OpportunityListModel::Account, QStringLiteral("Søndergaard Logistics"));
    fit(OpportunityListModel::StageColumn, QStringLiteral("Qualification WWWW"));
    fit(OpportunityListModel::Value, QStringLiteral("1,234,567 USD"));
    fit(OpportunityListModel::Probability, QStringLiteral("100%"));
    fit(OpportunityListModel::Weighted, QStringLiteral("1,234,567 USD"));
    fit(OpportunityListModel::CloseDate, QStringLiteral("30 Sep 2026"));
    fit(OpportunityListModel::Owner, QStringLiteral("Margarida Souza"));
    fit(OpportunityListModel::Updated, QStringLiteral("24 Nov 2026 12:00"));
    // A keystroke repaints every visible cell: their text laid out once, not on every paint.
    setItemDelegate(new ListCellDelegate(this));
    setItemDelegateForColumn(OpportunityListModel::StageColumn, new StageChipDelegate(this));
    if (const auto *people = qobject_cast<const OpportunityListModel *>(source)) {
        setItemDelegateForColumn(OpportunityListModel::Owner, new OwnerDelegate(*people, this));
        // Room for the avatar before the name.
        setColumnWidth(OpportunityListModel::Owner,
                       columnWidth(OpportunityListModel::Owner) + metrics.height() + 8);
    }
    // The record actions the window adds to the list make its context menu.
    setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &OpportunityTableView::currentRecordChanged);

    const auto selectFirst = [this] {
        if (!selectionModel()->currentIndex().isValid() && model()->rowCount() > 0)
            setCurrentIndex(model()->index(0, 0));
    };
    connect(&proxy, &QAbstractItemModel::modelReset, this, selectFirst);
    connect(&proxy, &QAbstractItemModel::rowsInserted, this, selectFirst);
}

QString OpportunityTableView::currentId() const
{
    const QModelIndex current = selectionModel()->currentIndex();
    return current.isValid() ? current.data(ItemRoles::Id).toString() : QString();
}

QStringList OpportunityTableView::selectedIds() const
{
    // From the ranges, not selectedRows(): that tests every row against every range, too slow
    // for Ctrl+A over 100,000 rows.
    std::vector<int> rows;
    const QItemSelection selection = selectionModel()->selection();
    for (const QItemSelectionRange &range : selection) {
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows.push_back(row);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QStringList ids;
    ids.reserve(static_cast<qsizetype>(rows.size()));
    for (int row : rows)
        ids.append(model()->index(row, 0).data(ItemRoles::Id).toString());
    return ids;
}
