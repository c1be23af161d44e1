#include "RateLimiter.h"

#include <algorithm>

namespace {
constexpr qint64 dayMs = 24 * 60 * 60 * 1000;
} // namespace

RateLimiter::RateLimiter(int requestsPerHour, int writesPerDay, int requestWindowSeconds)
    : m_requestsPerHour(requestsPerHour)
    , m_writesPerDay(writesPerDay)
    , m_requestWindowMs(qint64(requestWindowSeconds) * 1000)
{}

int RateLimiter::waitSeconds(Window &window, int budget, qint64 windowMs, qint64 nowMs)
{
    while (!window.empty() && window.front() <= nowMs - windowMs)
        window.pop_front();
    if (budget <= 0 || static_cast<int>(window.size()) < budget)
        return 0;
    const qint64 freeAtMs = window.front() + windowMs;
    return static_cast<int>(std::max<qint64>(1, (freeAtMs - nowMs + 999) / 1000));
}

int RateLimiter::admit(const QString &principal, bool isWrite, qint64 nowMs)
{
    Window &requests = m_requests[principal];
    int wait = waitSeconds(requests, m_requestsPerHour, m_requestWindowMs, nowMs);
    Window *writes = nullptr;
    if (isWrite) {
        writes = &m_writes[principal];
        wait = std::max(wait, waitSeconds(*writes, m_writesPerDay, dayMs, nowMs));
    }
    if (wait > 0)
        return wait;
    if (m_requestsPerHour > 0)
        requests.push_back(nowMs);
    if (writes && m_writesPerDay > 0)
        writes->push_back(nowMs);
    return 0;
}
