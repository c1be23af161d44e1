#include "CliRates.h"

#include "CliCommands.h"
#include "CliOutput.h"
#include "CliRequest.h"
#include "CliSession.h"
#include "CurrencyRates.h"

#include <QSettings>

using CliOutput::err;
using CliOutput::out;

namespace {

// In the C locale, for scripts: "1.1612".
QString number(double rate)
{
    return QString::number(rate, 'g', QLocale::FloatingPointShortest);
}

CurrencyRates read(CliSession &session)
{
    return CurrencyRates::read(QSettings(session.profile().settingsPath(), QSettings::IniFormat));
}

int save(CliSession &session, const CurrencyRates &rates, const QString &done)
{
    QSettings settings(session.profile().settingsPath(), QSettings::IniFormat);
    rates.write(settings);
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        err() << "kashew: the settings file " << settings.fileName() << " could not be written\n";
        return CliCommands::Failed;
    }
    out() << done << "\n";
    return CliCommands::Ok;
}

} // namespace

namespace CliRates {

int list(CliSession &session, const CliRequest &)
{
    const CurrencyRates rates = read(session);
    const QString base = rates.baseCurrency();
    out() << "base "
          << (base.isEmpty() ? QStringLiteral("none ('kashew rates base CUR' chooses one)") : base)
          << "\n";
    const QString to = base.isEmpty() ? QStringLiteral("(base)") : base;
    QStringList currencies = rates.rates().keys();
    // The cache's currencies without a rate: their amounts are not converted.
    const auto records = session.store().opportunities();
    if (!records)
        return session.readFailure(records.error());
    for (const CachedOpportunity &record : *records) {
        const QString &currency = record.opportunity.currency;
        if (CurrencyRates::isCurrencyCode(currency) && currency != base &&
            !currencies.contains(currency))
            currencies.append(currency);
    }
    currencies.sort();
    for (const QString &currency : std::as_const(currencies)) {
        const auto rate = rates.rates().constFind(currency);
        if (rate == rates.rates().cend())
            out() << "1 " << currency << " = ? " << to << "  no rate\n";
        else
            out() << "1 " << currency << " = " << number(rate->toBase) << ' ' << to << "  set "
                  << rate->setOn.toString(Qt::ISODate) << "\n";
    }
    return CliCommands::Ok;
}

int base(CliSession &session, const CliRequest &request)
{
    CurrencyRates rates = read(session);
    const bool hadRates = !rates.rates().isEmpty();
    rates.setBaseCurrency(request.currency); // checked by the parser
    QString done = QStringLiteral("base ") + request.currency;
    if (hadRates && rates.baseCurrency() != read(session).baseCurrency())
        done += QStringLiteral(" (the rates are to the base currency: check them with 'kashew "
                               "rates')");
    return save(session, rates, done);
}

int set(CliSession &session, const CliRequest &request)
{
    CurrencyRates rates = read(session);
    const QString base = rates.baseCurrency();
    if (base.isEmpty())
        return CliOutput::usage(
            QStringLiteral("no base currency to convert to: 'kashew rates base CUR' first"));
    if (request.currency == base)
        return CliOutput::usage(
            QStringLiteral("CUR: %1 is the base currency; its rate is always 1").arg(base));
    // The day says how old a rate is: the same rate again keeps its day.
    const auto before = rates.rates().constFind(request.currency);
    const bool unchanged = before != rates.rates().cend() && before->toBase == request.rate;
    const QDate setOn = unchanged ? before->setOn : QDate::currentDate();
    rates.setRate(request.currency, request.rate, setOn);
    return save(
        session, rates,
        QStringLiteral("1 %1 = %2 %3  set %4")
            .arg(request.currency, number(request.rate), base, setOn.toString(Qt::ISODate)));
}

int remove(CliSession &session, const CliRequest &request)
{
    CurrencyRates rates = read(session);
    if (!rates.rates().contains(request.currency)) {
        err() << "kashew: CUR: " << request.currency << " has no rate\n";
        return CliCommands::NotFound;
    }
    rates.removeRate(request.currency);
    return save(session, rates, QStringLiteral("removed the rate of ") + request.currency);
}

} // namespace CliRates
