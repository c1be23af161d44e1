#include "GoalTable.h"

#include <algorithm>

void GoalTable::add(const QString &figure, const QString &measured, double value,
                    std::optional<double> goal, const QString &goalText, const QString &floor,
                    bool inclusive)
{
    QString verdict;
    if (value < 0) {
        verdict = QStringLiteral("NOT MEASURED");
        ++m_missed;
    } else if (!goal) {
        verdict = QStringLiteral("(no goal)");
    } else if (inclusive ? value <= *goal : value < *goal) {
        verdict = QStringLiteral("goal met");
    } else {
        verdict = QStringLiteral("MISSED");
        ++m_missed;
    }
    m_lines.append({figure, value < 0 ? QStringLiteral("—") : measured,
                    goal ? goalText : QStringLiteral("—"),
                    floor.isEmpty() ? QStringLiteral("—") : floor, verdict});
}

QString GoalTable::text() const
{
    Line widths{QStringLiteral("figure"), QStringLiteral("measured"), QStringLiteral("goal"),
                QStringLiteral("floor"), QStringLiteral("verdict")};
    qsizetype figure = widths.figure.size();
    qsizetype measured = widths.measured.size();
    qsizetype goal = widths.goal.size();
    qsizetype floor = widths.floor.size();
    for (const Line &line : m_lines) {
        figure = std::max(figure, line.figure.size());
        measured = std::max(measured, line.measured.size());
        goal = std::max(goal, line.goal.size());
        floor = std::max(floor, line.floor.size());
    }
    const auto row = [&](const Line &line) -> QString {
        const QString cells = line.figure.leftJustified(figure) + QStringLiteral("  ") +
                              line.measured.leftJustified(measured) + QStringLiteral("  ") +
                              line.goal.leftJustified(goal) + QStringLiteral("  ") +
                              line.floor.leftJustified(floor) + QStringLiteral("  ") + line.verdict;
        qsizetype end = cells.size();
        while (end > 0 && cells.at(end - 1) == QLatin1Char(' '))
            --end;
        return QStringLiteral("  ") + cells.left(end) + QLatin1Char('\n');
    };
    QString text = m_heading + QStringLiteral(":\n") + row(widths);
    for (const Line &line : m_lines)
        text += row(line);
    text += m_missed == 0 ? QStringLiteral("  every goal met\n")
                          : QStringLiteral("  %1 MISSED\n").arg(m_missed);
    return text;
}
