#pragma once

#include "OpportunityField.h"
#include "Result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <optional>

// Which field of a deal each column of an imported file fills.
//
// Importable fields: id (update by id), name, account_id (an account's id, or its name: the
// import looks names up), account_name (looked up the same way), lead_id, value, currency,
// stage, probability, expected_close_date, description, owner_id (a person's id or shown name),
// is_archived. created_at and updated_at are the server's: never mapped.
class ImportMapping final
{
    Q_DECLARE_TR_FUNCTIONS(ImportMapping)

public:
    // A column per header field, guessed from its text, case and accents aside: the API's
    // names in either spelling (expected_close_date, expectedCloseDate), what kashew's own
    // list shows in English and German, and the usual spreadsheet words in both languages
    // (Deal/Opportunity/Verkaufschance, Account/Company/Kunde/Firma, Amount/Wert/Betrag,
    // Stage/Phase, Close date/Abschlussdatum, Owner/Zuständig/Verantwortlich, ...). A field is
    // given to its first column only; a header it cannot place stays unmapped.
    static ImportMapping guess(const QStringList &header);

    // `--map col=field`: `column` is a header's text or a 1-based column number, `field` an
    // importable field's name in either spelling, or empty to leave the column out.
    Status set(const QStringList &header, const QString &column, const QString &field);

    // The field a column fills; unset: the column is not imported.
    std::optional<OpportunityField> field(int column) const;
    void setField(int column, std::optional<OpportunityField> field);
    int columnCount() const { return static_cast<int>(m_fields.size()); }
    // The column that fills `field`, or -1.
    int columnOf(OpportunityField field) const;

    // The fields a user may map a column to, in the order a picker lists them.
    static QList<OpportunityField> importable();

    friend bool operator==(const ImportMapping &a, const ImportMapping &b)
    {
        return a.m_fields == b.m_fields;
    }

private:
    QList<std::optional<OpportunityField>> m_fields;
};
