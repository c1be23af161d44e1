#pragma once

#include <QDate>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

class QSettings;

// What one unit of a currency is worth in the base currency, as the user entered it, and when.
struct ExchangeRate
{
    double toBase = 0;
    QDate setOn;

    friend bool operator==(const ExchangeRate &a, const ExchangeRate &b)
    {
        return a.toBase == b.toBase && a.setOn == b.setOn;
    }
};

// The user's base currency and their rates to it, kept in the profile's settings. The app never
// invents a rate: an amount in a currency without one is not converted, and says so.
class CurrencyRates final
{
public:
    // Empty until the user chooses one.
    QString baseCurrency() const { return m_base; }
    // An ISO 4217 code (three capital letters); anything else is refused (false).
    bool setBaseCurrency(const QString &code);

    // 1 for the base currency itself; none for a currency without a rate.
    std::optional<double> rateToBase(const QString &currency) const;
    // A positive, finite rate for an ISO 4217 code other than the base; anything else is refused.
    bool setRate(const QString &currency, double toBase, const QDate &setOn);
    void removeRate(const QString &currency);
    // The rates entered, by currency (the base currency has none).
    QMap<QString, ExchangeRate> rates() const { return m_rates; }

    // `amount` of `currency` in the base currency; none without a rate.
    std::optional<double> toBase(double amount, const QString &currency) const;

    // Amounts per currency, summed in the base currency as far as the rates go.
    struct Converted
    {
        // The sum of what could be converted.
        double inBase = 0;
        // What could not, per currency: these need a rate.
        QMap<QString, double> unconverted;
        bool complete() const { return unconverted.isEmpty(); }
    };
    Converted toBase(const QMap<QString, double> &perCurrency) const;

    static bool isCurrencyCode(const QString &code);

    // From a profile's settings; unreadable entries are left out.
    static CurrencyRates read(const QSettings &settings);
    void write(QSettings &settings) const;

    friend bool operator==(const CurrencyRates &a, const CurrencyRates &b)
    {
        return a.m_base == b.m_base && a.m_rates == b.m_rates;
    }

private:
    QString m_base;
    QMap<QString, ExchangeRate> m_rates;
};
