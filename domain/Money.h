#pragma once

#include <QString>

// An amount with its ISO 4217 code, in the user's locale: "50,000 USD", "1.234,50 EUR".
// Whole amounts show no decimals.
QString formatMoney(double amount, const QString &currency);

// The figures of an amount in the user's locale, with `decimals` decimals. Far beyond any real
// pipeline (a cache may hold what another server sent, 1e308 say) a short scientific form, and a
// sign for infinity, so that no amount can widen a label past the screen.
QString formatAmount(double amount, int decimals = 0);
