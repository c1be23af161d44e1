#include "Money.h"

#include <QLocale>
#include <cmath>

QString formatMoney(double amount, const QString &currency)
{
    const int decimals = amount == std::floor(amount) ? 0 : 2;
    // A no-break space keeps the code with its amount when a cell or label wraps.
    return QLocale().toString(amount, 'f', decimals) + QChar(0x00a0) + currency;
}
