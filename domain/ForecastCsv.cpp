#include "ForecastCsv.h"

#include "CsvWriter.h"
#include "Stage.h"

#include <QStringList>

namespace {

const QString lineEnd = QStringLiteral("\r\n");

QString amountField(double amount)
{
    // + 0.0: a rounded -0 is written as 0.
    return QString::number(amount + 0.0, 'f', 2);
}

// A field from outside (a name, an id, a code), kept from running as a formula.
QString textField(const QString &text)
{
    return CsvWriter::field(CsvWriter::guarded(text));
}

QString row(const QStringList &fields)
{
    return fields.join(QLatin1Char(',')) + lineEnd;
}

QString seriesName(const Forecast &forecast, const QString &series, const PeopleBook &people)
{
    if (forecast.grouping == ForecastGrouping::Stage) {
        const std::optional<Stage> stage = Stages::fromId(series);
        return stage ? Stages::label(*stage) : series;
    }
    return series.isEmpty() ? ForecastCsv::tr("No owner") : people.displayName(series);
}

} // namespace

QString ForecastCsv::bucketName(const ForecastBucket &bucket)
{
    switch (bucket.kind) {
    case ForecastBucket::Kind::Overdue:
        return QStringLiteral("overdue");
    case ForecastBucket::Kind::Month:
        return bucket.month.toString(QStringLiteral("yyyy-MM"));
    case ForecastBucket::Kind::Later:
        return QStringLiteral("later");
    case ForecastBucket::Kind::NoDate:
        return QStringLiteral("no_date");
    }
    return QString();
}

QString ForecastCsv::forecastTable(const Forecast &forecast, const PeopleBook &people)
{
    QString text =
        row({QStringLiteral("series"), QStringLiteral("name"), QStringLiteral("bucket"),
             QStringLiteral("currency"),
             forecast.weighted ? QStringLiteral("weighted_amount") : QStringLiteral("amount"),
             QStringLiteral("count")});
    const QString currency = textField(forecast.currency);
    for (qsizetype s = 0; s < forecast.series.size(); ++s) {
        const QString &series = forecast.series.at(s);
        const QString name = textField(seriesName(forecast, series, people));
        for (qsizetype b = 0; b < forecast.buckets.size(); ++b) {
            text += row({textField(series), name, bucketName(forecast.buckets.at(b)), currency,
                         amountField(forecast.amounts.value(s).value(b)),
                         QString::number(forecast.counts.value(s).value(b))});
        }
    }
    return text;
}

QString ForecastCsv::winLossTable(const WinLoss &winLoss)
{
    QString text =
        row({QStringLiteral("month"), QStringLiteral("currency"), QStringLiteral("won_count"),
             QStringLiteral("won_amount"), QStringLiteral("lost_count"),
             QStringLiteral("lost_amount"), QStringLiteral("win_rate")});
    const QString currency = textField(winLoss.currency);
    const auto rate = [](std::optional<double> value) {
        return value ? QString::number(*value, 'f', 4) : QString();
    };
    WinLoss::Month total;
    for (const WinLoss::Month &month : winLoss.months) {
        text += row({month.month.toString(QStringLiteral("yyyy-MM")), currency,
                     QString::number(month.wonCount), amountField(month.wonAmount),
                     QString::number(month.lostCount), amountField(month.lostAmount),
                     rate(month.winRate())});
        total.wonCount += month.wonCount;
        total.wonAmount += month.wonAmount;
        total.lostCount += month.lostCount;
        total.lostAmount += month.lostAmount;
    }
    text += row({QStringLiteral("total"), currency, QString::number(total.wonCount),
                 amountField(total.wonAmount), QString::number(total.lostCount),
                 amountField(total.lostAmount), rate(total.winRate())});
    return text;
}

QString ForecastCsv::text(const Forecast &forecast, const WinLoss &winLoss,
                          const PeopleBook &people)
{
    QString text = forecastTable(forecast, people) + lineEnd + winLossTable(winLoss);
    if (forecast.unconverted.isEmpty())
        return text;
    text += lineEnd + row({QStringLiteral("left_out_currency"), QStringLiteral("count"),
                           QStringLiteral("amount")});
    for (auto it = forecast.unconverted.cbegin(); it != forecast.unconverted.cend(); ++it) {
        text += row({textField(it.key()), QString::number(it.value().count),
                     amountField(it.value().amount)});
    }
    return text;
}
