#pragma once

#include "PipelineTotals.h"
#include "Stage.h"

#include <QSet>
#include <QSortFilterProxyModel>
#include <optional>

class OpportunityListModel;

// The filters of the API applied to the cached records, giving the rows the server would give
// for the same data: name search (case-insensitive substring), stages, account, owner, and live
// or archived. Sortable by every column; totals of what passes.
class OpportunityFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit OpportunityFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    void setSearch(const QString &text);
    QString search() const { return m_search; }
    // Empty: every stage.
    void setStages(const QSet<Stage> &stages);
    QSet<Stage> stages() const { return m_stages; }
    void setAccountId(const QString &accountId);
    void setOwnerId(const QString &ownerId);
    void setArchived(bool archived);
    bool archived() const { return m_archived; }

    PipelineTotals totals() const;

    // A board column: only this stage, in whatever the filter bar chose; drops move here.
    void setFixedStage(std::optional<Stage> stage);
    std::optional<Stage> fixedStage() const { return m_fixedStage; }
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

signals:
    void totalsChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // Compares the records themselves, not QVariants: sorting 100,000 rows stays well under a
    // second. The order is the one the SortRole describes.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    OpportunityListModel *m_source = nullptr;
    QString m_search;
    QSet<Stage> m_stages;
    QString m_accountId;
    QString m_ownerId;
    bool m_archived = false;
    std::optional<Stage> m_fixedStage;
};
