// What the status bar and `kashew status` say of the request budget (issue 18): the requests and
// writes left, the next sync, how far a pull cut short by the budget has got and when it goes on,
// a budget lowered by the server's 429; all of it within a 1024 px wide window.
#include "BudgetSettingsPage.h"
#include "CliRun.h"
#include "ConnectedWindow.h"
#include "RequestGate.h"
#include "SyncStatusBar.h"
#include "TestHttp.h"

#include <QLabel>
#include <QLocale>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

namespace {

RequestBudget custom(int requestsPerHour, int writesPerDay)
{
    RequestBudget budget = RequestBudget::forPlan(RequestBudget::Plan::Custom);
    budget.requestsPerHour = requestsPerHour;
    budget.writesPerDay = writesPerDay;
    return budget;
}

QString budgetLabel(const ConnectedWindow &app)
{
    const auto *label = app.window->findChild<QLabel *>(QStringLiteral("syncBudget"));
    return label ? label->text() : QStringLiteral("(no budget label)");
}

// "4:05 PM" for now + `seconds`, and the minute after (the clock may turn meanwhile).
QStringList timesIn(qint64 seconds)
{
    // As the status bar says a time: with the weekday when it falls tomorrow (a run near
    // midnight).
    const auto said = [](const QDateTime &at) {
        const QString time = QLocale().toString(at.time(), QLocale::ShortFormat);
        return at.date() == QDate::currentDate()
                   ? time
                   : QLocale().toString(at.date(), QStringLiteral("ddd")) + QLatin1Char(' ') + time;
    };
    const QDateTime at = QDateTime::currentDateTime().addSecs(seconds);
    return {said(at), said(at.addSecs(60))};
}

ApiError listAccounts(ApiClient &client)
{
    std::optional<ApiError> answer;
    client.listAccounts(
        1, 10, [&](const ApiError &error, const ApiClient::AccountPage &) { answer = error; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000))
        return ApiError{ApiError::Kind::Timeout, 0, QStringLiteral("no answer"), {}, 0};
    return *answer;
}

// The real `kashew` on `profile`, in English with the en_US number format.
CliRun runCli(const QString &profile, const QUrl &server, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("KASHEW_API_KEY"),
                       QString::fromLatin1(ServerProcess::writeKey));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("en_US.UTF-8"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(KASHEW_CLI_PATH),
                  QStringList{QStringLiteral("--profile"), profile, QStringLiteral("--server"),
                              server.toString()} +
                      arguments);
    CliRun run;
    if (!process.waitForFinished(120000))
        process.kill();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

QString lineOf(const QString &output, const QString &start)
{
    for (const QString &line : output.split(QLatin1Char('\n')))
        if (line.startsWith(start))
            return line;
    return QString();
}

} // namespace

class TestBudgetStatus final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    // The free plan: the requests and writes left after a sync, as the server counted them; with
    // the engine's timer, when the next sync runs. No limit: no budget said.
    void theBudgetLeftAndTheNextSync()
    {
        ServerProcess server;
        QVERIFY(server.start());
        ConnectedWindow app(server);
        QVERIFY(app.ok);
        RequestGate gate(app.store,
                         [] { return RequestBudget::forPlan(RequestBudget::Plan::Free); });
        QVERIFY(gate.open());
        app.client.setRequestGate(&gate);
        QVERIFY(app.sync());
        const int sent = app.client.requestCount();
        QVERIFY(sent >= 1);
        QCOMPARE(budgetLabel(app), QStringLiteral("%1 of 100 requests left this hour · 50 of 50 "
                                                  "writes today")
                                       .arg(100 - sent));

        app.engine->start(std::chrono::minutes(20));
        QVERIFY(app.settle());
        // (The live channel's connection counts too: the count is the server's business here.)
        const QString said = budgetLabel(app);
        const QString next = QStringLiteral(" of 100 requests left this hour · 50 of 50 writes "
                                            "today · next sync ");
        QVERIFY2(said.contains(next) &&
                     timesIn(20 * 60 - 60).contains(said.mid(said.indexOf(next) + next.size())),
                 qPrintable(said));

        ConnectedWindow unlimited(server);
        QVERIFY(unlimited.ok);
        RequestGate none(unlimited.store,
                         [] { return RequestBudget::forPlan(RequestBudget::Plan::Unlimited); });
        QVERIFY(none.open());
        unlimited.client.setRequestGate(&none);
        QVERIFY(unlimited.sync());
        QCOMPARE(budgetLabel(unlimited), QString());
    }

    // The budget is spent in the middle of a pull: the status bar says how far it got and when
    // it goes on (when the first request leaves the hour), not a problem to act on, and every
    // label fits a 1024 px wide window.
    void aPullCutShortSaysWhenItGoesOn()
    {
        ServerProcess server;
        QVERIFY(server.start());
        ConnectedWindow app(server);
        QVERIFY(app.ok);
        RequestGate gate(app.store, [] { return custom(5, 50); });
        QVERIFY(gate.open());
        app.client.setRequestGate(&gate);
        const QStringList goesOn = timesIn(61 * 60);
        for (int sent = 0; sent < 10 && listAccounts(app.client).ok(); ++sent) {
        }
        app.engine->syncNow();
        QVERIFY(!app.settle());
        QCOMPARE(app.engine->lastError().kind, ApiError::Kind::OverBudget);
        PullProgress progress;
        progress.startedAt = QDateTime::currentDateTimeUtc();
        progress.recordsSeen = 12000;
        progress.recordsTotal = 100000;
        QVERIFY(app.store.setPullProgress(progress));
        app.window->findChild<SyncStatusBar *>()->refresh();
        const QString said = app.window->statusText();
        const QString fetched = QStringLiteral("12,000 of 100,000 deals fetched; continues at ");
        QVERIFY2(said.startsWith(fetched) && goesOn.contains(said.mid(fetched.size())),
                 qPrintable(said));
        QCOMPARE(budgetLabel(app), QStringLiteral("0 of 5 requests left this hour · 50 of 50 "
                                                  "writes today"));
        QCOMPARE(app.window->bannerText(), QString()); // nothing for the user to do

        // Every label at its full width, side by side, within 1024 px.
        QVERIFY2(app.window->minimumSizeHint().width() <= 1024,
                 qPrintable(QString::number(app.window->minimumSizeHint().width())));
        app.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(app.window.get()));
        QVERIFY2(app.window->statusBar()->sizeHint().width() <= 1024,
                 qPrintable(QString::number(app.window->statusBar()->sizeHint().width())));
    }

    // `kashew status` on a profile whose sync met a server limited below the plan: the plan and
    // its lowering, the requests and writes left, and how far the pull has got.
    void kashewStatusSaysTheSame()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--rate-limit"), QStringLiteral("2")}));
        QTemporaryDir dir;
        const QString profile = dir.filePath(QStringLiteral("profile"));
        {
            Profile created(profile);
            created.setServerUrl(server.baseUrl());
            QSettings settings(created.settingsPath(), QSettings::IniFormat);
            RequestBudget::forPlan(RequestBudget::Plan::Free).write(settings);
        }
        // The third request is refused (which, the listing's or the people's, is the pull's
        // business): the budget is lowered to 2.
        runCli(profile, server.baseUrl(), {QStringLiteral("sync"), QStringLiteral("--no-wait")});
        {
            LocalStore store;
            QVERIFY(store.open(Profile(profile).cachePath(server.baseUrl())).ok);
            PullProgress progress;
            progress.recordsSeen = 12000;
            progress.recordsTotal = 100000;
            QVERIFY(store.setPullProgress(progress));
        }
        const CliRun status = runCli(profile, server.baseUrl(), {QStringLiteral("status")});
        EXPECT_EXIT(status, 0);
        QCOMPARE(lineOf(status.out, QStringLiteral("budget:")),
                 QStringLiteral("budget:      Free plan: 100 requests an hour, 50 writes a day; "
                                "lowered to 2 an hour after the server refused the 3rd"));
        QCOMPARE(lineOf(status.out, QStringLiteral("left:")),
                 QStringLiteral("left:        0 of 2 requests left this hour · 50 of 50 writes "
                                "today"));
        const QString pull = lineOf(status.out, QStringLiteral("pull:"));
        const QString fetched =
            QStringLiteral("pull:        12,000 of 100,000 deals fetched; continues at ");
        QVERIFY2(pull.startsWith(fetched), qPrintable(status.out));
    }

    // The settings' Budget page says a lowering in force, and until when it holds.
    void theBudgetPageSaysTheLowering()
    {
        QTemporaryDir dir;
        BudgetSettingsPage page(dir.filePath(QStringLiteral("settings.ini")), true);
        const auto *note = page.findChild<QLabel *>(QStringLiteral("budgetLowered"));
        QVERIFY(note);
        QVERIFY(note->isHidden());
        page.setLowering(QStringLiteral("lowered to 60 an hour after the server refused the 61st"));
        QVERIFY(!note->isHidden());
        QCOMPARE(note->textFormat(), Qt::PlainText);
        QVERIFY2(note->text().contains(
                     QStringLiteral("lowered to 60 an hour after the server refused the 61st")),
                 qPrintable(note->text()));
    }
};

QTEST_MAIN(TestBudgetStatus)
#include "tst_budgetstatus.moc"
