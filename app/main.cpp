// kashew-desktop: the pipeline on the desktop, offline-first.
#include "ApiClient.h"
#include "BoardView.h"
#include "ConnectionSetup.h"
#include "DeferredCheck.h"
#include "ForecastView.h"
#include "KeychainCredentialStore.h"
#include "LocalStore.h"
#include "MainWindow.h"
#include "ModelFeeder.h"
#include "OpportunityListModel.h"
#include "Profile.h"
#include "RequestGate.h"
#include "SyncEngine.h"
#include "Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEvent>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>
#include <QTranslator>
#include <chrono>
#include <cstdio>
#include <memory>

namespace {

// --help and --version answer without a display (over ssh, on a server, in a package check).
bool onlyAsksForHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-h", "--help", "--help-all", "-v", "--version"}) {
            if (qstrcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

// Start-up in two steps: the window paints with the first screen of rows, then the rest of the
// cache pages in (ModelFeeder::pageIn). For bench_ui (KASHEW_REPORT_FIRST_FRAME set) it prints
// "first-frame <steady_clock ns> <rows>" after the first paint pass (the window's children paint
// in the same pass), "all-loaded <steady_clock ns> <rows>" once every row is in and painted,
// then quits once the cache's integrity check, started with the paging in, has finished.
class StartUp final : public QObject
{
public:
    StartUp(QWidget &window, ModelFeeder &feeder, const OpportunityListModel &model,
            DeferredCheck &check)
        : m_window(window)
        , m_feeder(feeder)
        , m_model(model)
        , m_check(check)
        , m_report(qEnvironmentVariableIsSet("KASHEW_REPORT_FIRST_FRAME"))
    {
        window.installEventFilter(this);
        connect(&feeder, &ModelFeeder::pagingFinished, this, [this] {
            m_allLoaded = true;
            if (m_report)
                m_window.update(); // painted with every row, then reported
        });
        // A window that is never painted (hidden, minimised) still gets every row.
        QTimer::singleShot(2000, this, &StartUp::startPaging);
    }
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_reported)
            return false;
        if (!m_painted) {
            m_painted = true;
            // After the paint pass, not inside it.
            QTimer::singleShot(0, this, [this] {
                report("first-frame");
                startPaging();
            });
        } else if (m_allLoaded && m_report) {
            m_reported = true;
            QTimer::singleShot(0, this, [this] {
                report("all-loaded");
                // The check's outcome (a recovery, say) is part of the start-up it reports on.
                if (m_check.isFinished())
                    QCoreApplication::exit(0);
                else
                    connect(&m_check, &DeferredCheck::finished, this,
                            [] { QCoreApplication::exit(0); });
            });
        }
        return false;
    }

private:
    void startPaging()
    {
        if (m_pagingStarted)
            return;
        m_pagingStarted = true;
        m_feeder.pageIn();
        // Not before: on a cold disk its reads would hold the first screen's back.
        m_check.start();
    }
    void report(const char *what) const
    {
        if (!m_report)
            return;
        const std::chrono::nanoseconds now = std::chrono::steady_clock::now().time_since_epoch();
        std::printf("%s %lld %d\n", what, static_cast<long long>(now.count()), m_model.rowCount());
        std::fflush(stdout);
    }

    QWidget &m_window;
    ModelFeeder &m_feeder;
    const OpportunityListModel &m_model;
    DeferredCheck &m_check;
    const bool m_report;
    bool m_painted = false;
    bool m_pagingStarted = false;
    bool m_allLoaded = false;
    bool m_reported = false;
};

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> application(onlyAsksForHelpOrVersion(argc, argv)
                                                            ? new QCoreApplication(argc, argv)
                                                            : new QApplication(argc, argv));
    QCoreApplication &app = *application;
    QApplication::setApplicationName(QStringLiteral("kashew-desktop"));
    QApplication::setOrganizationName(QStringLiteral("kashew"));
    QApplication::setApplicationDisplayName(QStringLiteral("kashew"));
    QApplication::setApplicationVersion(QStringLiteral(KASHEW_VERSION));
    // The installed desktop entry's name, without .desktop: Wayland matches windows to it.
    QApplication::setDesktopFileName(QStringLiteral("ai.kashew.Desktop"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    // A language kashew does not ship (or the C locale) reads the English source text: with
    // the English plural forms, not "6 month(s)".
    if (translator.load(QLocale(), QStringLiteral("kashew"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")) ||
        translator.load(QStringLiteral("kashew_en"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "kashew-desktop: your kashew.ai sales pipeline, offline-first."));
    parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption serverOption(
        QStringLiteral("server"),
        QApplication::translate(
            "main", "Server base URL, e.g. https://kashew.ai/api/v1 (remembered in the profile)."),
        QStringLiteral("url"));
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QApplication::translate("main",
                                "Profile folder: settings and caches (default: your data folder)."),
        QStringLiteral("dir"));
    const QCommandLineOption viewOption(
        QStringLiteral("view"),
        QApplication::translate("main", "Open on the list, the board or the forecast."),
        QStringLiteral("list|board|forecast"), QStringLiteral("list"));
    parser.addOptions({serverOption, profileOption, viewOption});
    if (parser.parse(QCoreApplication::arguments()) && parser.isSet(versionOption)) {
        // Qt's own version line, then the name the desktop matches windows to, as set above
        // (tst_desktopintegration compares both with the desktop entry).
        std::printf("%s %s\ndesktop file name: %s\n",
                    qPrintable(QCoreApplication::applicationName()),
                    qPrintable(QCoreApplication::applicationVersion()),
                    qPrintable(QGuiApplication::desktopFileName()));
        return 0;
    }
    parser.process(app); // answers --help and errors, and exits

    // The theme's icon once installed; the built-in one when run from the build tree.
    QApplication::setWindowIcon(QIcon::fromTheme(
        QStringLiteral("kashew-desktop"), QIcon(QStringLiteral(":/icons/kashew-desktop.svg"))));

    Profile profile(parser.value(profileOption));
    if (parser.isSet(serverOption)) {
        const QUrl url(parser.value(serverOption));
        if (!url.isValid() || url.scheme().isEmpty()) {
            std::fprintf(stderr,
                         "kashew-desktop: --server needs a URL such as https://kashew.ai/api/v1\n");
            return 2;
        }
        profile.setServerUrl(url);
    }
    const QUrl server = profile.serverUrl();

    LocalStore store;
    // The integrity check reads every page of the file: it runs beside the first window, and
    // nothing syncs into the cache until it passed (DeferredCheck).
    const LocalStore::OpenResult opened =
        store.open(profile.cachePath(server), LocalStore::Check::Deferred);
    if (!opened.ok) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "kashew"), opened.error);
        return 1;
    }
    DeferredCheck check(store);
    OpportunityListModel model;
    ModelFeeder feeder(store, model);
    // The first screen now; the rest once the window has painted (StartUp).
    feeder.loadFirstScreen();

    // Every request counts against the key's budget, in the cache `kashew` shares.
    RequestGate gate(store, [&profile] {
        return RequestBudget::read(QSettings(profile.settingsPath(), QSettings::IniFormat),
                                   RequestBudget::isHostedServer(profile.serverUrl()));
    });
    ApiClient client;
    client.setRequestGate(&gate);
    SyncEngine engine(store, client);
    KeychainCredentialStore keychain;
    MainWindow window({store, model, engine, client, profile, keychain});
    StartUp startUp(window, feeder, model, check);
    if (!opened.recoveryMessage.isEmpty())
        window.showBanner(opened.recoveryMessage, false, false);
    // The request ledger has its own connection to the cache file: opened once the file is
    // known to be sound (or is the new one), never on a file about to be moved aside.
    const auto connectToServer = [&gate, &window] {
        const Status counting = gate.open();
        if (!counting) // then nothing is sent: the sync says so too
            window.showBanner(counting.error(), false, false);
        window.connection().connectAtStart();
    };
    QObject::connect(&check, &DeferredCheck::passed, &window, connectToServer);
    QObject::connect(&check, &DeferredCheck::recovered, &window,
                     [&window, &feeder, connectToServer](const LocalStore::OpenResult &result) {
                         if (!result.ok) {
                             QMessageBox::critical(
                                 &window, QApplication::translate("main", "kashew"), result.error);
                             QCoreApplication::exit(1);
                             return;
                         }
                         feeder.reload(); // what the new cache holds: the salvaged edits
                         window.showBanner(result.recoveryMessage, false, false);
                         connectToServer();
                     });
    QObject::connect(&check, &DeferredCheck::unchecked, &window, [&window](const QString &message) {
        window.showBanner(message, false, false);
    });
    if (parser.value(viewOption) == QLatin1String("board"))
        window.views()->setCurrentWidget(window.board());
    else if (parser.value(viewOption) == QLatin1String("forecast"))
        window.views()->setCurrentWidget(window.forecast());
    window.show();
    return QApplication::exec();
}
