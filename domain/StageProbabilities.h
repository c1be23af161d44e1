#pragma once

#include "Stage.h"

#include <QHash>
#include <algorithm>
#include <optional>

class QSettings;

// The probability a deal gets as it enters a stage. Closed stages imply theirs by rule (closed_won
// 100, closed_lost 0); an open stage proposes the user's figure, kept per profile in its settings
// (10, 25, 50, 75 until the user sets one). The one place that rule lives: the dialog, the board's
// moves and the command line ask here.
class StageProbabilities final
{
public:
    // 100 for closed_won, 0 for closed_lost; none for an open stage.
    static std::optional<int> implied(Stage stage);
    // The figure an open stage proposes until the user sets one.
    static int builtIn(Stage stage);

    // The probability proposed for a deal entering `stage`.
    int proposed(Stage stage) const;
    // Sets an open stage's proposal (clamped to 0..100); a closed stage keeps its rule.
    void setProposed(Stage stage, int probability);

    // The user's figures from a profile's settings; missing or unreadable ones are built in.
    static StageProbabilities read(const QSettings &settings);
    void write(QSettings &settings) const;

    // Equal when every stage proposes the same figure.
    friend bool operator==(const StageProbabilities &a, const StageProbabilities &b)
    {
        const QList<Stage> stages = Stages::all();
        return std::all_of(stages.begin(), stages.end(),
                           [&](Stage stage) { return a.proposed(stage) == b.proposed(stage); });
    }

private:
    // Only the open stages the user set.
    QHash<Stage, int> m_open;
};
