// kashew-desktop with 100,000 cached opportunities. Start-up as a user sees it: from the exec of
// the kashew-desktop binary to the first painted frame of its whole window with the data, with the
// cache file warm and cold in the page cache. Then, in a process of its own: applying a search
// keystroke, sorting by value, the board, the forecast, peak memory. Prints the figures and writes
// them to a file. Runs on the platform QT_QPA_PLATFORM names (offscreen in CI, xcb under Xvfb).
#include "ApiClient.h"
#include "BoardView.h"
#include "FilterBar.h"
#include "ForecastPane.h"
#include "ForecastView.h"
#include "ItemRoles.h"
#include "LocalStore.h"
#include "MainWindow.h"
#include "MemoryCredentialStore.h"
#include "ModelFeeder.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"
#include "PipelineViews.h"
#include "Profile.h"
#include "StageColumnProxy.h"
#include "SyncEngine.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QListView>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUndoStack>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace {

long peakMegabytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// Fills a cache with `count` plausible records, as a first sync would leave it.
void fillCache(const QString &path, int count)
{
    LocalStore store;
    store.open(path);
    QRandomGenerator random(7);
    const QStringList words{QStringLiteral("Müller"),  QStringLiteral("Acme"),
                            QStringLiteral("Globex"),  QStringLiteral("Søndergaard"),
                            QStringLiteral("Initech"), QStringLiteral("Kraków"),
                            QStringLiteral("Zürich"),  QStringLiteral("Nakamura")};
    const QStringList products{QStringLiteral("Renewal"), QStringLiteral("Pilot"),
                               QStringLiteral("Expansion"), QStringLiteral("License")};
    QList<Opportunity> page;
    static_cast<void>(store.beginPull());
    for (int i = 0; i < count; ++i) {
        Opportunity o;
        o.id = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
        o.name = words.at(random.bounded(words.size())) + QStringLiteral(" %1 — ").arg(i) +
                 products.at(random.bounded(products.size()));
        o.accountId = QStringLiteral("acct-%1").arg(random.bounded(5000));
        o.accountName = QStringLiteral("Account %1").arg(o.accountId.mid(5));
        o.stage = static_cast<Stage>(random.bounded(100) < 70 ? 4 + random.bounded(2)
                                                              : random.bounded(4)); // mostly closed
        o.value = random.bounded(1000, 5000000);
        o.currency = random.bounded(4) ? QStringLiteral("USD") : QStringLiteral("EUR");
        o.probability = random.bounded(101);
        o.expectedCloseDate = QDate(2026, 1, 1).addDays(random.bounded(-400, 400));
        o.ownerId = QStringLiteral("owner-%1").arg(random.bounded(6));
        o.isArchived = random.bounded(100) < 8;
        o.createdAt = o.updatedAt =
            QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).addSecs(i * 60);
        page.append(o);
        if (page.size() == 5000) {
            static_cast<void>(store.stagePulled(page));
            page.clear();
        }
    }
    static_cast<void>(store.stagePulled(page));
    static_cast<void>(store.commitPull(true));
}

// The cache file and the files SQLite keeps beside it.
QStringList cacheFiles(const QString &cache)
{
    return {cache, cache + QStringLiteral("-wal"), cache + QStringLiteral("-shm")};
}

// The share of the files' pages in the page cache (mincore on a mapping faults nothing in).
double residentShare(const QStringList &paths)
{
    const long pageSize = sysconf(_SC_PAGESIZE);
    qint64 pages = 0;
    qint64 resident = 0;
    for (const QString &path : paths) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        struct stat status = {};
        if (fstat(fd, &status) == 0 && status.st_size > 0) {
            void *map = mmap(nullptr, status.st_size, PROT_READ, MAP_SHARED, fd, 0);
            if (map != MAP_FAILED) {
                std::vector<unsigned char> inCore((status.st_size + pageSize - 1) / pageSize);
                if (mincore(map, status.st_size, inCore.data()) == 0) {
                    pages += static_cast<qint64>(inCore.size());
                    resident += std::count_if(inCore.begin(), inCore.end(),
                                              [](unsigned char page) { return page & 1; });
                }
                munmap(map, status.st_size);
            }
        }
        ::close(fd);
    }
    return pages == 0 ? 0 : double(resident) / double(pages);
}

// Cold: written to disk, then dropped from the page cache. Warm: read once, all of it.
void prepareCache(const QStringList &paths, bool cold)
{
    for (const QString &path : paths) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        if (cold) {
            fsync(fd);
            posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        } else {
            char buffer[1 << 16];
            while (::read(fd, buffer, sizeof buffer) > 0) {
            }
        }
        ::close(fd);
    }
}

struct FirstFrame
{
    double ms = -1;
    int rows = -1;
};

// Starts kashew-desktop on `profileDir` and waits for its first painted frame, which it reports
// (KASHEW_REPORT_FIRST_FRAME) on the same monotonic clock as t0 here, taken before the fork+exec.
FirstFrame startApp(const QString &profileDir)
{
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("KASHEW_REPORT_FIRST_FRAME"), QStringLiteral("1"));
    environment.remove(QStringLiteral("KASHEW_API_KEY")); // local-only: no network in the figure
    app.setProcessEnvironment(environment);
    app.setStandardErrorFile(QProcess::nullDevice());
    const qint64 t0 =
        std::chrono::nanoseconds(std::chrono::steady_clock::now().time_since_epoch()).count();
    app.start(QStringLiteral(KASHEW_DESKTOP_PATH), {QStringLiteral("--profile"), profileDir});
    if (!app.waitForFinished(120000)) {
        app.kill();
        app.waitForFinished();
        return {};
    }
    const QList<QByteArray> parts = app.readAllStandardOutput().trimmed().split(' ');
    if (app.exitCode() != 0 || parts.size() != 3 || parts.at(0) != "first-frame")
        return {};
    return {(parts.at(1).toLongLong() - t0) / 1e6, parts.at(2).toInt()};
}

QString spread(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return QStringLiteral("%1 ms (%2-%3, %4 runs)")
        .arg(values.at(values.size() / 2), 0, 'f', 0)
        .arg(values.first(), 0, 'f', 0)
        .arg(values.last(), 0, 'f', 0)
        .arg(values.size());
}

// The driver: fills a profile's cache once (not timed), times the app's start-up from exec, cold
// and warm in turn, then runs the in-process figures in a fresh process.
int drive(const QString &outputPath)
{
    QTemporaryDir dir;
    const QString profileDir = dir.filePath(QStringLiteral("profile"));
    QDir().mkpath(profileDir);
    const Profile profile(profileDir);
    const QString cache = profile.cachePath(profile.serverUrl()); // where the app will look
    if (QProcess::execute(QCoreApplication::applicationFilePath(),
                          {QStringLiteral("--fill"), cache}) != 0)
        return 1;
    const QStringList files = cacheFiles(cache);
    startApp(profileDir); // once, not counted: the binary and the Qt libraries in the page cache
    QList<double> warm;
    QList<double> cold;
    double warmResident = 1;
    double coldResident = 0;
    int rows = -1;
    for (int run = 0; run < 10; ++run) {
        const bool isCold = run % 2 == 0;
        prepareCache(files, isCold);
        double &resident = isCold ? coldResident : warmResident;
        resident = isCold ? std::max(resident, residentShare(files))
                          : std::min(resident, residentShare(files));
        const FirstFrame frame = startApp(profileDir);
        if (frame.ms < 0) {
            std::fprintf(stderr, "kashew-desktop did not report its first frame\n");
            return 1;
        }
        rows = frame.rows;
        (isCold ? cold : warm).append(frame.ms);
    }

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--measure"), cache});
    child.waitForFinished(-1);
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        return 1;

    QString report;
    QTextStream out(&report);
    out << "kashew-desktop start-up, from the exec of the binary to the first painted frame of its"
           " whole window ("
        << rows << " records loaded; median, min-max)\n";
    out << QStringLiteral("  warm (cache file in the page cache, %1% resident):     %2\n")
               .arg(warmResident * 100, 0, 'f', 0)
               .arg(spread(warm));
    out << QStringLiteral("  cold (cache file dropped from the page cache, %1% resident): %2\n")
               .arg(coldResident * 100, 0, 'f', 0)
               .arg(spread(cold));
    out << QStringLiteral("  (cache file %1 MB; the binary and the Qt libraries stay in the page "
                          "cache in both)\n")
               .arg(QFileInfo(cache).size() / 1048576.0, 0, 'f', 0);
    out.flush();
    report += QString::fromUtf8(child.readAllStandardOutput());
    std::fputs(report.toUtf8().constData(), stdout);
    QDir().mkpath(QFileInfo(outputPath).absolutePath());
    QFile file(outputPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(outputPath));
        return 1;
    }
    file.write(report.toUtf8());
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (arguments.size() == 3 && arguments.at(1) == QLatin1String("--fill")) {
        QCoreApplication app(argc, argv);
        fillCache(arguments.at(2), 100000);
        return 0;
    }
    if (arguments.size() < 3 || arguments.at(1) != QLatin1String("--measure")) {
        QCoreApplication app(argc, argv);
        return drive(arguments.value(1, QStringLiteral("bench-results/ui.txt")));
    }

    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QElapsedTimer loadTimer;
    loadTimer.start();
    LocalStore store;
    store.open(arguments.at(2));
    OpportunityListModel model;
    // Connected before the feeder, so called first: the bulk change is stored (committed) here.
    QElapsedTimer bulkTimer;
    double storedMs = -1;
    QObject::connect(&store, &LocalStore::opportunitiesChanged, [&] {
        if (bulkTimer.isValid())
            storedMs = bulkTimer.nsecsElapsed() / 1e6;
    });
    ModelFeeder feeder(store, model);
    feeder.reload();
    const double loadedMs = loadTimer.nsecsElapsed() / 1e6;
    ApiClient client;
    SyncEngine engine(store, client);
    QTemporaryDir profileDir;
    Profile profile(profileDir.path());
    MemoryCredentialStore keychain;
    MainWindow window({store, model, engine, client, profile, keychain});
    window.setLocalOnly(true);
    window.show();
    // Shown and painted once (start-up is timed on the real binary, in drive()): the
    // keystrokes start from a window on screen.
    for (int pass = 0; pass < 5; ++pass)
        QCoreApplication::processEvents();

    // What the user waits for after a keystroke or a drop: the deferred work it causes (item
    // layouts, header and summary recounts) and the window's repaint, all done by the event
    // loop. A few passes drain it; a pass with nothing to do costs microseconds.
    const auto settle = [] {
        for (int pass = 0; pass < 5; ++pass)
            QCoreApplication::processEvents();
    };
    // Keystrokes: "m", "mü", "mül", "müll", "mülle", "müller", then erasing back.
    QLineEdit *search = window.filterBar()->searchField();
    const QString word = QStringLiteral("müller");
    QList<double> keystrokes;
    for (int length = 1; length <= word.size(); ++length) {
        QElapsedTimer timer;
        timer.start();
        search->setText(word.left(length));
        settle();
        keystrokes.append(timer.nsecsElapsed() / 1e6);
    }
    for (int length = word.size() - 1; length >= 0; --length) {
        QElapsedTimer timer;
        timer.start();
        search->setText(word.left(length));
        settle();
        keystrokes.append(timer.nsecsElapsed() / 1e6);
    }
    QStringList each;
    for (double ms : keystrokes)
        each.append(QString::number(ms, 'f', 1));
    std::sort(keystrokes.begin(), keystrokes.end());
    QElapsedTimer sortTimer;
    sortTimer.start();
    window.table()->sortByColumn(OpportunityListModel::Value, Qt::DescendingOrder);
    settle();
    const double sortMs = sortTimer.nsecsElapsed() / 1e6;

    // The board: switching to it, a keystroke with it showing, moving a card.
    QElapsedTimer boardTimer;
    boardTimer.start();
    window.views()->setCurrentWidget(window.board());
    settle();
    const double boardShowMs = boardTimer.nsecsElapsed() / 1e6;
    QList<double> boardKeystrokes;
    for (const QString &text :
         {QStringLiteral("m"), QStringLiteral("mü"), QStringLiteral("mül"), QString()}) {
        QElapsedTimer timer;
        timer.start();
        search->setText(text);
        settle();
        boardKeystrokes.append(timer.nsecsElapsed() / 1e6);
    }
    QList<double> moves;
    for (int i = 0; i < 5; ++i) {
        const QModelIndex card = window.board()->columnProxy(Stage::Proposal)->index(i, 0);
        const QString id = card.data(ItemRoles::Id).toString();
        QElapsedTimer timer;
        timer.start();
        model.requestMove({id}, Stage::Negotiation);
        settle();
        moves.append(timer.nsecsElapsed() / 1e6);
    }
    std::sort(moves.begin(), moves.end());
    QStringList boardEach;
    for (double ms : boardKeystrokes)
        boardEach.append(QString::number(ms, 'f', 1));

    // The forecast: the list's keystrokes again with it showing, each timed until its figures
    // (and the filter bar's summary) are made again and painted.
    auto *views = qobject_cast<PipelineViews *>(window.views());
    views->setCurrentWidget(views->forecastView());
    settle();
    QList<double> forecastKeystrokes;
    int unrecomputed = 0;
    const auto forecastKeystroke = [&](const QString &text) {
        const int before = views->forecastPane()->recomputations();
        QElapsedTimer timer;
        timer.start();
        search->setText(text);
        settle();
        forecastKeystrokes.append(timer.nsecsElapsed() / 1e6);
        if (views->forecastPane()->recomputations() == before)
            ++unrecomputed;
    };
    for (int length = 1; length <= word.size(); ++length)
        forecastKeystroke(word.left(length));
    for (int length = word.size() - 1; length >= 0; --length)
        forecastKeystroke(word.left(length));
    std::sort(forecastKeystrokes.begin(), forecastKeystrokes.end());

    // A bulk change: 10,000 deals moved to Negotiation as one command (one transaction), then
    // undone, with the list showing and then the board. Stored: until the store announces the
    // commit; shown: until the model, the proxies and the view showing have it.
    QStringList bulkIds;
    for (int row = 0; row < model.rowCount() && bulkIds.size() < 10000; ++row) {
        // Spread over the whole cache, as a selection in a sorted list is.
        if (row % 9 == 0 && model.rowAt(row).opportunity.stage != Stage::Negotiation)
            bulkIds.append(model.rowAt(row).opportunity.id);
    }
    QStringList bulkFigures;
    for (QWidget *view :
         {static_cast<QWidget *>(window.table()), static_cast<QWidget *>(window.board())}) {
        views->setCurrentWidget(view);
        settle();
        QStringList figures;
        for (const bool undo : {false, true}) {
            storedMs = -1;
            bulkTimer.start();
            if (undo)
                window.undoStack()->undo();
            else
                model.requestMove(bulkIds, Stage::Negotiation);
            settle();
            const double shownMs = bulkTimer.nsecsElapsed() / 1e6;
            bulkTimer.invalidate();
            const int moved = static_cast<int>(
                std::count_if(bulkIds.cbegin(), bulkIds.cend(), [&](const QString &id) {
                    return model.rowAt(model.rowOf(id)).opportunity.stage == Stage::Negotiation;
                }));
            figures.append(QStringLiteral("%1 stored %2 ms, shown %3 ms (%4 moved)")
                               .arg(undo ? QStringLiteral("undo") : QStringLiteral("change"))
                               .arg(storedMs, 0, 'f', 0)
                               .arg(shownMs, 0, 'f', 0)
                               .arg(moved));
        }
        bulkFigures.append(
            (view == window.board() ? QStringLiteral("board: ") : QStringLiteral("list: ")) +
            figures.join(QStringLiteral("; ")));
    }

    QString report;
    QTextStream out(&report);
    out << "kashew-desktop, " << model.rowCount() << " cached opportunities, platform "
        << QGuiApplication::platformName() << "\n";
    out << QStringLiteral("  cache opened and read into the model (warm): %1 ms\n")
               .arg(loadedMs, 0, 'f', 0);
    out << QStringLiteral(
               "  search keystroke:            median %1 ms, worst %2 ms (%3 keystrokes)\n")
               .arg(keystrokes.at(keystrokes.size() / 2), 0, 'f', 1)
               .arg(keystrokes.last(), 0, 'f', 1)
               .arg(keystrokes.size());
    out << QStringLiteral("  each keystroke (typing \"müller\", then erasing it), ms: %1\n")
               .arg(each.join(QStringLiteral(", ")));
    out << QStringLiteral("  sort by value:               %1 ms\n").arg(sortMs, 0, 'f', 0);
    out << QStringLiteral("  board: switch to it and paint %1 ms; keystrokes with it showing (m, "
                          "mü, mül, clear): %2 ms;"
                          " move a card: median %3 ms, worst %4 ms\n")
               .arg(boardShowMs, 0, 'f', 0)
               .arg(boardEach.join(QStringLiteral(", ")))
               .arg(moves.at(moves.size() / 2), 0, 'f', 1)
               .arg(moves.last(), 0, 'f', 1);
    out << QStringLiteral(
               "  forecast keystroke:          median %1 ms, worst %2 ms (%3 keystrokes, "
               "\"müller\" typed and erased with the Forecast tab showing%4)\n")
               .arg(forecastKeystrokes.at(forecastKeystrokes.size() / 2), 0, 'f', 1)
               .arg(forecastKeystrokes.last(), 0, 'f', 1)
               .arg(forecastKeystrokes.size())
               .arg(unrecomputed == 0 ? QString()
                                      : QStringLiteral("; %1 NOT recomputed").arg(unrecomputed));
    out << QStringLiteral("  bulk change of %1 of %2 deals (stage, one undo step):\n    %3\n")
               .arg(bulkIds.size())
               .arg(model.rowCount())
               .arg(bulkFigures.join(QStringLiteral("\n    ")));
    out << QStringLiteral("  peak memory:                 %1 MB\n").arg(peakMegabytes());
    out.flush();
    std::fputs(report.toUtf8().constData(), stdout);
    return 0;
}
