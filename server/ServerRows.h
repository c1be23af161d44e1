#pragma once

#include "Account.h"
#include "Opportunity.h"
#include "OpportunityUpdate.h"

#include <QJsonObject>
#include <QString>

class QSqlQuery;

// How kashew-server's rows map to records, for the store and its demo loader alike. The
// opportunity columns come from the shared OpportunityColumns table; the server adds seq,
// name_folded and version around them and reads the account's name from a join ("a").
namespace ServerRows {

// The columns opportunityFromRow() reads (the table named "o", its account "a"), then version.
extern const QString opportunitySelect;
// The same columns from "opportunities o" alone: NULL in the account name's place (the SQLite
// listing writes names from a map of its own, see OpportunityListing).
extern const QString opportunitySelectWithoutAccount;
// The column after the record's in opportunitySelect.
extern const int versionColumn;
Opportunity opportunityFromRow(const QSqlQuery &query);
// Every stored column, bound by bindOpportunity(); a new record's version is 1.
extern const QString insertOpportunitySql;
// Every stored column but id by id, and :version.
extern const QString updateOpportunitySql;
void bindOpportunity(QSqlQuery &query, const Opportunity &o);
// The same columns and values as one JSON object per record (keys: opportunityRecordColumns),
// for bulk loads that send many rows as one JSON array (PostgreSQL's json_populate_recordset).
extern const QString opportunityRecordColumns;
QJsonObject opportunityRecord(const Opportunity &o);

// The columns accountFromRow() reads, in its order.
extern const QString accountColumns;
Account accountFromRow(const QSqlQuery &query);
extern const QString insertAccountSql;
void bindAccount(QSqlQuery &query, const Account &a);

extern const QString insertUpdateSql;
void bindUpdate(QSqlQuery &query, const QString &opportunityId, const OpportunityUpdate &update);
extern const QString updateRecordColumns;
QJsonObject updateRecord(const QString &opportunityId, const OpportunityUpdate &update);

} // namespace ServerRows
