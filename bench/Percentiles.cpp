#include "Percentiles.h"

#include <algorithm>

Percentiles Percentiles::of(QList<double> samples)
{
    Percentiles result;
    if (samples.isEmpty())
        return result;
    std::sort(samples.begin(), samples.end());
    result.p50 = samples.at(samples.size() / 2);
    result.p99 = samples.at(std::min<qsizetype>(samples.size() - 1, samples.size() * 99 / 100));
    return result;
}
