#pragma once

#include <QTableView>

class OpportunityFilterProxy;

// The opportunity list: one row per deal the filter passes, newest change first, columns sized
// for typical contents, the stage drawn as a chip. Something is current from the start: the
// first deal, once there is one. Rows are selected as many as the rep likes (Shift and Ctrl,
// Ctrl+A the rows the filter passes) for the bulk changes.
class OpportunityTableView final : public QTableView
{
    Q_OBJECT

public:
    // Shows `proxy`, which already has its source model.
    explicit OpportunityTableView(OpportunityFilterProxy &proxy, QWidget *parent = nullptr);

    // The current row's record; empty when no row is current.
    QString currentId() const;
    // The selected rows' records, top to bottom.
    QStringList selectedIds() const;

signals:
    // Another row became current (the detail and the record actions follow it).
    void currentRecordChanged();
};
