#pragma once

#include <QRandomGenerator>

// For testing clients against a misbehaving server: picks, per request, whether kashew-server
// answers 500 without doing the work, does the work and then cuts the connection mid-response,
// or does the work and holds the response back. Seeded, so a test run is repeatable.
class FaultInjector final
{
public:
    enum class Fault
    {
        None,
        Error,
        Cut,
        Delay,
        Malformed
    };

    struct Plan
    {
        double errorRate = 0;
        double cutRate = 0;
        double delayRate = 0;
        double malformedRate = 0;
        int delayMs = 0;
        quint32 seed = 1;
    };

    explicit FaultInjector(const Plan &plan);

    bool isActive() const;
    // Whether to fail this request before handling it.
    bool failBeforeHandling();
    // What to do to the response of a handled request.
    Fault responseFault();
    int delayMs() const { return m_plan.delayMs; }

private:
    bool draw(double rate);

    Plan m_plan;
    QRandomGenerator m_random;
};
