// kashew-desktop with 100,000 cached opportunities: cold start to the first painted window,
// applying a search keystroke, sorting by value, peak memory. Prints the figures and writes them
// to a file. Runs on the platform QT_QPA_PLATFORM names (offscreen in CI, xcb under Xvfb).
#include "ApiClient.h"
#include "BoardView.h"
#include "FilterBar.h"
#include "ItemRoles.h"
#include "LocalStore.h"
#include "MainWindow.h"
#include "MemoryCredentialStore.h"
#include "ModelFeeder.h"
#include "OpportunityFilterProxy.h"
#include "OpportunityListModel.h"
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
#include <cstdio>
#include <sys/resource.h>

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
    store.beginPull();
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
            store.stagePulled(page);
            page.clear();
        }
    }
    store.stagePulled(page);
    store.commitPull(true);
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (arguments.size() == 3 && arguments.at(1) == QLatin1String("--fill")) {
        QCoreApplication app(argc, argv);
        fillCache(arguments.at(2), 100000);
        return 0;
    }
    if (arguments.size() < 3 || arguments.at(1) != QLatin1String("--measure")) {
        // Driver: fill a cache once (not timed), then measure a cold start in a fresh process.
        QCoreApplication app(argc, argv);
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache.sqlite"));
        if (QProcess::execute(QCoreApplication::applicationFilePath(),
                              {QStringLiteral("--fill"), cache}) != 0)
            return 1;
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--measure"), cache,
                     arguments.value(1, QStringLiteral("bench-results/ui.txt"))});
        child.waitForFinished(-1);
        return child.exitCode();
    }

    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    LocalStore store;
    store.open(arguments.at(2));
    OpportunityListModel model;
    ModelFeeder feeder(store, model);
    feeder.reload();
    const double loadedMs = sinceStart.nsecsElapsed() / 1e6;
    ApiClient client;
    SyncEngine engine(store, client);
    QTemporaryDir profileDir;
    Profile profile(profileDir.path());
    MemoryCredentialStore keychain;
    MainWindow window({store, model, engine, client, profile, keychain});
    window.setLocalOnly(true);
    window.show();
    // The first paint: everything up to the end of the first event loop pass after show().
    double firstPaintMs = 0;
    QEventLoop firstPass; // not QApplication::quit(): in Qt 6 that closes the windows
    QTimer::singleShot(0, [&] {
        window.table()->viewport()->repaint();
        firstPaintMs = sinceStart.nsecsElapsed() / 1e6;
        firstPass.quit();
    });
    firstPass.exec();

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

    QString report;
    QTextStream out(&report);
    out << "kashew-desktop, " << model.rowCount() << " cached opportunities, platform "
        << QGuiApplication::platformName() << "\n";
    out << QStringLiteral("  cache read into the model:   %1 ms\n").arg(loadedMs, 0, 'f', 0);
    out << QStringLiteral("  cold start to first paint:   %1 ms\n").arg(firstPaintMs, 0, 'f', 0);
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
    out << QStringLiteral("  peak memory:                 %1 MB\n").arg(peakMegabytes());
    out.flush();
    std::fputs(report.toUtf8().constData(), stdout);
    const QString path = arguments.value(3, QStringLiteral("bench-results/ui.txt"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(report.toUtf8());
    return 0;
}
