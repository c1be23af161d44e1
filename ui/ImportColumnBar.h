#pragma once

#include "ImportMapping.h"

#include <QWidget>

class QComboBox;
class QTableView;

// One picker per column of an import preview, right above the column it maps: "Not imported"
// or the field the column fills. The pickers follow the columns' widths, their order and the
// view's scrolling.
class ImportColumnBar final : public QWidget
{
    Q_OBJECT

public:
    explicit ImportColumnBar(QTableView &view, QWidget *parent = nullptr);

    // A picker for each of the view's columns, showing `mapping`'s choices (a column beyond the
    // mapping's, in a ragged file, cannot be imported).
    void setMapping(const ImportMapping &mapping);
    // The picker of a column (for tests); null beyond the columns.
    QComboBox *picker(int column) const;
    // The field a column's picker names; unset: not imported.
    std::optional<OpportunityField> field(int column) const;

signals:
    // The user picked another field for `column`.
    void fieldPicked(int column);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void place();

    QTableView &m_view;
    QList<QComboBox *> m_pickers;
};
