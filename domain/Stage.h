#pragma once

#include <QList>
#include <QString>
#include <optional>

// The six pipeline stages, in pipeline order; the numeric order is the board's column order.
enum class Stage
{
    Prospecting,
    Qualification,
    Proposal,
    Negotiation,
    ClosedWon,
    ClosedLost,
};

namespace Stages {

// All stages in pipeline order.
QList<Stage> all();
// The wire name, e.g. "closed_won".
QString id(Stage stage);
// Accepts the wire name; tolerant of case, spaces and dashes ("Closed Won", "closed-won").
std::optional<Stage> fromId(const QString &text);
// Human-readable, translated name ("Closed won").
QString label(Stage stage);
// The published description of the stage, translated.
QString description(Stage stage);
// True for closed_won and closed_lost: no longer part of the open pipeline.
bool isClosed(Stage stage);

} // namespace Stages
