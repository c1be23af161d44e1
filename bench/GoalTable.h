#pragma once

#include <QList>
#include <QString>
#include <optional>

// Figures set against their goals, one line each: the figure, what was measured, the goal, the
// floor where there is one, and "goal met" or "MISSED" (or why there is no verdict).
class GoalTable final
{
public:
    explicit GoalTable(QString heading)
        : m_heading(std::move(heading))
    {}

    // `value` is compared with `goal` (met when below it, or at it with `inclusive`); a negative
    // value was not measured. `measured` and `goalText` say them for the reader.
    void add(const QString &figure, const QString &measured, double value,
             std::optional<double> goal, const QString &goalText, const QString &floor = QString(),
             bool inclusive = false);
    QString text() const;
    int missed() const { return m_missed; }

private:
    struct Line final
    {
        QString figure;
        QString measured;
        QString goal;
        QString floor;
        QString verdict;
    };

    QString m_heading;
    QList<Line> m_lines;
    int m_missed = 0;
};
