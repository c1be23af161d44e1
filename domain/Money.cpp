#include "Money.h"

#include <QLocale>
#include <cmath>

namespace {

// Past this an amount is no pipeline figure (totals of deals at the API's maximum, 10^15, stay
// below it): shown short, since its digits would only widen the window.
constexpr double largestExact = 1e18;

} // namespace

QString formatAmount(double amount, int decimals)
{
    const QLocale locale;
    if (std::isnan(amount))
        return QStringLiteral("?");
    if (std::isinf(amount))
        return amount > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    if (std::abs(amount) >= largestExact)
        return locale.toString(amount, 'e', 2);
    return locale.toString(amount, 'f', decimals);
}

QString formatMoney(double amount, const QString &currency)
{
    const int decimals = amount == std::floor(amount) ? 0 : 2;
    // A no-break space keeps the code with its amount when a cell or label wraps.
    return formatAmount(amount, decimals) + QChar(0x00a0) + currency;
}
