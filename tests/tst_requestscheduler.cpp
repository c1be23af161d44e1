// The request budget (issue 18, the hosted API): the RequestLedger counts in sliding windows; the
// RequestGate lets out only what the budget allows, against a real kashew-server whose request log
// says what reached it; a simulated day of edits and syncs under the free plan never goes over it
// and loses nothing; a 429 lowers the budget to the server's real limit; a pull leaves the
// requests the outbox needs, and the edits go first.
#include "RequestGate.h"
#include "ServerProcess.h"
#include "SyncFixture.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

namespace {

const QDateTime morning(QDate(2026, 6, 1), QTime(8, 0), Qt::UTC);

RequestBudget custom(int requestsPerHour, int writesPerDay)
{
    RequestBudget budget = RequestBudget::forPlan(RequestBudget::Plan::Custom);
    budget.requestsPerHour = requestsPerHour;
    budget.writesPerDay = writesPerDay;
    return budget;
}

// A request as the server logged it.
struct Logged
{
    QDateTime at;
    bool write = false;
};

// Reads the server's request log as it grows: the lines of requests that came since last time.
class LogReader final
{
public:
    explicit LogReader(ServerProcess &server)
        : m_server(server)
    {
        m_server.requestLog(); // what came before: the test's own set-up
        m_seen = lines().size();
    }

    // The requests logged since the last call: `expected` of them (the client's own count),
    // waited for a moment when some are still in the pipe.
    QList<bool> next(int expected)
    {
        QStringList all;
        QDeadlineTimer deadline(5000);
        do {
            m_server.waitForLine(QRegularExpression(QStringLiteral("^(?!)")), 1);
            all = lines();
        } while (all.size() - m_seen < expected && !deadline.hasExpired());
        QList<bool> writes;
        for (qsizetype i = m_seen; i < all.size(); ++i)
            writes.append(!all.at(i).startsWith(QLatin1String("GET ")));
        m_seen = all.size();
        return writes;
    }

private:
    QStringList lines() const
    {
        static const QRegularExpression request(QStringLiteral("^[A-Z]+ /\\S* -> \\d+"));
        QStringList found;
        for (const QString &line : m_server.output().split(QLatin1Char('\n')))
            if (request.match(line).hasMatch())
                found.append(line);
        return found;
    }

    ServerProcess &m_server;
    qsizetype m_seen = 0;
};

// The most requests (writes) any window of `length` held.
int busiestWindow(const QList<Logged> &sent, qint64 lengthSeconds, bool writesOnly)
{
    int most = 0;
    for (const Logged &end : sent) {
        int inWindow = 0;
        for (const Logged &other : sent)
            inWindow += (!writesOnly || other.write) && other.at <= end.at &&
                        other.at.secsTo(end.at) < lengthSeconds;
        most = std::max(most, inWindow);
    }
    return most;
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

bool syncOnce(SyncEngine &engine)
{
    QSignalSpy finished(&engine, &SyncEngine::finished);
    engine.syncNow();
    return (!finished.isEmpty() || finished.wait(60000)) && finished.first().first().toBool();
}

} // namespace

class TestRequestScheduler final : public QObject
{
    Q_OBJECT

private slots:
    // Requests an hour and writes a day over sliding windows, with when a window has room; old
    // rows are forgotten.
    void theLedgerCountsSlidingWindows()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok);
        QDateTime now = morning;
        RequestLedger ledger({[&] { return now; }, 1});
        QVERIFY(ledger.open(store.path()));
        QVERIFY(ledger.record(false));
        now = now.addSecs(600);
        QVERIFY(ledger.record(true));
        QVERIFY(ledger.record(false));
        QCOMPARE(ledger.counts()->requestsThisHour, 3);
        QCOMPARE(ledger.counts()->writesToday, 1);
        // Room for one more of three: when the first leaves the hour (and the minute's margin).
        QCOMPARE(*ledger.roomAt(RequestLedger::Window::Hour, 3, 1), morning.addSecs(3660));
        QCOMPARE(*ledger.roomAt(RequestLedger::Window::Hour, 5, 1), now);
        QVERIFY(!ledger.roomAt(RequestLedger::Window::Hour, 3, 4)->isValid());
        now = morning.addSecs(3661);
        QCOMPARE(ledger.counts()->requestsThisHour, 2);
        now = morning.addSecs(600 + 24 * 3600 + 61);
        QCOMPARE(ledger.counts()->writesToday, 0);
        QVERIFY(ledger.prune());
        {
            QSqlDatabase file =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            file.setDatabaseName(store.path());
            QVERIFY(file.open());
            QSqlQuery rows(file);
            QVERIFY(rows.exec(QStringLiteral("SELECT COUNT(*) FROM request_log")) && rows.next());
            QCOMPARE(rows.value(0).toInt(), 0);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }

    // Past the budget nothing is sent: the call fails as OverBudget, saying when there is room,
    // and the server never hears of it. A write needs the day's writes too.
    void nothingOverTheBudgetIsSent()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--log-requests")}));
        LogReader log(server);
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QDateTime now = morning;
        RequestGate gate(sync.store, [] { return custom(3, 1); }, {[&] { return now; }, 1});
        QVERIFY(gate.open());
        sync.client.setRequestGate(&gate);
        QVERIFY(listAccounts(sync.client).ok());
        now = now.addSecs(60);
        QVERIFY(listAccounts(sync.client).ok());
        QVERIFY(listAccounts(sync.client).ok());
        const ApiError refused = listAccounts(sync.client);
        QCOMPARE(refused.kind, ApiError::Kind::OverBudget);
        QVERIFY(!refused.mayHaveLanded);
        // The first request leaves the window an hour and a minute after it was sent.
        QCOMPARE(refused.retryAfterSeconds, 3600);
        QCOMPARE(log.next(3).size(), 3);
        now = morning.addSecs(3660);
        QVERIFY(listAccounts(sync.client).ok());
        QCOMPARE(gate.usage()->requestsLeft(), 0);
        QCOMPARE(gate.usage()->writesLeft(), 1);
        QCOMPARE(log.next(1).size(), 1);
    }

    // A day of edits and syncs every few minutes under the free plan, counted as the server saw
    // them: no hour over 100 requests, no day over 50 writes; the edits past the day's writes
    // wait in the outbox for the next day, and every one reaches the server.
    void aSimulatedDayStaysWithinTheFreePlan()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--log-requests")}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        constexpr int deals = 60;
        QStringList ids;
        for (int i = 0; i < deals; ++i)
            ids.append(TestData::createDeal(http, QStringLiteral("Deal %1").arg(i)));
        LogReader log(server);
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QDateTime now = morning;
        RequestGate gate(sync.store,
                         [] { return RequestBudget::forPlan(RequestBudget::Plan::Free); },
                         {[&] { return now; }, 1});
        QVERIFY(gate.open());
        sync.client.setRequestGate(&gate);
        sync.engine->setPushDelay(std::chrono::hours(1)); // only the test's syncs

        QList<Logged> sent;
        int refusedSyncs = 0;
        // Syncs that went through, pulling, while the day's writes were spent and edits waited.
        int pulledWhileEditsWait = 0;
        int edited = 0;
        const QDateTime end = morning.addDays(1).addSecs(3600);
        while (now < end) {
            // A busy morning each day: an edit every 2.5 minutes, 60 in all, on 60 deals.
            const bool busy = now < morning.addSecs(3 * 3600) || now >= morning.addSecs(23 * 3600);
            if (busy && edited < deals && morning.secsTo(now) >= edited * 150 &&
                sync.store.opportunity(ids.at(edited))) {
                Opportunity deal = sync.store.opportunity(ids.at(edited))->opportunity;
                deal.value = 5000 + edited;
                QVERIFY(sync.store.editOpportunity(deal.id, deal, OpportunityField::Value));
                ++edited;
            }
            const int before = sync.client.requestCount();
            const bool writesSpent = gate.usage()->writesLeft() == 0;
            if (!syncOnce(*sync.engine)) {
                QCOMPARE(sync.engine->lastError().kind, ApiError::Kind::OverBudget);
                ++refusedSyncs;
            } else if (writesSpent && sync.store.pendingCount() > 0) {
                ++pulledWhileEditsWait;
            }
            for (bool write : log.next(sync.client.requestCount() - before))
                sent.append({now, write});
            now = now.addSecs(busy ? 45 : 600);
        }
        QCOMPARE(edited, deals);
        QVERIFY(refusedSyncs > 0); // the budget did hold syncs back
        QVERIFY(pulledWhileEditsWait > 0);
        QVERIFY2(busiestWindow(sent, 3600, false) <= 100,
                 qPrintable(QString::number(busiestWindow(sent, 3600, false))));
        QCOMPARE(busiestWindow(sent, 24 * 3600, true), 50);
        // Nothing lost: every edit is on the server, nothing waits, nothing failed.
        QCOMPARE(sync.store.pendingCount(), 0);
        for (int i = 0; i < deals; ++i)
            QCOMPARE(
                TestData::serverRecord(http, ids.at(i)).value(QStringLiteral("value")).toDouble(),
                double(5000 + i));
        const auto cached = sync.store.opportunities();
        QVERIFY(cached);
        QCOMPARE(cached->size(), deals);
        for (const CachedOpportunity &record : *cached)
            QCOMPARE(record.state, SyncState::Synced);
    }

    // kashew-server limited to 20 requests a window (a short hour), a budget of 100: the 21st is
    // refused, the budget is lowered to 20 and said so, and the next windows are not refused
    // again, though the client sends as much as its budget allows. The lowering stays in the
    // cache (the app and `kashew` share it) until the plan changes.
    void a429LowersTheBudgetToTheServersLimit()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--rate-limit"), QStringLiteral("20"),
                              QStringLiteral("--rate-window"), QStringLiteral("2"),
                              QStringLiteral("--log-requests")}));
        SyncFixture sync;
        QVERIFY(sync.open(server));
        ApiClient::Settings settings = sync.client.settings();
        settings.maxRetries = 0;
        settings.maxRateLimitWaitSeconds = -1; // said at once, waited out here
        sync.client.setSettings(settings);
        // An hour of the client's clock is the server's window: 2 s.
        QElapsedTimer real;
        real.start();
        constexpr int speedUp = 1800;
        const RequestLedger::Clock clock{[&] { return morning.addMSecs(real.elapsed() * speedUp); },
                                         speedUp};
        RequestBudget chosen = custom(100, 0);
        RequestGate gate(
            sync.store, [&] { return chosen; }, clock);
        QVERIFY(gate.open());
        sync.client.setRequestGate(&gate);

        int answered = 0;
        ApiError last;
        while (answered < 30 && (last = listAccounts(sync.client)).ok())
            ++answered;
        QCOMPARE(last.kind, ApiError::Kind::RateLimited);
        QCOMPARE(answered, 20);
        QCOMPARE(gate.usage()->budget.requestsPerHour, 20);
        QCOMPARE(gate.usage()->lowering->text(),
                 QStringLiteral("lowered to 20 an hour after the server refused the 21st"));

        // Three more windows, every request as soon as the budget lets it out.
        answered = 0;
        QElapsedTimer windows;
        windows.start();
        while (windows.elapsed() < 6000) {
            const ApiError error = listAccounts(sync.client);
            if (error.ok()) {
                ++answered;
                continue;
            }
            QVERIFY2(error.kind == ApiError::Kind::OverBudget ||
                         error.kind == ApiError::Kind::RateLimited,
                     qPrintable(error.message));
            QTest::qWait(std::min(500, error.retryAfterSeconds * 1000));
        }
        const QString log = server.requestLog();
        QCOMPARE(log.count(QRegularExpression(QStringLiteral("-> 429"))), 1);
        QVERIFY2(answered >= 40, qPrintable(QString::number(answered))); // the budget is used

        RequestGate again(sync.store, [&] { return chosen; });
        QVERIFY(again.open());
        QCOMPARE(again.usage()->budget.requestsPerHour, 20);
        chosen = RequestBudget::forPlan(RequestBudget::Plan::Largest);
        QCOMPARE(again.usage()->budget.requestsPerHour, 2000);
        QVERIFY(!again.usage()->lowering);
        QVERIFY(sync.store.setting(QStringLiteral("budget/lowered")).isEmpty());
    }

    // A pull under a budget of 6 an hour: after its first page the user adds two deals, and the
    // pull stops short, leaving a request for each; the deals go out before the pull goes on.
    void aPullLeavesTheRequestsTheOutboxNeeds()
    {
        ServerProcess server;
        // More pages than the hour's budget holds (500 a page).
        QVERIFY(server.start(
            {QStringLiteral("--demo"), QStringLiteral("6000"), QStringLiteral("--log-requests")}));
        LogReader log(server);
        SyncFixture sync;
        QVERIFY(sync.open(server));
        QDateTime now = morning;
        RequestGate gate(sync.store, [] { return custom(6, 0); }, {[&] { return now; }, 1});
        QVERIFY(gate.open());
        sync.client.setRequestGate(&gate);
        sync.engine->setPushDelay(std::chrono::milliseconds(10));
        bool added = false;
        connect(
            sync.engine.get(), &SyncEngine::progressChanged, this,
            [&](const SyncEngine::Progress &progress) {
                if (progress.pagesDone != 1 || added)
                    return;
                added = true;
                for (const QString &name : {QStringLiteral("First"), QStringLiteral("Second")}) {
                    Opportunity deal;
                    deal.name = name;
                    deal.value = 1000;
                    deal.currency = QStringLiteral("EUR");
                    QVERIFY(sync.store.createOpportunity(deal));
                }
            });
        QVERIFY(!syncOnce(*sync.engine));
        QCOMPARE(sync.engine->lastError().kind, ApiError::Kind::OverBudget);
        const QList<bool> pulled = log.next(sync.client.requestCount());
        QCOMPARE(pulled, QList<bool>(4, false)); // 6, less a request for each new deal
        QCOMPARE(gate.usage()->requestsLeft(), 2);
        QCOMPARE(sync.store.pendingCount(), 2);

        // The engine sends them by itself, in the same hour, and nothing more.
        QTRY_COMPARE_WITH_TIMEOUT(sync.store.pendingCount(), 0, 10000);
        QTest::qWait(200);
        QCOMPARE(log.next(2), QList<bool>(2, true));
        QCOMPARE(sync.client.requestCount(), 6);
        QCOMPARE(sync.engine->lastError().kind, ApiError::Kind::OverBudget);
    }
};

QTEST_GUILESS_MAIN(TestRequestScheduler)
#include "tst_requestscheduler.moc"
