#pragma once

#include "Account.h"
#include "CsvTable.h"
#include "FieldError.h"
#include "ImportMapping.h"
#include "Opportunity.h"
#include "PeopleBook.h"
#include "RecordBatch.h"

#include <QCoreApplication>
#include <QLocale>

// One row of an imported file, read and checked.
struct ImportRow
{
    // The file's line where the row starts (the header is line 1).
    int line = 0;
    // Create: the values read over a new deal's defaults. Update: the record with them.
    Opportunity opportunity;
    // The fields the row sets (account_name counts as AccountId once looked up).
    OpportunityFields fields;
    // Update: the record the row changes; empty for a create.
    QString updateId;
    // What is wrong, one per field at fault; `field` is the API's camelCase name ("value"), as
    // the validation names it (fieldName() says it as a report does).
    FieldErrors errors;
    // An existing deal with the same name and account (case and surrounding spaces aside),
    // or an earlier row of the file: a likely duplicate. Empty when none. Not an error.
    // Only a row that creates a deal is checked. Holds the existing deal's id, or for an
    // earlier row "line 3" (translated) with that line in duplicateLine.
    QString duplicateOf;
    // The earlier row's line when the duplicate is in the file; 0 otherwise.
    int duplicateLine = 0;

    bool isValid() const { return errors.isEmpty(); }
};

// What an import would do, worked out before anything is written: every row of the file read
// through the mapping and checked with the one validation (validateOpportunity /
// validateOpportunityFields), each problem named by line, field and reason.
//
// Values read as spreadsheets write them: numbers with `.` or `,` as decimal point and
// thousands separators (1,234.50  1.234,50  1 234,50  1'234.50), a currency code or symbol
// around them ignored when it matches; dates 2026-07-15, 15.07.2026 and 7/15/2026 or 15/7/2026
// where the column's own values make day and month unambiguous (a column of only ambiguous
// slashed dates is an error on those rows, asking for ISO); stage ids or their labels in English
// or German; probability 60 or 60 %; is_archived true/false/yes/no/ja/nein/1/0/x/empty;
// accounts by id or name; owners by id or shown name. Text that export guarded against
// formulas comes back as it was (CsvWriter::unguarded). Empty cells leave a field unset (its
// default in a create, its current value in an update).
class ImportPlan final
{
    Q_DECLARE_TR_FUNCTIONS(ImportPlan)

public:
    enum class Mode
    {
        // Every row is a new deal; an id column is ignored.
        CreateOnly,
        // A row with an id changes that deal (an unknown id is an error); one without is new.
        UpdateById,
    };

    struct Context
    {
        QList<Opportunity> existing;
        QList<Account> accounts;
        PeopleBook people;
        // For a number or a date the file leaves ambiguous ("1,500" is 1500 in en, 1.5 in de).
        QLocale locale;
    };

    static ImportPlan build(const CsvTable &table, const ImportMapping &mapping, Mode mode,
                            const Context &context);

    Mode mode() const { return m_mode; }
    const QList<ImportRow> &rows() const { return m_rows; }
    // Problems of the whole file, before any row: no column mapped to the name (for new deals)
    // or to the id (update by id), a field mapped twice. While there is one nothing is
    // importable: validCount(), createCount() and updateCount() are 0 and batch() is empty
    // (rows() still says what each row would be).
    const QStringList &problems() const { return m_problems; }
    // Rows that would be written: without errors, in a file without problems.
    int validCount() const;
    // Rows with errors.
    int invalidCount() const;
    int duplicateCount() const;
    // Of the valid rows, those that create a deal and those that change one.
    int createCount() const;
    int updateCount() const;
    // The valid rows as one batch: creates and edits of the fields each row sets.
    RecordBatch batch() const;
    // One line per problem: "line 7, value: not a number: 'abc'", file-wide problems first.
    QStringList report() const;
    // The name a problem gives its field: the API's snake_case, as the file's header and the
    // column pickers name it ("account_id"); a name no field has stays as it is.
    static QString fieldName(const FieldError &error);

private:
    bool importable(const ImportRow &row) const;

    Mode m_mode = Mode::CreateOnly;
    QList<ImportRow> m_rows;
    QStringList m_problems;
};
