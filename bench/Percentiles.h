#pragma once

#include <QList>

// The median and 99th percentile of a run's latencies (nearest rank), as every benchmark states
// them.
struct Percentiles final
{
    double p50 = 0;
    double p99 = 0;

    // `samples` in any order; zeros when there are none.
    static Percentiles of(QList<double> samples);
};
