#include "ImportPreviewModel.h"

#include "ItemRoles.h"

#include <QColor>

ImportPreviewModel::ImportPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ImportPreviewModel::setTable(const CsvTable &table, const ImportMapping &mapping)
{
    beginResetModel();
    m_table = table;
    m_mapping = mapping;
    // A ragged file: as many columns as its widest row.
    m_columns = static_cast<int>(table.header.size());
    for (const QStringList &row : table.rows)
        m_columns = std::max(m_columns, static_cast<int>(row.size()));
    const qsizetype rows = table.rows.size();
    m_states = QList<RowState>(rows, RowState::Valid);
    m_problems = QList<QStringList>(rows);
    m_duplicateOf = QStringList(rows);
    endResetModel();
}

void ImportPreviewModel::setMapping(const ImportMapping &mapping)
{
    m_mapping = mapping;
    if (m_columns > 0)
        emit headerDataChanged(Qt::Horizontal, 0, m_columns - 1);
}

void ImportPreviewModel::setExisting(const QList<Opportunity> &existing)
{
    m_existingNames.clear();
    m_existingNames.reserve(existing.size());
    for (const Opportunity &deal : existing)
        m_existingNames.insert(deal.id, deal.name);
}

void ImportPreviewModel::setRows(const QList<ImportRow> &rows)
{
    QHash<int, const ImportRow *> byLine;
    byLine.reserve(rows.size());
    for (const ImportRow &row : rows)
        byLine.insert(row.line, &row);
    for (int i = 0; i < m_states.size(); ++i) {
        const ImportRow *row = byLine.value(m_table.lines.value(i), nullptr);
        QStringList problems;
        QString duplicateOf;
        if (row) {
            for (const FieldError &error : row->errors)
                problems.append(
                    QStringLiteral("%1: %2").arg(ImportPlan::fieldName(error), error.message));
            if (row->duplicateLine > 0)
                duplicateOf = tr("Same name and account as line %1").arg(row->duplicateLine);
            else if (!row->duplicateOf.isEmpty())
                duplicateOf = tr("Same name and account as '%1'")
                                  .arg(m_existingNames.value(row->duplicateOf, row->duplicateOf));
        }
        m_problems[i] = problems;
        m_duplicateOf[i] = duplicateOf;
        m_states[i] = !problems.isEmpty()      ? RowState::Invalid
                      : !duplicateOf.isEmpty() ? RowState::Duplicate
                                               : RowState::Valid;
    }
    if (!m_states.isEmpty() && m_columns > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, m_columns - 1));
    if (!m_states.isEmpty())
        emit headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_table.rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
        return m_table.rows.at(row).value(index.column());
    case Qt::DecorationRole:
        // The mark goes before the row's first cell, where the eye starts reading.
        if (index.column() != 0 || m_states.at(row) == RowState::Valid)
            return {};
        return m_states.at(row) == RowState::Invalid ? invalidColour() : duplicateColour();
    case Qt::ToolTipRole:
        return toolTip(row);
    case ItemRoles::ImportRowStateRole:
        return static_cast<int>(m_states.at(row));
    case ItemRoles::ImportProblemsRole:
        return m_problems.at(row);
    default:
        return {};
    }
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < rowCount())
            return m_table.lines.value(section);
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (section < 0 || section >= m_columns)
        return {};
    // A ragged file's extra columns are past the header the mapping was made from.
    const auto field = section < m_mapping.columnCount() ? m_mapping.field(section) : std::nullopt;
    switch (role) {
    case Qt::DisplayRole:
        return field ? tr("%1 → %2").arg(columnTitle(section),
                                         OpportunityFieldNames::snakeCase(*field))
                     : tr("%1 (not imported)").arg(columnTitle(section));
    case ItemRoles::ImportFieldRole:
        return field ? QVariant(static_cast<quint32>(*field)) : QVariant();
    default:
        return {};
    }
}

QString ImportPreviewModel::columnTitle(int column) const
{
    const QString title = m_table.header.value(column).trimmed();
    return title.isEmpty() ? tr("Column %1").arg(column + 1) : title;
}

QString ImportPreviewModel::toolTip(int row) const
{
    if (m_states.at(row) == RowState::Valid)
        return {};
    // Tool tips render markup: the file's text goes in escaped, to be shown as it is.
    QStringList lines = m_problems.at(row);
    if (!m_duplicateOf.at(row).isEmpty())
        lines.append(m_duplicateOf.at(row));
    for (QString &line : lines)
        line = line.toHtmlEscaped();
    return QStringLiteral("<p style='white-space:pre-wrap'>") + lines.join(QStringLiteral("<br>")) +
           QStringLiteral("</p>");
}

QColor ImportPreviewModel::invalidColour()
{
    return QColor(0xdc, 0x26, 0x26);
}

QColor ImportPreviewModel::duplicateColour()
{
    return QColor(0xf5, 0x9e, 0x0b);
}
