#include "CliForecast.h"

#include "CliCommands.h"
#include "CliOutput.h"
#include "CliRequest.h"
#include "CliSession.h"
#include "CurrencyRates.h"
#include "ForecastBuilder.h"
#include "Money.h"
#include "WinLossBuilder.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <algorithm>
#include <cmath>

using CliOutput::out;

namespace {

constexpr int maxMonths = 24;

QString monthText(const QDate &month)
{
    return month.toString(QStringLiteral("yyyy-MM"));
}

QString bucketLabel(const ForecastBucket &bucket)
{
    switch (bucket.kind) {
    case ForecastBucket::Kind::Overdue:
        return QStringLiteral("Overdue");
    case ForecastBucket::Kind::Month:
        return monthText(bucket.month);
    case ForecastBucket::Kind::Later:
        return QStringLiteral("Later");
    case ForecastBucket::Kind::NoDate:
        return QStringLiteral("No date");
    }
    return QString();
}

QString bucketKind(ForecastBucket::Kind kind)
{
    switch (kind) {
    case ForecastBucket::Kind::Overdue:
        return QStringLiteral("overdue");
    case ForecastBucket::Kind::Month:
        return QStringLiteral("month");
    case ForecastBucket::Kind::Later:
        return QStringLiteral("later");
    case ForecastBucket::Kind::NoDate:
        return QStringLiteral("no_date");
    }
    Q_UNREACHABLE();
}

QString groupingName(ForecastGrouping grouping)
{
    return grouping == ForecastGrouping::Stage ? QStringLiteral("stage") : QStringLiteral("owner");
}

// A series as a column head: the stage's id as `kashew list` prints it, or the owner's name.
QString seriesLabel(const Forecast &forecast, const QString &id, const PeopleBook &people)
{
    if (forecast.grouping == ForecastGrouping::Stage)
        return id;
    return id.isEmpty() ? QStringLiteral("no owner") : people.displayName(id);
}

// The name beside a series' id in JSON: the stage's, the owner's where known, else null.
QJsonValue seriesName(const Forecast &forecast, const QString &id, const PeopleBook &people)
{
    if (forecast.grouping == ForecastGrouping::Stage) {
        const auto stage = Stages::fromId(id);
        return stage ? QJsonValue(Stages::label(*stage)) : QJsonValue();
    }
    return people.hasName(id) ? QJsonValue(people.displayName(id)) : QJsonValue();
}

// A sum with the deals in it.
struct Figure
{
    double amount = 0;
    int count = 0;
};

// A series over every bucket: the table's Total row.
Figure seriesTotal(const Forecast &forecast, qsizetype series)
{
    Figure total;
    for (qsizetype b = 0; b < forecast.buckets.size(); ++b) {
        total.amount += forecast.amounts[series][b];
        total.count += forecast.counts[series][b];
    }
    return total;
}

// A bucket over every series: the table's Total column.
Figure bucketTotal(const Forecast &forecast, qsizetype bucket)
{
    Figure total{forecast.bucketTotal(bucket), 0};
    for (const QList<int> &counts : forecast.counts)
        total.count += counts[bucket];
    return total;
}

// A figure: "-" where no deal counts, so that a deal worth 0 still shows.
QString cell(double amount, int count, const QString &currency)
{
    return count == 0 ? QStringLiteral("-") : formatMoney(amount, currency);
}

QString percent(std::optional<double> rate)
{
    return rate ? QStringLiteral("%1%").arg(std::lround(*rate * 100)) : QStringLiteral("-");
}

QString deals(int count, const QString &kind = QString())
{
    const QString noun = count == 1 ? QStringLiteral("deal") : QStringLiteral("deals");
    return QStringLiteral("%1 %2").arg(count).arg(kind.isEmpty() ? noun : kind + u' ' + noun);
}

// Columns two spaces apart: the first (what a row is) to the left, the figures to the right.
void printTable(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        widths.resize(std::max(widths.size(), row.size()));
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    for (const QStringList &row : rows) {
        QString line = row.value(0).leftJustified(widths.value(0));
        for (qsizetype i = 1; i < row.size(); ++i)
            line += QStringLiteral("  ") + row[i].rightJustified(widths[i]);
        out() << line << "\n";
    }
}

// What to do about a currency left out: the rates it takes to convert `from` into `into`.
QString rateHint(const CurrencyRates &rates, const QString &from, const QString &into)
{
    if (rates.baseCurrency().isEmpty())
        return QStringLiteral("choose a base currency with kashew rates base CUR, then set rates "
                              "with kashew rates set CUR RATE");
    QStringList commands;
    for (const QString &code : {from, into}) {
        if (!code.isEmpty() && !rates.rateToBase(code))
            commands.append(QStringLiteral("kashew rates set %1 RATE").arg(code));
    }
    if (commands.isEmpty())
        return QStringLiteral("check them with kashew rates");
    return (commands.size() == 1 ? QStringLiteral("set one with ")
                                 : QStringLiteral("set them with ")) +
           commands.join(QStringLiteral(" and "));
}

void printForecast(const Forecast &forecast, const PeopleBook &people, const CurrencyRates &rates,
                   const QDate &today)
{
    const QString &currency = forecast.currency;
    out() << "Forecast by close month in "
          << (currency.isEmpty() ? QStringLiteral("(no deals)") : currency) << ", by "
          << groupingName(forecast.grouping) << ", "
          << (forecast.weighted ? "weighted by probability" : "full value") << "; today is "
          << today.toString(Qt::ISODate) << "\n";
    QStringList head{QStringLiteral("Close")};
    for (const QString &id : forecast.series)
        head.append(seriesLabel(forecast, id, people));
    head.append(QStringLiteral("Total"));
    QList<QStringList> rows{head};
    for (qsizetype b = 0; b < forecast.buckets.size(); ++b) {
        QStringList row{bucketLabel(forecast.buckets[b])};
        for (qsizetype s = 0; s < forecast.series.size(); ++s)
            row.append(cell(forecast.amounts[s][b], forecast.counts[s][b], currency));
        const Figure total = bucketTotal(forecast, b);
        row.append(cell(total.amount, total.count, currency));
        rows.append(row);
    }
    QStringList total{QStringLiteral("Total")};
    for (qsizetype s = 0; s < forecast.series.size(); ++s) {
        const Figure figure = seriesTotal(forecast, s);
        total.append(cell(figure.amount, figure.count, currency));
    }
    total.append(cell(forecast.total(), forecast.dealCount(), currency));
    rows.append(total);
    printTable(rows);
    for (auto it = forecast.unconverted.cbegin(); it != forecast.unconverted.cend(); ++it)
        out() << it.key() << ": " << deals(it->count) << ", " << formatMoney(it->amount, it.key())
              << " left out: no rate to " << currency << "; " << rateHint(rates, it.key(), currency)
              << "\n";
}

void printWinLoss(const WinLoss &winLoss, const CurrencyRates &rates)
{
    const QString &currency = winLoss.currency;
    out() << "Won and lost by month of their last change, in "
          << (currency.isEmpty() ? QStringLiteral("(no deals)") : currency) << "\n";
    QList<QStringList> rows{{QStringLiteral("Month"), QStringLiteral("Won"),
                             QStringLiteral("Won value"), QStringLiteral("Lost"),
                             QStringLiteral("Lost value"), QStringLiteral("Win rate")}};
    WinLoss::Month all;
    for (const WinLoss::Month &month : winLoss.months) {
        rows.append({monthText(month.month), QString::number(month.wonCount),
                     cell(month.wonAmount, month.wonCount, currency),
                     QString::number(month.lostCount),
                     cell(month.lostAmount, month.lostCount, currency), percent(month.winRate())});
        all.wonCount += month.wonCount;
        all.wonAmount += month.wonAmount;
        all.lostCount += month.lostCount;
        all.lostAmount += month.lostAmount;
    }
    rows.append({QStringLiteral("Total"), QString::number(all.wonCount),
                 cell(all.wonAmount, all.wonCount, currency), QString::number(all.lostCount),
                 cell(all.lostAmount, all.lostCount, currency), percent(winLoss.winRate())});
    printTable(rows);
    for (auto it = winLoss.unconvertedCounts.cbegin(); it != winLoss.unconvertedCounts.cend(); ++it)
        out() << it.key() << ": " << deals(it.value(), QStringLiteral("closed")) << " counted, "
              << (it.value() == 1 ? "its amount" : "their amounts") << " left out: no rate to "
              << currency << "; " << rateHint(rates, it.key(), currency) << "\n";
}

QJsonValue nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonObject forecastJson(const Forecast &forecast, const PeopleBook &people)
{
    QJsonArray series;
    for (qsizetype s = 0; s < forecast.series.size(); ++s) {
        const QString &id = forecast.series[s];
        const Figure total = seriesTotal(forecast, s);
        series.append(QJsonObject{{QStringLiteral("id"), id},
                                  {QStringLiteral("name"), seriesName(forecast, id, people)},
                                  {QStringLiteral("amount"), total.amount},
                                  {QStringLiteral("count"), total.count}});
    }
    QJsonArray buckets;
    for (qsizetype b = 0; b < forecast.buckets.size(); ++b) {
        const ForecastBucket &bucket = forecast.buckets[b];
        QJsonArray amounts;
        QJsonArray counts;
        for (qsizetype s = 0; s < forecast.series.size(); ++s) {
            amounts.append(forecast.amounts[s][b]);
            counts.append(forecast.counts[s][b]);
        }
        const Figure total = bucketTotal(forecast, b);
        QJsonObject object{{QStringLiteral("bucket"), bucketKind(bucket.kind)},
                           {QStringLiteral("amounts"), amounts},
                           {QStringLiteral("counts"), counts},
                           {QStringLiteral("amount"), total.amount},
                           {QStringLiteral("count"), total.count}};
        // A month's own; for Later the first month after those shown.
        if (bucket.kind == ForecastBucket::Kind::Month)
            object.insert(QStringLiteral("month"), monthText(bucket.month));
        else if (bucket.kind == ForecastBucket::Kind::Later)
            object.insert(QStringLiteral("from"), monthText(bucket.month));
        buckets.append(object);
    }
    QJsonArray unconverted;
    for (auto it = forecast.unconverted.cbegin(); it != forecast.unconverted.cend(); ++it)
        unconverted.append(QJsonObject{{QStringLiteral("currency"), it.key()},
                                       {QStringLiteral("count"), it->count},
                                       {QStringLiteral("amount"), it->amount}});
    return {{QStringLiteral("currency"), nullIfEmpty(forecast.currency)},
            {QStringLiteral("weighted"), forecast.weighted},
            {QStringLiteral("by"), groupingName(forecast.grouping)},
            {QStringLiteral("series"), series},
            {QStringLiteral("buckets"), buckets},
            {QStringLiteral("amount"), forecast.total()},
            {QStringLiteral("count"), forecast.dealCount()},
            {QStringLiteral("unconverted"), unconverted}};
}

QJsonValue rateJson(std::optional<double> rate)
{
    return rate ? QJsonValue(*rate) : QJsonValue();
}

QJsonObject winLossJson(const WinLoss &winLoss)
{
    QJsonArray months;
    for (const WinLoss::Month &month : winLoss.months)
        months.append(QJsonObject{{QStringLiteral("month"), monthText(month.month)},
                                  {QStringLiteral("won_count"), month.wonCount},
                                  {QStringLiteral("won_amount"), month.wonAmount},
                                  {QStringLiteral("lost_count"), month.lostCount},
                                  {QStringLiteral("lost_amount"), month.lostAmount},
                                  {QStringLiteral("win_rate"), rateJson(month.winRate())}});
    QJsonArray unconverted;
    for (auto it = winLoss.unconvertedCounts.cbegin(); it != winLoss.unconvertedCounts.cend(); ++it)
        unconverted.append(QJsonObject{{QStringLiteral("currency"), it.key()},
                                       {QStringLiteral("count"), it.value()}});
    return {{QStringLiteral("currency"), nullIfEmpty(winLoss.currency)},
            {QStringLiteral("months"), months},
            {QStringLiteral("win_rate"), rateJson(winLoss.winRate())},
            {QStringLiteral("unconverted"), unconverted}};
}

} // namespace

namespace CliForecast {

Result<ForecastOptions> readOptions(const QCommandLineParser &parser)
{
    ForecastOptions options;
    if (parser.isSet(QStringLiteral("months"))) {
        const QString text = parser.value(QStringLiteral("months"));
        bool ok = false;
        const int months = text.toInt(&ok);
        if (!ok || months < 1 || months > maxMonths)
            return Failure{QStringLiteral("--months: '%1' is not a number of months from 1 to %2")
                               .arg(text)
                               .arg(maxMonths)};
        options.months = months;
    }
    if (parser.isSet(QStringLiteral("by"))) {
        const QString by = parser.value(QStringLiteral("by"));
        if (by == QLatin1String("owner"))
            options.grouping = ForecastGrouping::Owner;
        else if (by != QLatin1String("stage"))
            return Failure{QStringLiteral("--by: '%1' is neither stage nor owner").arg(by)};
    }
    options.weighted = parser.isSet(QStringLiteral("weighted"));
    if (parser.isSet(QStringLiteral("currency"))) {
        const QString text = parser.value(QStringLiteral("currency"));
        options.currency = text.toUpper();
        if (!CurrencyRates::isCurrencyCode(options.currency))
            return Failure{QStringLiteral("--currency: '%1' is not a currency code (three "
                                          "letters, such as EUR)")
                               .arg(text)};
    }
    return options;
}

int run(CliSession &session, const CliRequest &request)
{
    const auto deals = session.deals();
    if (!deals)
        return session.readFailure(deals.error());
    const CurrencyRates rates =
        CurrencyRates::read(QSettings(session.profile().settingsPath(), QSettings::IniFormat));
    const QDate today = QDate::currentDate();
    const ForecastOptions &options = request.forecast;
    // Every cached deal goes in: the builders leave out what their charts do.
    ForecastBuilder forecastBuilder(options, today);
    WinLossBuilder winLossBuilder(options.months, options.currency, today);
    for (const CachedOpportunity &record : deals->records) {
        forecastBuilder.add(record.opportunity);
        winLossBuilder.add(record.opportunity);
    }
    const Forecast forecast = forecastBuilder.result(rates);
    const WinLoss winLoss = winLossBuilder.result(rates);
    if (request.json) {
        QJsonObject object = forecastJson(forecast, deals->people);
        object.insert(QStringLiteral("today"), today.toString(Qt::ISODate));
        object.insert(QStringLiteral("months"), options.months);
        object.insert(QStringLiteral("win_loss"), winLossJson(winLoss));
        out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return CliCommands::Ok;
    }
    printForecast(forecast, deals->people, rates, today);
    out() << "\n";
    printWinLoss(winLoss, rates);
    return CliCommands::Ok;
}

} // namespace CliForecast
