#include "UiMeasurement.h"

#include "ApiClient.h"
#include "BoardView.h"
#include "BulkChangeTiming.h"
#include "FilterBar.h"
#include "ForecastPane.h"
#include "ForecastView.h"
#include "ItemRoles.h"
#include "LocalStore.h"
#include "MainWindow.h"
#include "MemoryCredentialStore.h"
#include "ModelFeeder.h"
#include "ModelRowReader.h"
#include "OpportunityListModel.h"
#include "PipelineViews.h"
#include "Profile.h"
#include "SqliteReadFloor.h"
#include "StageColumnProxy.h"
#include "SyncEngine.h"
#include "UiFigures.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

namespace {

long peakMegabytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// What the user waits for after a keystroke or a drop: the deferred work it causes (item
// layouts, header and summary recounts) and the window's repaint, all done by the event loop. A
// few passes drain it; a pass with nothing to do costs microseconds.
void settle()
{
    for (int pass = 0; pass < 5; ++pass)
        QCoreApplication::processEvents();
}

double elapsedMs(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e6;
}

// Times `act` until the window has settled.
template <typename Action> double timed(Action act)
{
    QElapsedTimer timer;
    timer.start();
    act();
    settle();
    return elapsedMs(timer);
}

QString joined(const QList<double> &values)
{
    QStringList each;
    for (double ms : values)
        each.append(QString::number(ms, 'f', 1));
    return each.join(QStringLiteral(", "));
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? -1 : values.at(values.size() / 2);
}

double worst(const QList<double> &values)
{
    return values.isEmpty() ? -1 : *std::max_element(values.cbegin(), values.cend());
}

// "m", "mü", ... "müller", then erasing it back to nothing.
QStringList typedAndErased(const QString &word)
{
    QStringList texts;
    for (int length = 1; length <= word.size(); ++length)
        texts.append(word.left(length));
    for (int length = int(word.size()) - 1; length >= 0; --length)
        texts.append(word.left(length));
    return texts;
}

} // namespace

int UiMeasurement::run()
{
    UiFigures figures;
    QString report;
    QTextStream out(&report);

    // The floor first (three reads, the median), which also leaves the file warm for the model.
    const QString sql = SqliteReadFloor::modelQuery();
    QList<double> floorReads;
    SqliteReadFloor::Reading floor;
    for (int run = 0; run < 3; ++run) {
        floor = SqliteReadFloor::read(m_cachePath, sql);
        if (!floor.error.isEmpty()) {
            std::fprintf(stderr, "bench_ui: the SQLite floor: %s\n", qPrintable(floor.error));
            return 1;
        }
        floorReads.append(floor.ms);
    }

    QElapsedTimer timer;
    timer.start();
    LocalStore store;
    if (const LocalStore::OpenResult opened = store.open(m_cachePath); !opened.ok) {
        std::fprintf(stderr, "bench_ui: %s\n", qPrintable(opened.error));
        return 1;
    }
    const double openMs = elapsedMs(timer);
    OpportunityListModel model;
    // Connected before the feeder, so called first: a change is stored (committed) here.
    QObject::connect(&store, &LocalStore::opportunitiesChanged,
                     [this] { m_storeClock.announced(); });
    ModelFeeder feeder(store, model);
    timer.start();
    feeder.reload();
    const double readMs = elapsedMs(timer);

    timer.start();
    ApiClient client;
    SyncEngine engine(store, client);
    QTemporaryDir profileDir;
    Profile profile(profileDir.path());
    MemoryCredentialStore keychain;
    MainWindow window({store, model, engine, client, profile, keychain});
    window.setLocalOnly(true);
    const double windowMs = elapsedMs(timer);
    // Shown and painted once (start-up is timed on the real binary, in the driver): the
    // keystrokes start from a window on screen.
    const double paintMs = timed([&] { window.show(); });

    QLineEdit *search = window.filterBar()->searchField();
    const QStringList texts = typedAndErased(QStringLiteral("müller"));
    QList<double> keystrokes;
    for (const QString &text : texts)
        keystrokes.append(timed([&] { search->setText(text); }));
    const double sortMs = timed(
        [&] { window.table()->sortByColumn(OpportunityListModel::Value, Qt::DescendingOrder); });

    // The board: switching to it, keystrokes with it showing, moving cards (stored and shown).
    auto *views = qobject_cast<PipelineViews *>(window.views());
    const double boardShowMs = timed([&] { views->setCurrentWidget(window.board()); });
    QList<double> boardKeystrokes;
    for (const QString &text :
         {QStringLiteral("m"), QStringLiteral("mü"), QStringLiteral("mül"), QString()})
        boardKeystrokes.append(timed([&] { search->setText(text); }));
    QList<double> movesShown;
    QList<double> movesStored;
    for (int i = 0; i < 5; ++i) {
        const QModelIndex card = window.board()->columnProxy(Stage::Proposal)->index(i, 0);
        const QString id = card.data(ItemRoles::Id).toString();
        m_storeClock.arm();
        movesShown.append(timed([&] { model.requestMove({id}, Stage::Negotiation); }));
        movesStored.append(m_storeClock.storedMs());
        m_storeClock.disarm();
    }
    const bool everyMoveStored =
        std::none_of(movesStored.cbegin(), movesStored.cend(), [](double ms) { return ms < 0; });

    // The forecast: the list's keystrokes again with it showing, each timed until its figures
    // (and the filter bar's summary) are made again and painted.
    timed([&] { views->setCurrentWidget(views->forecastView()); });
    QList<double> forecastKeystrokes;
    int unrecomputed = 0;
    for (const QString &text : texts) {
        const int before = views->forecastPane()->recomputations();
        forecastKeystrokes.append(timed([&] { search->setText(text); }));
        if (views->forecastPane()->recomputations() == before)
            ++unrecomputed;
    }

    const QString bulk = BulkChangeTiming(window, model, m_storeClock).run(settle);

    out << "kashew-desktop, " << model.rowCount() << " cached opportunities, platform "
        << QGuiApplication::platformName() << "\n";
    out << QStringLiteral("  in this process: cache opened %1 ms (its check), read into the model "
                          "%2 ms (ModelFeeder::reload), window built %3 ms, shown and painted %4 "
                          "ms\n")
               .arg(openMs, 0, 'f', 0)
               .arg(readMs, 0, 'f', 0)
               .arg(windowMs, 0, 'f', 0)
               .arg(paintMs, 0, 'f', 0);
    out << QStringLiteral("  SQLite C API reading the same %1 rows and %2 columns: %3 ms "
                          "(median of 3: %4)\n")
               .arg(floor.rows)
               .arg(ModelRowReader::columns().count(QLatin1Char(',')) + 1)
               .arg(median(floorReads), 0, 'f', 0)
               .arg(joined(floorReads));
    out << QStringLiteral("  list search keystroke: median %1 ms, worst %2 ms; each (typing "
                          "\"müller\", then erasing it): %3\n")
               .arg(median(keystrokes), 0, 'f', 1)
               .arg(worst(keystrokes), 0, 'f', 1)
               .arg(joined(keystrokes));
    out << QStringLiteral("  sort by value: %1 ms\n").arg(sortMs, 0, 'f', 0);
    out << QStringLiteral("  board: switch to it and paint %1 ms; keystrokes with it showing (m, "
                          "mü, mül, clear): %2 ms\n")
               .arg(boardShowMs, 0, 'f', 0)
               .arg(joined(boardKeystrokes));
    out << QStringLiteral("  card move (Proposal to Negotiation), stored: %1 ms; shown: %2 ms\n")
               .arg(everyMoveStored ? joined(movesStored) : QStringLiteral("NOT stored"))
               .arg(joined(movesShown));
    out << QStringLiteral("  forecast keystroke: median %1 ms, worst %2 ms (\"müller\" typed and "
                          "erased with the Forecast tab showing%3)\n")
               .arg(median(forecastKeystrokes), 0, 'f', 1)
               .arg(worst(forecastKeystrokes), 0, 'f', 1)
               .arg(unrecomputed == 0 ? QString()
                                      : QStringLiteral("; %1 NOT recomputed").arg(unrecomputed));
    out << bulk;
    const long peak = peakMegabytes();
    out << QStringLiteral("  peak memory of this process: %1 MB\n").arg(peak);
    out.flush();

    figures.set(UiFigures::rows, model.rowCount());
    figures.set(UiFigures::openMs, openMs);
    figures.set(UiFigures::readMs, readMs);
    figures.set(UiFigures::floorMs, median(floorReads));
    figures.set(UiFigures::floorRows, double(floor.rows));
    figures.set(UiFigures::listKeyMedianMs, median(keystrokes));
    figures.set(UiFigures::listKeyWorstMs, worst(keystrokes));
    figures.set(UiFigures::boardKeyWorstMs, worst(boardKeystrokes));
    figures.set(UiFigures::forecastKeyWorstMs, worst(forecastKeystrokes));
    if (everyMoveStored)
        figures.set(UiFigures::moveStoredWorstMs, worst(movesStored));
    figures.set(UiFigures::moveShownWorstMs, worst(movesShown));
    figures.set(UiFigures::peakMb, double(peak));
    report += figures.toLines();
    std::fputs(report.toUtf8().constData(), stdout);
    return 0;
}
