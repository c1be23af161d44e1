#include "RequestBudget.h"

#include <QLocale>
#include <QSettings>
#include <QUrl>
#include <optional>

namespace {

const QString planKey = QStringLiteral("budget/plan");
const QString requestsKey = QStringLiteral("budget/requestsPerHour");
const QString writesKey = QStringLiteral("budget/writesPerDay");

// Far above any plan: a typo of extra digits is still a number the server would allow.
constexpr int maxFigure = 10000000;

// A stored figure, or `fallback` when it is missing or no count.
int figure(const QSettings &settings, const QString &key, int fallback)
{
    bool ok = false;
    const int value = settings.value(key).toInt(&ok);
    return ok && value >= 0 && value <= maxFigure ? value : fallback;
}

} // namespace

QString RequestBudget::planName(Plan plan)
{
    switch (plan) {
    case Plan::Free:
        return QStringLiteral("free");
    case Plan::Largest:
        return QStringLiteral("largest");
    case Plan::Custom:
        return QStringLiteral("custom");
    case Plan::Unlimited:
        break;
    }
    return QStringLiteral("unlimited");
}

std::optional<RequestBudget::Plan> RequestBudget::planNamed(const QString &name)
{
    for (Plan plan : {Plan::Unlimited, Plan::Free, Plan::Largest, Plan::Custom}) {
        if (planName(plan) == name)
            return plan;
    }
    return std::nullopt;
}

RequestBudget RequestBudget::forPlan(Plan plan)
{
    RequestBudget budget;
    budget.plan = plan;
    switch (plan) {
    case Plan::Free:
    case Plan::Custom:
        budget.requestsPerHour = 100;
        budget.writesPerDay = 50;
        break;
    case Plan::Largest:
        budget.requestsPerHour = 2000;
        budget.writesPerDay = 1000;
        break;
    case Plan::Unlimited:
        break;
    }
    return budget;
}

bool RequestBudget::isHostedServer(const QUrl &server)
{
    const QString host = server.host().toLower();
    return host == QLatin1String("kashew.ai") || host.endsWith(QLatin1String(".kashew.ai"));
}

RequestBudget RequestBudget::read(const QSettings &settings, bool hostedServer)
{
    const std::optional<Plan> plan = planNamed(settings.value(planKey).toString());
    if (!plan)
        return forPlan(hostedServer ? Plan::Free : Plan::Unlimited);
    RequestBudget budget = forPlan(*plan);
    // A named plan's figures are the plan's; only a custom one keeps its own.
    if (*plan == Plan::Custom) {
        budget.requestsPerHour = figure(settings, requestsKey, budget.requestsPerHour);
        budget.writesPerDay = figure(settings, writesKey, budget.writesPerDay);
    }
    return budget;
}

void RequestBudget::write(QSettings &settings) const
{
    settings.setValue(planKey, planName(plan));
    settings.setValue(requestsKey, requestsPerHour);
    settings.setValue(writesKey, writesPerDay);
}

int RequestBudget::daysFor(int writes) const
{
    if (writesPerDay <= 0 || writes <= 0)
        return 0;
    return (writes + writesPerDay - 1) / writesPerDay;
}

QString RequestBudget::label() const
{
    if (requestsPerHour <= 0 && writesPerDay <= 0)
        return tr("No limit");
    const QLocale locale;
    const QString requests = requestsPerHour > 0
                                 ? tr("%1 requests an hour").arg(locale.toString(requestsPerHour))
                                 : tr("any number of requests");
    const QString writes = writesPerDay > 0
                               ? tr("%1 writes a day").arg(locale.toString(writesPerDay))
                               : tr("any number of writes");
    switch (plan) {
    case Plan::Free:
        return tr("Free plan: %1, %2").arg(requests, writes);
    case Plan::Largest:
        return tr("Largest plan: %1, %2").arg(requests, writes);
    case Plan::Custom:
    case Plan::Unlimited:
        break;
    }
    return tr("Custom: %1, %2").arg(requests, writes);
}
