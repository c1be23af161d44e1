#pragma once

#include "Opportunity.h"
#include "OpportunityField.h"

#include <QByteArray>
#include <QList>
#include <QLocale>

// Deals as CSV for a spreadsheet or a script: a header row with the API's field names
// (snake_case, e.g. "expected_close_date"), then one row per deal, through CsvWriter.
//
// Neutral style (the default): comma separated; dates ISO (2026-07-15); timestamps ISO 8601 in
// UTC (2026-05-20T10:30:00Z); values with a dot and two decimals, no thousands separators;
// stage ids (closed_won); currency codes; is_archived true/false; empty for a null.
// Locale style: what a spreadsheet in that locale opens without asking (Excel in German:
// `;` between fields, `,` in numbers, 15.07.2026): the separator is `;` where the locale's
// decimal point is a comma, numbers use the locale's decimal point (never group separators),
// dates the locale's numeric short form with a four-digit year.
// Text fields go through CsvWriter::guarded() in both styles.
class OpportunityCsv final
{
public:
    enum class Style
    {
        Neutral,
        Locale,
    };

    struct Options
    {
        // The columns, in order; by default every field of the response form.
        QList<OpportunityField> columns = OpportunityFieldNames::all();
        Style style = Style::Neutral;
        QLocale locale;
    };

    static QString text(const QList<Opportunity> &deals, const Options &options);
    static QString text(const QList<Opportunity> &deals) { return text(deals, Options{}); }
    // The file's bytes: UTF-8; in locale style with a byte order mark (Excel reads UTF-8 only
    // with one).
    static QByteArray bytes(const QList<Opportunity> &deals, const Options &options);
};
