#include "BudgetLowering.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStringList>

namespace {

// "61st", "62nd", "63rd", "64th", "111th": one sentence per ending for translators.
QString ordinal(int n)
{
    const QString number = QLocale().toString(n);
    const int lastTwo = n % 100;
    if (lastTwo < 11 || lastTwo > 13) {
        switch (n % 10) {
        case 1:
            return BudgetLowering::tr("%1st", "ordinal").arg(number);
        case 2:
            return BudgetLowering::tr("%1nd", "ordinal").arg(number);
        case 3:
            return BudgetLowering::tr("%1rd", "ordinal").arg(number);
        default:
            break;
        }
    }
    return BudgetLowering::tr("%1th", "ordinal").arg(number);
}

int positive(const QJsonObject &object, const QString &key)
{
    const int value = object.value(key).toInt(-1);
    return value > 0 ? value : 0;
}

} // namespace

RequestBudget BudgetLowering::applied() const
{
    RequestBudget budget = chosen;
    if (requestsPerHour > 0 &&
        (budget.requestsPerHour <= 0 || requestsPerHour < budget.requestsPerHour))
        budget.requestsPerHour = requestsPerHour;
    if (writesPerDay > 0 && (budget.writesPerDay <= 0 || writesPerDay < budget.writesPerDay))
        budget.writesPerDay = writesPerDay;
    return budget;
}

std::optional<BudgetLowering>
BudgetLowering::afterRefusal(const RequestBudget &current,
                             const std::optional<BudgetLowering> &earlier, Figure figure,
                             int counted)
{
    std::optional<BudgetLowering> lowering =
        earlier && earlier->appliesTo(current) ? earlier : std::nullopt;
    const RequestBudget inForce = lowering ? lowering->applied() : current;
    const int limit =
        figure == Figure::RequestsPerHour ? inForce.requestsPerHour : inForce.writesPerDay;
    // What the server let through before it refused, and at least one: a key that may send
    // nothing at all would stop kashew for good.
    const int shown = std::max(1, counted - 1);
    if (limit <= 0 || shown >= limit)
        return lowering;
    if (!lowering)
        lowering = BudgetLowering{current, 0, 0};
    (figure == Figure::RequestsPerHour ? lowering->requestsPerHour : lowering->writesPerDay) =
        shown;
    return lowering;
}

QString BudgetLowering::text() const
{
    const QLocale locale;
    QStringList parts;
    if (requestsPerHour > 0)
        parts.append(tr("lowered to %1 an hour after the server refused the %2")
                         .arg(locale.toString(requestsPerHour), ordinal(requestsPerHour + 1)));
    if (writesPerDay > 0)
        parts.append(tr("lowered to %1 writes a day after the server refused the %2")
                         .arg(locale.toString(writesPerDay), ordinal(writesPerDay + 1)));
    return parts.join(QStringLiteral("; "));
}

QByteArray BudgetLowering::toJson() const
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("plan"), RequestBudget::planName(chosen.plan)},
                           {QStringLiteral("planRequestsPerHour"), chosen.requestsPerHour},
                           {QStringLiteral("planWritesPerDay"), chosen.writesPerDay},
                           {QStringLiteral("requestsPerHour"), requestsPerHour},
                           {QStringLiteral("writesPerDay"), writesPerDay}})
        .toJson(QJsonDocument::Compact);
}

std::optional<BudgetLowering> BudgetLowering::fromJson(const QByteArray &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    const std::optional<RequestBudget::Plan> plan =
        RequestBudget::planNamed(object.value(QStringLiteral("plan")).toString());
    if (!plan)
        return std::nullopt;
    BudgetLowering lowering;
    lowering.chosen.plan = *plan;
    lowering.chosen.requestsPerHour = positive(object, QStringLiteral("planRequestsPerHour"));
    lowering.chosen.writesPerDay = positive(object, QStringLiteral("planWritesPerDay"));
    lowering.requestsPerHour = positive(object, QStringLiteral("requestsPerHour"));
    lowering.writesPerDay = positive(object, QStringLiteral("writesPerDay"));
    if (lowering.requestsPerHour == 0 && lowering.writesPerDay == 0)
        return std::nullopt;
    return lowering;
}
