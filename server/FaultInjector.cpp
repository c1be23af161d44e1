#include "FaultInjector.h"

FaultInjector::FaultInjector(const Plan &plan)
    : m_plan(plan)
    , m_random(plan.seed)
{}

bool FaultInjector::isActive() const
{
    return m_plan.errorRate > 0 || m_plan.cutRate > 0 || m_plan.delayRate > 0 ||
           m_plan.malformedRate > 0;
}

bool FaultInjector::draw(double rate)
{
    return rate > 0 && m_random.generateDouble() < rate;
}

bool FaultInjector::failBeforeHandling()
{
    return draw(m_plan.errorRate);
}

FaultInjector::Fault FaultInjector::responseFault()
{
    if (draw(m_plan.cutRate))
        return Fault::Cut;
    if (draw(m_plan.delayRate))
        return Fault::Delay;
    if (draw(m_plan.malformedRate))
        return Fault::Malformed;
    return Fault::None;
}
