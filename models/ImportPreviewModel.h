#pragma once

#include "CsvTable.h"
#include "ImportMapping.h"
#include "ImportPlan.h"

#include <QAbstractTableModel>
#include <QHash>

// An imported file before anything is written: one row per row of the file (the header aside),
// one column per column of it, each column's header saying the field it fills, and each row
// marked as the import plan found it: valid, invalid (with the reasons) or a likely duplicate.
// The vertical header counts the file's lines, as the plan's report does.
class ImportPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class RowState
    {
        Valid,
        Invalid,
        // Valid, but the same name and account as an existing deal or an earlier row.
        Duplicate,
    };
    Q_ENUM(RowState)

    explicit ImportPreviewModel(QObject *parent = nullptr);

    // The file as read, each column mapped as `mapping` says; every row counts as valid until
    // the plan's verdict comes (setRows).
    void setTable(const CsvTable &table, const ImportMapping &mapping);
    // Another mapping of the same columns: only the headers change.
    void setMapping(const ImportMapping &mapping);
    // The deals already there, by id: a likely duplicate of one is named by its name.
    void setExisting(const QList<Opportunity> &existing);
    // The plan's verdict on the rows (ImportPlan::rows()), matched to them by the file's line.
    void setRows(const QList<ImportRow> &rows);

    RowState rowState(int row) const { return m_states.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The red of invalid rows and the amber of likely duplicates (as the list's sync marks).
    static QColor invalidColour();
    static QColor duplicateColour();

private:
    // The column's own title: the file's header, or its number where the header is short.
    QString columnTitle(int column) const;
    QString toolTip(int row) const;

    CsvTable m_table;
    ImportMapping m_mapping;
    int m_columns = 0;
    // Per row of m_table.rows.
    QList<RowState> m_states;
    QList<QStringList> m_problems;
    // What each row is a likely duplicate of, as its tool tip says it; empty when nothing.
    QStringList m_duplicateOf;
    QHash<QString, QString> m_existingNames;
};
