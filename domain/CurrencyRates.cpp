#include "CurrencyRates.h"

#include <QLocale>
#include <QSettings>
#include <algorithm>
#include <cmath>

namespace {
const QString baseKey = QStringLiteral("money/baseCurrency");
const QString ratesGroup = QStringLiteral("money/rates");
} // namespace

bool CurrencyRates::isCurrencyCode(const QString &code)
{
    return code.size() == 3 && std::all_of(code.cbegin(), code.cend(), [](QChar c) {
               return c >= QLatin1Char('A') && c <= QLatin1Char('Z');
           });
}

bool CurrencyRates::setBaseCurrency(const QString &code)
{
    if (!isCurrencyCode(code))
        return false;
    m_base = code;
    // A rate of the base to itself would be a second, possibly different, answer to "1".
    m_rates.remove(code);
    return true;
}

std::optional<double> CurrencyRates::rateToBase(const QString &currency) const
{
    if (!m_base.isEmpty() && currency == m_base)
        return 1.0;
    if (m_base.isEmpty())
        return std::nullopt;
    const auto it = m_rates.constFind(currency);
    if (it == m_rates.cend())
        return std::nullopt;
    return it->toBase;
}

bool CurrencyRates::setRate(const QString &currency, double toBase, const QDate &setOn)
{
    if (!isCurrencyCode(currency) || currency == m_base || !std::isfinite(toBase) || toBase <= 0 ||
        !setOn.isValid())
        return false;
    m_rates.insert(currency, {toBase, setOn});
    return true;
}

void CurrencyRates::removeRate(const QString &currency)
{
    m_rates.remove(currency);
}

std::optional<double> CurrencyRates::toBase(double amount, const QString &currency) const
{
    if (const auto rate = rateToBase(currency))
        return amount * *rate;
    return std::nullopt;
}

CurrencyRates::Converted CurrencyRates::toBase(const QMap<QString, double> &perCurrency) const
{
    Converted converted;
    for (auto it = perCurrency.cbegin(); it != perCurrency.cend(); ++it) {
        if (const auto inBase = toBase(it.value(), it.key()))
            converted.inBase += *inBase;
        else
            converted.unconverted.insert(it.key(), it.value());
    }
    return converted;
}

CurrencyRates CurrencyRates::read(const QSettings &settings)
{
    CurrencyRates rates;
    rates.setBaseCurrency(settings.value(baseKey).toString());
    // QSettings const offers no group walk: every key is read by its full name.
    const QString prefix = ratesGroup + QLatin1Char('/');
    for (const QString &key : settings.allKeys()) {
        if (!key.startsWith(prefix))
            continue;
        const QString currency = key.mid(prefix.size());
        // "1.0842 2026-11-30": the rate in C locale, then the day it was set.
        const QStringList parts =
            settings.value(key).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        bool ok = false;
        const double toBase = parts.value(0).toDouble(&ok);
        if (ok)
            rates.setRate(currency, toBase, QDate::fromString(parts.value(1), Qt::ISODate));
    }
    return rates;
}

void CurrencyRates::write(QSettings &settings) const
{
    settings.remove(baseKey);
    settings.remove(ratesGroup);
    if (!m_base.isEmpty())
        settings.setValue(baseKey, m_base);
    for (auto it = m_rates.cbegin(); it != m_rates.cend(); ++it)
        settings.setValue(ratesGroup + QLatin1Char('/') + it.key(),
                          QStringLiteral("%1 %2").arg(
                              QString::number(it->toBase, 'g', QLocale::FloatingPointShortest),
                              it->setOn.toString(Qt::ISODate)));
}
