#include "StageProbabilities.h"

#include <QSettings>
#include <algorithm>

namespace {

QString keyOf(Stage stage)
{
    return QStringLiteral("stageProbability/") + Stages::id(stage);
}

} // namespace

std::optional<int> StageProbabilities::implied(Stage stage)
{
    switch (stage) {
    case Stage::ClosedWon:
        return 100;
    case Stage::ClosedLost:
        return 0;
    default:
        return std::nullopt;
    }
}

int StageProbabilities::builtIn(Stage stage)
{
    switch (stage) {
    case Stage::Prospecting:
        return 10;
    case Stage::Qualification:
        return 25;
    case Stage::Proposal:
        return 50;
    case Stage::Negotiation:
        return 75;
    case Stage::ClosedWon:
    case Stage::ClosedLost:
        break;
    }
    return implied(stage).value_or(0);
}

int StageProbabilities::proposed(Stage stage) const
{
    if (const auto rule = implied(stage))
        return *rule;
    return m_open.value(stage, builtIn(stage));
}

void StageProbabilities::setProposed(Stage stage, int probability)
{
    if (!implied(stage))
        m_open.insert(stage, std::clamp(probability, 0, 100));
}

StageProbabilities StageProbabilities::read(const QSettings &settings)
{
    StageProbabilities probabilities;
    for (Stage stage : Stages::all()) {
        bool ok = false;
        const int value = settings.value(keyOf(stage)).toInt(&ok);
        if (ok && value >= 0 && value <= 100)
            probabilities.setProposed(stage, value);
    }
    return probabilities;
}

void StageProbabilities::write(QSettings &settings) const
{
    for (Stage stage : Stages::all()) {
        if (!implied(stage))
            settings.setValue(keyOf(stage), proposed(stage));
    }
}
