#include "UiGoals.h"

UiGoals UiGoals::forCount(int count)
{
    UiGoals goals;
    if (count <= 100000) {
        goals.source = count == 100000
                           ? QStringLiteral("issue 19's goals at 100,000 deals")
                           : QStringLiteral("issue 19's goals at 100,000 deals, held at fewer");
        goals.coldStartMs = 400;
        goals.readRatio = 1.5;
        goals.listKeyMedianMs = 6;
        goals.listKeyWorstMs = 12;
        goals.boardKeyWorstMs = 8;
        goals.forecastKeyWorstMs = 8;
        goals.moveWorstMs = 12;
        goals.memoryMb = 150;
    } else if (count <= 1000000) {
        goals.source = count == 1000000
                           ? QStringLiteral("issue 19's goals at 1,000,000 deals")
                           : QStringLiteral("issue 19's goals at 1,000,000 deals, held at fewer");
        goals.coldStartMs = 3000;
        goals.listKeyMedianMs = 50;
        goals.listKeyWorstMs = 50;
        goals.boardKeyWorstMs = 50;
        goals.forecastKeyWorstMs = 50;
        goals.memoryMb = 1024;
    } else {
        goals.source = QStringLiteral("issue 19 sets no goals beyond 1,000,000 deals");
    }
    return goals;
}
