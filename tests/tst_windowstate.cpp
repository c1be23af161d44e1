// The main window's layout (size, splitter, list columns) belongs to its profile, and what is
// restored fits the screen: on a 1280x720 screen (an offscreen screen configured by this test) a
// first start, or a layout saved on a larger screen, never opens wider or taller than the screen.
#include "SeededWindow.h"
#include "WindowLayout.h"

#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QScreen>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace {

// A fresh window over `seeded`'s profile and cache, as after a restart of the app.
void reopen(SeededWindow &seeded)
{
    seeded.window.reset();
    seeded.window = std::make_unique<MainWindow>(
        MainWindow::Services{seeded.store, seeded.model, *seeded.engine, seeded.client,
                             *seeded.profile, seeded.credentials});
    seeded.window->setLocalOnly(true);
}

QRect available()
{
    return QGuiApplication::primaryScreen()->availableGeometry();
}

bool fitsScreen(const QWidget &window)
{
    return available().contains(window.frameGeometry());
}

} // namespace

class TestWindowState final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QCOMPARE(available().size(), QSize(1280, 720)); }

    void eachProfileKeepsItsOwnLayout()
    {
        SeededWindow first;
        SeededWindow second;
        QVERIFY(first.ok && second.ok);
        first.window->show();
        first.window->resize(1240, 560);
        first.window->table()->horizontalHeader()->resizeSection(0, 333);
        first.window->close();
        second.window->show();
        second.window->close();

        reopen(first);
        first.window->show();
        QCOMPARE(first.window->size(), QSize(1240, 560));
        QCOMPARE(first.window->table()->horizontalHeader()->sectionSize(0), 333);
        reopen(second);
        second.window->show();
        QVERIFY(second.window->size() != QSize(1240, 560));
        QVERIFY(second.window->table()->horizontalHeader()->sectionSize(0) != 333);
    }

    void firstStartFitsTheScreen()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        seeded.window->show();
        QVERIFY2(fitsScreen(*seeded.window),
                 qPrintable(QStringLiteral("window %1x%2 on a %3x%4 screen")
                                .arg(seeded.window->frameGeometry().width())
                                .arg(seeded.window->frameGeometry().height())
                                .arg(available().width())
                                .arg(available().height())));
    }

    void layoutSavedOnALargerScreenFits()
    {
        SeededWindow seeded;
        QVERIFY(seeded.ok);
        seeded.window->show();
        // As a 1600x900 window on a larger monitor, placed right of this screen's middle.
        seeded.window->setGeometry(700, 300, 1600, 900);
        seeded.window->close();
        reopen(seeded);
        seeded.window->show();
        QVERIFY2(fitsScreen(*seeded.window),
                 qPrintable(QStringLiteral("window at %1,%2 %3x%4")
                                .arg(seeded.window->frameGeometry().x())
                                .arg(seeded.window->frameGeometry().y())
                                .arg(seeded.window->frameGeometry().width())
                                .arg(seeded.window->frameGeometry().height())));
    }

    void firstStartTakesMostOfALargerScreen()
    {
        // A 1600x900 screen: 90% of its width (not less than the default height), centred, so
        // that the list's columns and the board's six show.
        QCOMPARE(WindowLayout::firstStart(QRect(0, 0, 1600, 900)), QRect(80, 40, 1440, 820));
        // A second monitor right of the first: centred on that one.
        QCOMPARE(WindowLayout::firstStart(QRect(1920, 0, 1920, 1080)),
                 QRect(1920 + 96, 54, 1728, 972));
        // A very large screen: no wider or taller than more room would help.
        QCOMPARE(WindowLayout::firstStart(QRect(0, 0, 3840, 2160)).size(), QSize(1920, 1200));
        // Just larger than the default: the default, centred, rather than 90% of the screen.
        QCOMPARE(WindowLayout::firstStart(QRect(0, 0, 1400, 860)), QRect(20, 20, 1360, 820));
        // A small screen: all of it.
        QCOMPARE(WindowLayout::firstStart(QRect(0, 0, 1024, 700)), QRect(0, 0, 1024, 700));
    }

    void fittedShrinksThenMovesInside()
    {
        const QRect screen(0, 0, 1024, 700);
        QCOMPARE(WindowLayout::fitted(QRect(100, 50, 800, 600), screen), QRect(100, 50, 800, 600));
        QCOMPARE(WindowLayout::fitted(QRect(500, 400, 800, 600), screen),
                 QRect(224, 100, 800, 600));
        QCOMPARE(WindowLayout::fitted(QRect(-50, -20, 1600, 900), screen), screen);
        QCOMPARE(WindowLayout::fitted(QRect(1200, 10, 300, 200), QRect(1024, 0, 800, 600)),
                 QRect(1200, 10, 300, 200));
    }
};

int main(int argc, char *argv[])
{
    // One 1280x720 offscreen screen, so that "fits the screen" means something.
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screens.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(R"({"screens": [{"name": "test", "x": 0, "y": 0, "width": 1280,
                    "height": 720, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})") < 0)
        return 1;
    file.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.toLocal8Bit());
    QApplication app(argc, argv);
    TestWindowState test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_windowstate.moc"
