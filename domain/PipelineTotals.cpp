#include "PipelineTotals.h"

#include "Money.h"

#include <QLocale>
#include <QStringList>
#include <cmath>

QString PipelineTotals::format(const QMap<QString, double> &perCurrency)
{
    QStringList parts;
    for (auto it = perCurrency.constBegin(); it != perCurrency.constEnd(); ++it)
        parts.append(formatMoney(std::round(it.value()), it.key()));
    return parts.isEmpty() ? QLocale().toString(0) : parts.join(QStringLiteral(" · "));
}
