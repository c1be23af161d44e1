#include "PipelineSummaryText.h"

#include "Money.h"

#include <QLocale>
#include <cmath>

namespace {

const QString separator = QStringLiteral(" · ");

// Whole units on the line; + 0.0 turns a rounded -0 into 0.
QString whole(double amount, const QString &currency)
{
    const double rounded = std::round(amount) + 0.0;
    return currency.isEmpty() ? formatAmount(rounded) : formatMoney(rounded, currency);
}

} // namespace

QStringList PipelineSummaryText::currencies(const PipelineSummary &summary)
{
    QStringList codes = summary.open.value.keys();
    for (const QString &code : summary.won.value.keys()) {
        if (!codes.contains(code))
            codes.append(code);
    }
    codes.sort();
    return codes;
}

QStringList PipelineSummaryText::missingRates(const PipelineSummary &summary)
{
    if (summary.rates.baseCurrency().isEmpty())
        return {};
    QStringList missing;
    for (const QString &code : currencies(summary)) {
        if (!summary.rates.rateToBase(code))
            missing.append(code);
    }
    return missing;
}

QString PipelineSummaryText::line(const PipelineSummary &summary)
{
    const CurrencyRates &rates = summary.rates;
    const QStringList inView = currencies(summary);
    // What a zero is shown in: the base, else the one currency in view.
    const QString zeroCurrency = !rates.baseCurrency().isEmpty() ? rates.baseCurrency()
                                 : inView.size() == 1            ? inView.first()
                                                                 : QString();
    const auto figure = [&](const QMap<QString, double> &perCurrency) {
        QStringList parts;
        QMap<QString, double> separate = perCurrency;
        if (!rates.baseCurrency().isEmpty()) {
            const CurrencyRates::Converted converted = rates.toBase(perCurrency);
            if (converted.unconverted.size() < perCurrency.size())
                parts.append(whole(converted.inBase, rates.baseCurrency()));
            separate = converted.unconverted;
        }
        for (auto it = separate.cbegin(); it != separate.cend(); ++it)
            parts.append(whole(it.value(), it.key()));
        return parts.isEmpty() ? whole(0, zeroCurrency) : parts.join(QStringLiteral(" + "));
    };
    const QLocale locale;
    QStringList parts{summary.count == 1 ? tr("1 deal")
                                         : tr("%1 deals").arg(locale.toString(summary.count)),
                      tr("open %1").arg(figure(summary.open.value)),
                      tr("weighted %1").arg(figure(summary.open.weighted)),
                      tr("won %1").arg(figure(summary.won.value))};
    if (rates.baseCurrency().isEmpty() && inView.size() > 1)
        parts.append(tr("choose a base currency in Settings"));
    if (const QStringList missing = missingRates(summary); !missing.isEmpty())
        parts.append(tr("no rate for %1").arg(missing.join(QStringLiteral(", "))));
    return parts.join(separator);
}

QString PipelineSummaryText::details(const PipelineSummary &summary)
{
    const QLocale locale;
    const auto deals = [&](int count) {
        return count == 1 ? tr("1 deal") : tr("%1 deals").arg(locale.toString(count));
    };
    const int lost = summary.count - summary.open.count - summary.won.count;
    QStringList lines;
    lines.append(tr("%1: %2 open, %3 won, %4 closed lost")
                     .arg(deals(summary.count), locale.toString(summary.open.count),
                          locale.toString(summary.won.count), locale.toString(lost)));
    lines.append(tr("Open (prospecting to negotiation), %1:").arg(deals(summary.open.count)));
    for (auto it = summary.open.value.cbegin(); it != summary.open.value.cend(); ++it)
        lines.append(QStringLiteral("    ") +
                     tr("%1, weighted %2")
                         .arg(formatMoney(it.value(), it.key()),
                              formatMoney(summary.open.weighted.value(it.key()), it.key())));
    lines.append(tr("Won, %1:").arg(deals(summary.won.count)));
    for (auto it = summary.won.value.cbegin(); it != summary.won.value.cend(); ++it)
        lines.append(QStringLiteral("    ") + formatMoney(it.value(), it.key()));

    const CurrencyRates &rates = summary.rates;
    const QString base = rates.baseCurrency();
    const QStringList inView = currencies(summary);
    if (base.isEmpty()) {
        if (inView.size() > 1)
            lines.append(tr("No base currency: choose one in Settings to add the currencies up."));
        return lines.join(QLatin1Char('\n'));
    }
    QStringList used;
    for (const QString &code : inView) {
        const auto rate = rates.rates().constFind(code);
        if (rate != rates.rates().cend())
            used.append(QStringLiteral("    ") +
                        tr("1 %1 = %2 %3, set %4")
                            .arg(code,
                                 locale.toString(rate->toBase, 'g', QLocale::FloatingPointShortest),
                                 base, locale.toString(rate->setOn, QLocale::ShortFormat)));
    }
    if (!used.isEmpty()) {
        lines.append(tr("In %1 at these rates:").arg(base));
        lines.append(used);
    }
    if (const QStringList missing = missingRates(summary); !missing.isEmpty())
        lines.append(tr("No rate for %1: not added into the %2 figures.")
                         .arg(missing.join(QStringLiteral(", ")), base));
    return lines.join(QLatin1Char('\n'));
}
