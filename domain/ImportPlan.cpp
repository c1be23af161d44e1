#include "ImportPlan.h"

#include "CsvWriter.h"
#include "ImportDateReader.h"
#include "ImportLookup.h"
#include "ImportNumberReader.h"
#include "ImportValueReader.h"
#include "OpportunityValidation.h"

#include <QHash>
#include <algorithm>

namespace {

QStringList columnCells(const CsvTable &table, int column)
{
    QStringList cells;
    if (column < 0)
        return cells;
    cells.reserve(table.rows.size());
    for (const QStringList &row : table.rows)
        cells.append(row.value(column));
    return cells;
}

// What reads the cells of one file: numbers and dates learn from their whole column first.
struct Readers
{
    ImportNumberReader value;
    ImportNumberReader probability;
    ImportDateReader date;
    ImportLookup lookup;
};

// Reads one row's cells into `row`, one error per field it cannot read.
class RowReader final
{
public:
    explicit RowReader(const QStringList &cells, const ImportMapping &mapping,
                       const Readers &readers, ImportRow &row)
        : m_cells(cells)
        , m_mapping(mapping)
        , m_readers(readers)
        , m_row(row)
    {}

    // The cell a field's column holds; empty when no column is mapped to it. A cell of only
    // spaces is empty.
    QString cell(OpportunityField field) const
    {
        const QString text = m_cells.value(m_mapping.columnOf(field));
        return text.trimmed().isEmpty() ? QString() : text;
    }

    void fail(OpportunityField field, const QString &message)
    {
        m_row.errors.append({OpportunityFieldNames::camelCase(field), message});
    }

    // Reads the field's cell through `read` (a Result) and stores it with `store`.
    template <typename Read, typename Store>
    void read(OpportunityField field, Read read, Store store)
    {
        const QString text = cell(field);
        if (text.isNull())
            return;
        const auto value = read(text);
        if (!value) {
            fail(field, value.error());
            return;
        }
        store(*value);
        m_row.fields |= field;
    }

    void readAll()
    {
        Opportunity &o = m_row.opportunity;
        const auto text = [](const QString &cell) -> Result<QString> {
            return CsvWriter::unguarded(cell);
        };
        read(OpportunityField::Name, text, [&o](const QString &v) { o.name = v; });
        read(OpportunityField::Description, text, [&o](const QString &v) { o.description = v; });
        read(OpportunityField::LeadId, text, [&o](const QString &v) { o.leadId = v.trimmed(); });
        read(OpportunityField::Currency, &ImportValueReader::currency,
             [&o](const QString &v) { o.currency = v; });
        readValue();
        read(OpportunityField::Stage, &ImportValueReader::stage, [&o](Stage v) { o.stage = v; });
        read(
            OpportunityField::Probability,
            [this](const QString &cell) { return m_readers.probability.percent(cell); },
            [&o](int v) { o.probability = v; });
        read(
            OpportunityField::ExpectedCloseDate,
            [this](const QString &cell) { return m_readers.date.date(cell); },
            [&o](const QDate &v) { o.expectedCloseDate = v; });
        read(
            OpportunityField::OwnerId,
            [this](const QString &cell) {
                return m_readers.lookup.ownerId(CsvWriter::unguarded(cell));
            },
            [&o](const QString &v) { o.ownerId = v; });
        read(OpportunityField::IsArchived, &ImportValueReader::boolean,
             [&o](bool v) { o.isArchived = v; });
        readAccount();
    }

private:
    void readValue()
    {
        Opportunity &o = m_row.opportunity;
        read(
            OpportunityField::Value,
            [this, &o](const QString &cell) -> Result<double> {
                const auto amount = m_readers.value.amount(cell);
                if (!amount)
                    return Failure{amount.error()};
                // A currency written with the number is the row's, or the number is not meant.
                if (!amount->currency.isEmpty() && amount->currency != o.currency)
                    return Failure{ImportPlan::tr("'%1' is in %2, the deal in %3")
                                       .arg(cell, amount->currency, o.currency)};
                return amount->value;
            },
            [&o](double v) { o.value = v; });
    }

    // An account id column (ids or names) before an account name column.
    void readAccount()
    {
        Opportunity &o = m_row.opportunity;
        const auto store = [this, &o](const QString &id) {
            o.accountId = id;
            o.accountName = m_readers.lookup.accountName(id);
        };
        if (!cell(OpportunityField::AccountId).isNull()) {
            read(
                OpportunityField::AccountId,
                [this](const QString &cell) {
                    return m_readers.lookup.accountId(CsvWriter::unguarded(cell));
                },
                store);
            return;
        }
        const QString name = cell(OpportunityField::AccountName);
        if (name.isNull())
            return;
        const auto id = m_readers.lookup.accountIdByName(CsvWriter::unguarded(name));
        if (!id) {
            fail(OpportunityField::AccountName, id.error());
            return;
        }
        store(*id);
        m_row.fields |= OpportunityField::AccountId;
    }

    const QStringList &m_cells;
    const ImportMapping &m_mapping;
    const Readers &m_readers;
    ImportRow &m_row;
};

// The one validation, for what reading left without an error.
void validate(ImportRow &row)
{
    const FieldErrors found = row.updateId.isEmpty()
                                  ? validateOpportunity(row.opportunity)
                                  : validateOpportunityFields(row.opportunity, row.fields);
    for (const FieldError &error : found) {
        const bool known =
            std::any_of(row.errors.cbegin(), row.errors.cend(),
                        [&error](const FieldError &e) { return e.field == error.field; });
        if (!known)
            row.errors.append(error);
    }
}

QString duplicateKey(const QString &name, const QString &accountId)
{
    return ImportLookup::nameKey(name) + QChar(0x1f) + accountId;
}

} // namespace

ImportPlan ImportPlan::build(const CsvTable &table, const ImportMapping &mapping, Mode mode,
                             const Context &context)
{
    ImportPlan plan;
    plan.m_mode = mode;
    const bool byId = mode == Mode::UpdateById;
    const Readers readers{
        ImportNumberReader(context.locale,
                           columnCells(table, mapping.columnOf(OpportunityField::Value))),
        ImportNumberReader(context.locale,
                           columnCells(table, mapping.columnOf(OpportunityField::Probability))),
        ImportDateReader(context.locale,
                         columnCells(table, mapping.columnOf(OpportunityField::ExpectedCloseDate))),
        ImportLookup(context.existing, context.accounts, context.people)};

    QHash<QString, QString> existingKeys;
    for (const Opportunity &deal : context.existing) {
        if (!deal.name.trimmed().isEmpty())
            existingKeys.insert(duplicateKey(deal.name, deal.accountId), deal.id);
    }
    QHash<QString, int> rowKeys;
    bool anyNew = false;

    plan.m_rows.reserve(table.rows.size());
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        ImportRow row;
        row.line = static_cast<int>(table.lines.value(i, static_cast<int>(i) + 2));
        RowReader reader(table.rows.at(i), mapping, readers, row);
        const QString id = byId ? reader.cell(OpportunityField::Id).trimmed() : QString();
        if (!id.isEmpty()) {
            if (const Opportunity *deal = readers.lookup.deal(id)) {
                row.opportunity = *deal;
                row.updateId = deal->id;
            } else {
                row.updateId = id;
                reader.fail(OpportunityField::Id, tr("no deal with id '%1'").arg(id));
            }
        }
        reader.readAll();
        validate(row);

        if (row.updateId.isEmpty()) {
            anyNew = true;
            row.opportunity.id.clear();
            if (!row.opportunity.name.trimmed().isEmpty()) {
                const QString key = duplicateKey(row.opportunity.name, row.opportunity.accountId);
                if (const auto found = existingKeys.constFind(key); found != existingKeys.cend()) {
                    row.duplicateOf = found.value();
                } else if (const auto earlier = rowKeys.constFind(key); earlier != rowKeys.cend()) {
                    row.duplicateLine = earlier.value();
                    row.duplicateOf = tr("line %1").arg(earlier.value());
                } else {
                    rowKeys.insert(key, row.line);
                }
            }
        }
        plan.m_rows.append(std::move(row));
    }

    // The file's own problems: what no row could make right.
    if (byId && mapping.columnOf(OpportunityField::Id) < 0)
        plan.m_problems.append(
            tr("no column is mapped to the id, which updating deals by id needs"));
    if (mapping.columnOf(OpportunityField::Name) < 0 && (!byId || anyNew))
        plan.m_problems.append(tr("no column is mapped to the name, which new deals need"));
    for (const OpportunityField field : ImportMapping::importable()) {
        QStringList columns;
        for (int column = 0; column < mapping.columnCount(); ++column) {
            if (mapping.field(column) == field)
                columns.append(QLatin1Char('\'') + table.header.value(column) + QLatin1Char('\''));
        }
        if (columns.size() > 1)
            plan.m_problems.append(tr("%1 is mapped to more than one column: %2")
                                       .arg(OpportunityFieldNames::snakeCase(field),
                                            columns.join(QStringLiteral(", "))));
    }
    return plan;
}

bool ImportPlan::importable(const ImportRow &row) const
{
    return m_problems.isEmpty() && row.isValid();
}

int ImportPlan::validCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(),
                                          [this](const ImportRow &r) { return importable(r); }));
}

int ImportPlan::invalidCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(),
                                          [](const ImportRow &r) { return !r.isValid(); }));
}

int ImportPlan::duplicateCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const ImportRow &r) {
        return !r.duplicateOf.isEmpty();
    }));
}

int ImportPlan::createCount() const
{
    return static_cast<int>(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [this](const ImportRow &r) {
            return importable(r) && r.updateId.isEmpty();
        }));
}

int ImportPlan::updateCount() const
{
    return validCount() - createCount();
}

RecordBatch ImportPlan::batch() const
{
    RecordBatch batch;
    for (const ImportRow &row : m_rows) {
        if (!importable(row))
            continue;
        if (row.updateId.isEmpty())
            batch.creates.append(row.opportunity);
        else
            batch.edits.append(RecordEdit{row.updateId, row.opportunity,
                                          row.fields & OpportunityFieldNames::writable()});
    }
    return batch;
}

QStringList ImportPlan::report() const
{
    QStringList lines = m_problems;
    for (const ImportRow &row : m_rows) {
        for (const FieldError &error : row.errors)
            lines.append(tr("line %1, %2: %3").arg(row.line).arg(fieldName(error), error.message));
    }
    return lines;
}

QString ImportPlan::fieldName(const FieldError &error)
{
    const auto field = OpportunityFieldNames::fromName(error.field);
    return field ? OpportunityFieldNames::snakeCase(*field) : error.field;
}
