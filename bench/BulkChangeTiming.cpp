#include "BulkChangeTiming.h"

#include "BoardView.h"
#include "MainWindow.h"
#include "OpportunityListModel.h"
#include "StoreClock.h"

#include <QElapsedTimer>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>
#include <algorithm>

QString BulkChangeTiming::run(const std::function<void()> &settle)
{
    QStringList ids;
    for (int row = 0; row < m_model.rowCount() && ids.size() < 10000; ++row) {
        // Spread over the whole cache, as a selection in a sorted list is.
        if (row % 9 == 0 && m_model.factsAt(row).stage != Stage::Negotiation)
            ids.append(m_model.rowAt(row).opportunity.id);
    }
    QStringList lines;
    for (QWidget *view :
         {static_cast<QWidget *>(m_window.table()), static_cast<QWidget *>(m_window.board())}) {
        m_window.views()->setCurrentWidget(view);
        settle();
        QStringList figures;
        for (const bool undo : {false, true}) {
            QElapsedTimer timer;
            m_clock.arm();
            timer.start();
            if (undo)
                m_window.undoStack()->undo();
            else
                m_model.requestMove(ids, Stage::Negotiation);
            settle();
            const double shownMs = timer.nsecsElapsed() / 1e6;
            m_clock.disarm();
            const auto moved = std::count_if(ids.cbegin(), ids.cend(), [&](const QString &id) {
                const int row = m_model.rowOf(id);
                return row >= 0 && m_model.factsAt(row).stage == Stage::Negotiation;
            });
            figures.append(QStringLiteral("%1 stored %2 ms, shown %3 ms (%4 moved)")
                               .arg(undo ? QStringLiteral("undo") : QStringLiteral("change"))
                               .arg(m_clock.storedMs(), 0, 'f', 0)
                               .arg(shownMs, 0, 'f', 0)
                               .arg(moved));
        }
        lines.append(
            (view == m_window.board() ? QStringLiteral("board: ") : QStringLiteral("list: ")) +
            figures.join(QStringLiteral("; ")));
    }
    return QStringLiteral("  bulk change of %1 of %2 deals (stage, one undo step):\n    %3\n")
        .arg(ids.size())
        .arg(m_model.rowCount())
        .arg(lines.join(QStringLiteral("\n    ")));
}
