#pragma once

#include "OpportunityRow.h"

#include <QList>

// A small, known pipeline for model, proxy and window tests: names, stages, accounts, owners,
// currencies, dates and archived flags chosen so that each filter keeps a different set.
namespace SampleRows {

QList<OpportunityRow> make();
// The id of sample row n (1 to 7), or of further test rows numbered on from there.
QString id(int n);
// The fixed "today" those rows' overdue dates are measured against.
QDate today();

} // namespace SampleRows
