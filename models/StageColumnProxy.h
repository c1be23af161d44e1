#pragma once

#include "PipelineTotals.h"
#include "Stage.h"

#include <QAbstractProxyModel>
#include <optional>

class OpportunityListModel;

// One board column: the cards of one stage, a flat list over the source model in the order its
// StagePartition gives (by expected close date: soonest first, or latest first when closed). The
// partition decides which rows are in it; the column maps indexes, keeps persistent indexes
// (selection, current card) across changes, and takes drops, which ask the source model to move the
// dropped records to this stage.
class StageColumnProxy final : public QAbstractProxyModel
{
    Q_OBJECT

public:
    // What a column's header counts: its cards' money, and how many of them have gone stale.
    struct Figures
    {
        PipelineTotals totals;
        int stale = 0;
    };

    explicit StageColumnProxy(Stage stage, QObject *parent = nullptr);

    Stage stage() const { return m_stage; }
    // The source rows shown, in order.
    const QList<int> &sourceRows() const { return m_sourceRows; }
    // Where a source row shows in this column, -1 when it does not.
    int rowOfSource(int sourceRow) const;
    PipelineTotals totals() const { return figures().totals; }
    // The cards gone stale (OpportunityListModel::isStaleAt); none in a closed stage.
    int staleCount() const { return figures().stale; }
    const Figures &figures() const;

    void setSourceModel(QAbstractItemModel *model) override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    // Changes made by the StagePartition that feeds this column, each announced to the views.
    // All of the rows at once (and their figures, counted on the way), keeping persistent indexes
    // on the records that stay.
    void replaceRows(QList<int> sourceRows, const Figures &figures);
    void insertSourceRow(int row, int sourceRow);
    // New cards among the others, as one change: `sourceRows` is every card, `added` the rows
    // of the new ones in it (ascending), `addedFigures` what they bring to the header.
    void insertSourceRows(QList<int> sourceRows, const QList<int> &added,
                          const Figures &addedFigures);
    void removeRow(int row);
    // The card at `from` goes to `to` (its place after the move), keeping its selection.
    void moveRowTo(int from, int to);
    void announceChanged(int row);
    // Every card changed (a change to many records at once).
    void announceAllChanged(const Figures &figures);
    // Source rows at or after `from` moved by `delta` (rows inserted or removed before them).
    void shiftSourceRows(int from, int delta);
    void beginReset() { beginResetModel(); }
    void endReset(QList<int> sourceRows, const Figures &figures);

signals:
    void totalsChanged();

private:
    // Made again when next asked for: a keystroke deals every column anew, and nothing maps
    // from the source until a card changes.
    void forgetReverseMap()
    {
        m_reverseValid = false;
        m_lookupsWithoutMap = 0;
    }
    // Lookups answered by scanning the cards before the map is made.
    static constexpr int scansBeforeMap = 8;

    const Stage m_stage;
    OpportunityListModel *m_source = nullptr;
    QList<int> m_sourceRows;
    // Per source row, its row here or -1 (while m_reverseValid): mapping from the source stays
    // O(1).
    mutable QList<int> m_rowOfSource;
    mutable bool m_reverseValid = false;
    mutable int m_lookupsWithoutMap = 0;
    // Counted when the rows are dealt; after a change of a few rows, recounted when asked.
    mutable std::optional<Figures> m_figures;
};
