#pragma once

#include <Qt>

// Every item role the opportunity models answer, beyond Qt's own. One place, so that the list,
// the board, the delegates and the tests ask for the same thing by the same name.
namespace ItemRoles {
enum Role
{
    // QString: the record's id.
    Id = Qt::UserRole + 1,
    // QVariant<Opportunity>: the whole record.
    OpportunityRole,
    // int (Stage): the pipeline stage.
    StageRole,
    // double: the value, in its currency.
    ValueRole,
    // QString: the ISO 4217 currency code.
    CurrencyRole,
    // double: value × probability / 100.
    WeightedValueRole,
    // QDate: the expected close date (null when none).
    CloseDateRole,
    // bool: an open deal whose expected close date has passed.
    OverdueRole,
    // bool: an open deal gone without a change for longer than its stage allows (StaleRule).
    StaleRole,
    // int: whole local days since the last change; null without a time.
    DaysWithoutChangeRole,
    // int (SyncState): where the record stands with the server.
    SyncStateRole,
    // QString: why the last push failed, or what the conflict is about.
    SyncErrorRole,
    // bool: the record is archived.
    ArchivedRole,
    // QString: the account id.
    AccountIdRole,
    // QString: the owner id.
    OwnerIdRole,
    // QString: the name, case-folded, for filtering as the server does.
    FoldedNameRole,
    // Sort key of a column: numbers and dates as themselves, text case-insensitively, amounts
    // as a MoneySortKey (converted to the base currency where a rate allows).
    SortRole,
    // int (ImportPreviewModel::RowState): a previewed import row is valid, invalid or a likely
    // duplicate.
    ImportRowStateRole,
    // QStringList: what is wrong with a previewed import row, one "field: reason" per problem.
    ImportProblemsRole,
    // Header of an import preview's column: the field it fills (quint32 OpportunityField), null
    // when the column is not imported.
    ImportFieldRole,
};
} // namespace ItemRoles
