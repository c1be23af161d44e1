#pragma once

#include <QString>

// An amount with its ISO 4217 code, in the user's locale: "50,000 USD", "1.234,50 EUR".
// Whole amounts show no decimals.
QString formatMoney(double amount, const QString &currency);
