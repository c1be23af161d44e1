// The detail's updates history stays current, against a real kashew-server: a change made on the
// server behind the client's back shows once a sync brings the record, an edit made here shows
// once pushed, and a history older than its record is fetched again after a restart. A fetch
// that fails is not repeated in a loop; meanwhile (and offline) the stored history is shown.
#include "DetailPanel.h"
#include "Money.h"
#include "OpportunityFilterProxy.h"
#include "TestData.h"
#include "TestHttp.h"
#include "WindowOnServer.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

class TestDetailHistory final : public QObject, private WindowOnServer
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void init() { setUpWindowOnServer(); }

    void cleanup() { tearDownWindowOnServer(); }

    void serverEditShowsAfterTheSyncThatBringsIt()
    {
        const QString id = createPilot();
        QVERIFY(!id.isEmpty());
        // Told as the rep knows it: no account id, the amount as the list shows it.
        QVERIFY2(shows(QStringLiteral(" in Proposal, ") + formatMoney(600, QStringLiteral("GBP"))),
                 qPrintable(historyText()));
        QVERIFY2(!shows(m_accountId), qPrintable(historyText()));

        QCOMPARE(moveToNegotiationOnTheServer(id), 200);
        QVERIFY(m_app->sync());
        QTRY_VERIFY2_WITH_TIMEOUT(shows(QStringLiteral("Stage: Proposal → Negotiation")),
                                  qPrintable(historyText()), 10000);
        QCOMPARE(m_app->window->detail()->currentId(), id);
    }

    void localEditShowsOncePushed()
    {
        const QString id = createPilot();
        QVERIFY(!id.isEmpty());
        Opportunity edited = m_app->store.opportunity(id)->opportunity;
        edited.probability = 80;
        QVERIFY(m_app->store.editOpportunity(id, edited, OpportunityField::Probability));
        QVERIFY(m_app->sync());
        QTRY_VERIFY2_WITH_TIMEOUT(shows(QStringLiteral("Probability: 50% → 80%")),
                                  qPrintable(historyText()), 10000);
    }

    void historyOlderThanTheRecordIsFetchedAfterARestart()
    {
        const QString id = createPilot();
        QVERIFY(!id.isEmpty());
        // The app closes; a sync of the same cache (`kashew sync`, say) brings a newer record.
        m_proxyTester.reset();
        m_app->window.reset();
        QCOMPARE(moveToNegotiationOnTheServer(id), 200);
        QVERIFY(m_app->sync());
        QCOMPARE(m_app->store.history(id)->updates.size(), 1);

        // Started again over that cache, it opens the record on a history older than it.
        m_app->window = std::make_unique<MainWindow>(
            MainWindow::Services{m_app->store, m_app->model, *m_app->engine, m_app->client,
                                 *m_app->profile, m_app->credentials});
        watchWindow();
        QVERIFY(m_app->select(id));
        QTRY_VERIFY2_WITH_TIMEOUT(shows(QStringLiteral("Stage: Proposal → Negotiation")),
                                  qPrintable(historyText()), 10000);
        QCOMPARE(m_app->store.history(id)->updates.size(), 2);
    }

    void failedFetchIsNotRepeatedAndTheStoredHistoryStays()
    {
        const QString id = createPilot();
        QVERIFY(!id.isEmpty());
        const QString other = TestData::createOpportunity(
                                  *m_http, {{QStringLiteral("name"), QStringLiteral("Other")}})
                                  .value(QStringLiteral("id"))
                                  .toString();
        QVERIFY(m_app->sync());
        QVERIFY(m_app->select(other));
        QTRY_VERIFY_WITH_TIMEOUT(shows(QStringLiteral("Created by")), 10000);
        // The pilot changes on the server while another record is open: its history is stale.
        QCOMPARE(moveToNegotiationOnTheServer(id), 200);
        QVERIFY(m_app->sync());

        // The server goes away before the pilot is opened again: one fetch, which fails.
        QSignalSpy fetched(m_app->engine.get(), &SyncEngine::detailFetched);
        QCOMPARE(m_server->stop(), 0);
        QVERIFY(m_app->select(id));
        QTRY_COMPARE_WITH_TIMEOUT(fetched.count(), 1, 10000);
        QVERIFY(!fetched.first().at(1).value<ApiError>().ok());
        QVERIFY2(shows(QStringLiteral("Created by")) && !shows(QStringLiteral("Negotiation")),
                 qPrintable(historyText()));
        // Opened again and again, refreshed by the cache: not asked again.
        for (int round = 0; round < 3; ++round) {
            QVERIFY(m_app->select(other));
            QVERIFY(m_app->select(id));
        }
        QVERIFY(!m_app->sync()); // offline now
        QVERIFY(m_app->select(other));
        QVERIFY(m_app->select(id));
        QTest::qWait(500);
        QCOMPARE(fetched.count(), 1);
        QVERIFY2(shows(QStringLiteral("Created by")), qPrintable(historyText()));

        // Back: the sync that goes through brings the history of the record open.
        QVERIFY(m_server->start());
        QVERIFY(m_app->sync());
        QTRY_VERIFY2_WITH_TIMEOUT(shows(QStringLiteral("Stage: Proposal → Negotiation")),
                                  qPrintable(historyText()), 10000);
        QCOMPARE(fetched.count(), 2);
    }

private:
    // A deal made on the server, synced here and opened with its history; its id.
    QString createPilot()
    {
        m_accountId = TestData::createAccount(*m_http, QStringLiteral("Acme Logistics"));
        const QString id = TestData::createOpportunity(
                               *m_http, {{QStringLiteral("name"), QStringLiteral("Pilot")},
                                         {QStringLiteral("accountId"), m_accountId},
                                         {QStringLiteral("value"), 600},
                                         {QStringLiteral("currency"), QStringLiteral("GBP")},
                                         {QStringLiteral("stage"), QStringLiteral("proposal")},
                                         {QStringLiteral("probability"), 50}})
                               .value(QStringLiteral("id"))
                               .toString();
        if (id.isEmpty() || !m_app->sync() || !m_app->select(id))
            return {};
        if (!QTest::qWaitFor([this] { return shows(QStringLiteral("Created by")); }, 10000))
            return {};
        return id;
    }

    // Someone moves `id` on the server, behind the client's back; the status it answered.
    int moveToNegotiationOnTheServer(const QString &id)
    {
        return m_http
            ->put(QStringLiteral("/opportunities/") + id,
                  {{QStringLiteral("stage"), QStringLiteral("negotiation")}})
            .status;
    }

    QString historyText() const
    {
        return m_app->window->detail()->historyTexts().join(QLatin1Char('\n'));
    }
    bool shows(const QString &text) const { return historyText().contains(text); }

    QString m_accountId;
};

QTEST_MAIN(TestDetailHistory)
#include "tst_detailhistory.moc"
