#pragma once

#include "Account.h"
#include "Opportunity.h"
#include "OpportunityUpdate.h"

#include <QDateTime>
#include <QString>
#include <QVariant>

class QSqlQuery;

// How kashew-server's rows map to records: the column lists, reading a row, binding a record, for
// the store and its demo loader alike.
namespace ServerRows {

QString timestampText(const QDateTime &time);
QDateTime timestampFrom(const QVariant &value);
// The columns opportunityFromRow() reads, in its order (the table named "o").
extern const QString opportunityColumns;
Opportunity opportunityFromRow(const QSqlQuery &query);
// The columns accountFromRow() reads, in its order.
extern const QString accountColumns;
Account accountFromRow(const QSqlQuery &query);
extern const QString insertOpportunitySql;
void bindOpportunity(QSqlQuery &query, const Opportunity &o);
extern const QString insertAccountSql;
void bindAccount(QSqlQuery &query, const Account &a);
extern const QString insertUpdateSql;
void bindUpdate(QSqlQuery &query, const QString &opportunityId, const OpportunityUpdate &update);

} // namespace ServerRows
