#pragma once

#include <QCoreApplication>
#include <QString>
#include <optional>

class QSettings;
class QUrl;

// What the server lets one API key spend: requests an hour and writes a day. The hosted API
// has plans (free: 100 requests an hour and 50 writes a day; the largest 2,000 and 1,000) and
// says nothing of them in its answers, so the user picks the plan in Settings; kashew-server
// has no limit unless started with one. Kept in the profile's settings (budget/plan,
// budget/requestsPerHour, budget/writesPerDay), which `kashew` reads too.
struct RequestBudget
{
    Q_DECLARE_TR_FUNCTIONS(RequestBudget)

public:
    enum class Plan
    {
        Unlimited,
        Free,
        Largest,
        Custom,
    };

    Plan plan = Plan::Unlimited;
    // 0: no limit.
    int requestsPerHour = 0;
    int writesPerDay = 0;

    // The plan's name in settings ("free", "largest", ...), and the plan of a name.
    static QString planName(Plan plan);
    static std::optional<Plan> planNamed(const QString &name);
    // A plan's figures; Custom starts from the free plan's, the cautious guess.
    static RequestBudget forPlan(Plan plan);
    // Whether `server` is the hosted API, whose plans limit requests: kashew.ai or a subdomain.
    static bool isHostedServer(const QUrl &server);
    // The stored budget; with none stored, the free plan for the hosted API and no limit for
    // any other server.
    static RequestBudget read(const QSettings &settings, bool hostedServer);
    void write(QSettings &settings) const;

    bool limitsWrites() const { return writesPerDay > 0; }
    // Whole days of the write budget that `writes` requests take (200 at 50 a day: 4); 0
    // without a write limit or without writes.
    int daysFor(int writes) const;
    // "Free plan: 100 requests an hour, 50 writes a day", "No limit".
    QString label() const;

    friend bool operator==(const RequestBudget &a, const RequestBudget &b)
    {
        return a.plan == b.plan && a.requestsPerHour == b.requestsPerHour &&
               a.writesPerDay == b.writesPerDay;
    }
};
