#pragma once

#include <QString>
#include <optional>

// Issue 19's goals for bench_ui's figures at a count of deals: the table's at 100,000 (and
// below, where they are easier), the million's between 100,000 and 1,000,000 (cold start,
// keystrokes and memory; the others have none there), none beyond. Each is an upper bound.
struct UiGoals final
{
    // Which goals these are, for the table's heading.
    QString source;
    std::optional<double> coldStartMs;
    // Reading the cache into the model over the SQLite floor.
    std::optional<double> readRatio;
    std::optional<double> listKeyMedianMs;
    std::optional<double> listKeyWorstMs;
    std::optional<double> boardKeyWorstMs;
    std::optional<double> forecastKeyWorstMs;
    std::optional<double> moveWorstMs;
    std::optional<double> memoryMb;

    static UiGoals forCount(int count);
};
