#include "Stage.h"

#include <QCoreApplication>
#include <array>

namespace {

struct StageText
{
    Stage stage;
    const char *id;
    const char *label;
    const char *description;
};

// Labels and descriptions from the API reference; translated where they are shown.
constexpr std::array<StageText, 6> stageTexts{{
    {Stage::Prospecting, "prospecting", QT_TRANSLATE_NOOP("Stage", "Prospecting"),
     QT_TRANSLATE_NOOP("Stage", "Initial outreach, qualifying interest")},
    {Stage::Qualification, "qualification", QT_TRANSLATE_NOOP("Stage", "Qualification"),
     QT_TRANSLATE_NOOP("Stage", "Confirmed fit, budget discussion")},
    {Stage::Proposal, "proposal", QT_TRANSLATE_NOOP("Stage", "Proposal"),
     QT_TRANSLATE_NOOP("Stage", "Proposal sent, awaiting decision")},
    {Stage::Negotiation, "negotiation", QT_TRANSLATE_NOOP("Stage", "Negotiation"),
     QT_TRANSLATE_NOOP("Stage", "Terms being negotiated")},
    {Stage::ClosedWon, "closed_won", QT_TRANSLATE_NOOP("Stage", "Closed won"),
     QT_TRANSLATE_NOOP("Stage", "Deal won ✓")},
    {Stage::ClosedLost, "closed_lost", QT_TRANSLATE_NOOP("Stage", "Closed lost"),
     QT_TRANSLATE_NOOP("Stage", "Deal lost ✗")},
}};

const StageText &textOf(Stage stage)
{
    return stageTexts[static_cast<std::size_t>(stage)];
}

} // namespace

namespace Stages {

QList<Stage> all()
{
    QList<Stage> stages;
    for (const StageText &text : stageTexts)
        stages.append(text.stage);
    return stages;
}

QString id(Stage stage)
{
    return QString::fromLatin1(textOf(stage).id);
}

std::optional<Stage> fromId(const QString &text)
{
    // The exact wire name first: that is what the cache and servers almost always hold.
    for (const StageText &candidate : stageTexts) {
        if (text == QLatin1String(candidate.id))
            return candidate.stage;
    }
    QString normalized = text.trimmed().toLower();
    normalized.replace(QLatin1Char(' '), QLatin1Char('_'))
        .replace(QLatin1Char('-'), QLatin1Char('_'));
    for (const StageText &candidate : stageTexts) {
        if (normalized == QLatin1String(candidate.id))
            return candidate.stage;
    }
    return std::nullopt;
}

QString label(Stage stage)
{
    return QCoreApplication::translate("Stage", textOf(stage).label);
}

QString description(Stage stage)
{
    return QCoreApplication::translate("Stage", textOf(stage).description);
}

bool isClosed(Stage stage)
{
    return stage == Stage::ClosedWon || stage == Stage::ClosedLost;
}

} // namespace Stages
