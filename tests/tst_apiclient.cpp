// ApiClient against a real kashew-server: typed errors, retries, rate limits, refusals.
#include "ApiClient.h"
#include "ServerProcess.h"
#include "TestData.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

namespace {

ApiClient::Settings settingsFor(const QUrl &url, const QByteArray &key)
{
    ApiClient::Settings settings;
    settings.baseUrl = url;
    settings.apiKey = QString::fromLatin1(key);
    settings.maxRetries = 3;
    settings.backoffBaseMs = 10;
    settings.backoffMaxMs = 50;
    settings.maxRateLimitWaitSeconds = 0;
    settings.transferTimeoutMs = 5000;
    return settings;
}

// Runs one call and waits for its callback.
template <typename T, typename Call> std::pair<ApiError, T> wait(Call call)
{
    std::optional<std::pair<ApiError, T>> result;
    call([&](const ApiError &error, const T &value) { result = std::make_pair(error, value); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000)) {
        ApiError noAnswer;
        noAnswer.kind = ApiError::Kind::Other;
        noAnswer.message = QStringLiteral("no answer");
        return {noAnswer, T{}};
    }
    return *result;
}

} // namespace

class TestApiClient final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_client.setSettings(settingsFor(m_server.baseUrl(), ServerProcess::writeKey));
    }

    void createReadUpdateDelete()
    {
        const auto [created, detail] = wait<ApiClient::Detail>([&](auto done) {
            m_client.createOpportunity({{QStringLiteral("name"), QStringLiteral("Client deal")},
                                        {QStringLiteral("value"), 10}},
                                       QStringLiteral("key-1"), done);
        });
        QVERIFY2(created.ok(), qPrintable(created.message));
        QCOMPARE(detail.opportunity.name, QStringLiteral("Client deal"));
        QVERIFY(!detail.etag.isEmpty());
        const auto [updated, after] = wait<ApiClient::Detail>([&](auto done) {
            m_client.updateOpportunity(detail.opportunity.id, {{QStringLiteral("value"), 20}},
                                       detail.etag, done);
        });
        QVERIFY(updated.ok());
        QCOMPARE(after.opportunity.value, 20.0);
        // The old ETag no longer matches.
        const auto [stale, ignored] = wait<ApiClient::Detail>([&](auto done) {
            m_client.updateOpportunity(detail.opportunity.id, {{QStringLiteral("value"), 30}},
                                       detail.etag, done);
        });
        QCOMPARE(stale.kind, ApiError::Kind::PreconditionFailed);
        const auto [read, fetched] = wait<ApiClient::Detail>(
            [&](auto done) { m_client.getOpportunity(detail.opportunity.id, done); });
        QVERIFY(read.ok());
        QCOMPARE(fetched.updates.size(), 2);
        const auto [removed, ok] = wait<bool>(
            [&](auto done) { m_client.deleteOpportunity(detail.opportunity.id, {}, done); });
        QVERIFY(removed.ok() && ok);
        const auto [gone, none] = wait<ApiClient::Detail>(
            [&](auto done) { m_client.getOpportunity(detail.opportunity.id, done); });
        QCOMPARE(gone.kind, ApiError::Kind::NotFound);
    }

    void validationErrorsNameTheField()
    {
        const auto [error, detail] = wait<ApiClient::Detail>([&](auto done) {
            m_client.createOpportunity({{QStringLiteral("name"), QStringLiteral("x")},
                                        {QStringLiteral("probability"), 300}},
                                       QStringLiteral("key-2"), done);
        });
        QCOMPARE(error.kind, ApiError::Kind::Validation);
        QCOMPARE(error.httpStatus, 422);
        QCOMPARE(error.fieldErrors.size(), 1);
        QCOMPARE(error.fieldErrors.first().field, QStringLiteral("probability"));
    }

    void wrongKeyAndReadOnlyKey()
    {
        ApiClient wrong;
        wrong.setSettings(settingsFor(m_server.baseUrl(), "kshw_not_a_key_000000"));
        const auto [unauthorized, page] =
            wait<ApiClient::OpportunityPage>([&](auto done) { wrong.listOpportunities({}, done); });
        QCOMPARE(unauthorized.kind, ApiError::Kind::Unauthorized);
        QCOMPARE(unauthorized.message, QStringLiteral("Invalid API key"));
        ApiClient reader;
        reader.setSettings(settingsFor(m_server.baseUrl(), ServerProcess::readKey));
        const auto [forbidden, detail] = wait<ApiClient::Detail>([&](auto done) {
            reader.createOpportunity({{QStringLiteral("name"), QStringLiteral("no")}},
                                     QStringLiteral("key-3"), done);
        });
        QCOMPARE(forbidden.kind, ApiError::Kind::Forbidden);
        QCOMPARE(forbidden.message, QStringLiteral("Scope 'crm:write' required"));
    }

    void keyNeverGoesOverPlainHttpToARemoteHost()
    {
        ApiClient remote;
        remote.setSettings(settingsFor(QUrl(QStringLiteral("http://example.com/api/v1")),
                                       ServerProcess::writeKey));
        const auto [error, page] = wait<ApiClient::OpportunityPage>(
            [&](auto done) { remote.listOpportunities({}, done); });
        QCOMPARE(error.kind, ApiError::Kind::Insecure);
        QCOMPARE(remote.requestCount(), 0);
        QVERIFY(ApiClient::isSafeToSendKey(QUrl(QStringLiteral("http://127.0.0.1:8080/api/v1"))));
        QVERIFY(ApiClient::isSafeToSendKey(QUrl(QStringLiteral("http://[::1]:8080/api/v1"))));
        QVERIFY(ApiClient::isSafeToSendKey(QUrl(QStringLiteral("https://kashew.ai/api/v1"))));
        QVERIFY(!ApiClient::isSafeToSendKey(QUrl(QStringLiteral("http://192.168.1.10/api/v1"))));
    }

    void retriesServerErrorsWithBackoff()
    {
        // Every request fails: the client tries once and retries maxRetries times. The server's
        // request log, each line stamped with the time since the server started, shows when each
        // try arrived. Exponential backoff with half jitter: retry n waits at least
        // backoffBaseMs · 2^n / 2, so the waits' lower bounds double (50, 100, 200, 400 ms).
        const QByteArray savedPattern = qgetenv("QT_MESSAGE_PATTERN");
        qputenv("QT_MESSAGE_PATTERN", "%{time process} %{message}");
        ServerProcess failing;
        const bool started = failing.start({QStringLiteral("--fault-error"), QStringLiteral("1"),
                                            QStringLiteral("--log-requests")});
        if (savedPattern.isNull())
            qunsetenv("QT_MESSAGE_PATTERN");
        else
            qputenv("QT_MESSAGE_PATTERN", savedPattern);
        QVERIFY(started);
        ApiClient client;
        ApiClient::Settings settings = settingsFor(failing.baseUrl(), ServerProcess::writeKey);
        settings.maxRetries = 4;
        settings.backoffBaseMs = 100;
        settings.backoffMaxMs = 10000;
        client.setSettings(settings);
        const auto [error, page] = wait<ApiClient::OpportunityPage>(
            [&](auto done) { client.listOpportunities({}, done); });
        QCOMPARE(error.kind, ApiError::Kind::Server);
        QCOMPARE(client.requestCount(), 5);
        failing.stop();

        static const QRegularExpression logged(
            QStringLiteral("^\\s*(\\d+)\\.(\\d{3}) GET /api/v1/opportunities -> 500"),
            QRegularExpression::MultilineOption);
        QList<qint64> arrivedMs;
        for (auto it = logged.globalMatch(failing.output()); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            arrivedMs.append(match.captured(1).toLongLong() * 1000 + match.captured(2).toInt());
        }
        QVERIFY2(arrivedMs.size() == 5, qPrintable(failing.output()));
        // Each line is written after its request arrived and before it is answered; the next
        // try comes only after the answer plus the backoff. So the gap between two lines is at
        // least the backoff. A tenth off for timer and clock granularity: still a lower bound.
        for (int retry = 0; retry < 4; ++retry) {
            const qint64 gap = arrivedMs.at(retry + 1) - arrivedMs.at(retry);
            const qint64 least = (qint64(settings.backoffBaseMs) << retry) / 2;
            QVERIFY2(gap >= least - least / 10,
                     qPrintable(QStringLiteral("retry %1 came %2 ms after the try before it; the "
                                               "backoff is at least %3 ms")
                                    .arg(retry + 1)
                                    .arg(gap)
                                    .arg(least)));
        }
    }

    void retriedReadsGetThrough()
    {
        // Half of the requests fail, in a repeatable order: every read still succeeds.
        ServerProcess flaky;
        QVERIFY(flaky.start({QStringLiteral("--fault-error"), QStringLiteral("0.5"),
                             QStringLiteral("--fault-seed"), QStringLiteral("3")}));
        ApiClient client;
        ApiClient::Settings settings = settingsFor(flaky.baseUrl(), ServerProcess::writeKey);
        settings.maxRetries = 8;
        client.setSettings(settings);
        for (int i = 0; i < 5; ++i) {
            const auto [error, page] = wait<ApiClient::OpportunityPage>(
                [&](auto done) { client.listOpportunities({}, done); });
            QVERIFY2(error.ok(), qPrintable(error.message));
        }
        QVERIFY(client.requestCount() > 5);
    }

    void postIsNotRepeatedBlindly()
    {
        // The request may have landed: the SyncEngine looks before posting again, not the client.
        ServerProcess failing;
        QVERIFY(failing.start({QStringLiteral("--fault-error"), QStringLiteral("1")}));
        ApiClient client;
        client.setSettings(settingsFor(failing.baseUrl(), ServerProcess::writeKey));
        const auto [error, detail] = wait<ApiClient::Detail>([&](auto done) {
            client.createOpportunity({{QStringLiteral("name"), QStringLiteral("once")}},
                                     QStringLiteral("k"), done);
        });
        QCOMPARE(error.kind, ApiError::Kind::Server);
        QCOMPARE(client.requestCount(), 1);
        const auto [listError, page] = wait<ApiClient::OpportunityPage>(
            [&](auto done) { client.listOpportunities({}, done); });
        QCOMPARE(listError.kind, ApiError::Kind::Server);
        QCOMPARE(client.requestCount(), 5); // reads are retried
    }

    void networkDownAndTimeouts()
    {
        ServerProcess stopped;
        QVERIFY(stopped.start());
        const QUrl url = stopped.baseUrl();
        stopped.stop();
        ApiClient client;
        client.setSettings(settingsFor(url, ServerProcess::writeKey));
        const auto [down, page] = wait<ApiClient::OpportunityPage>(
            [&](auto done) { client.listOpportunities({}, done); });
        QCOMPARE(down.kind, ApiError::Kind::Network);
        QCOMPARE(client.requestCount(), 4); // the first try and three retries

        ServerProcess slow;
        QVERIFY(slow.start({QStringLiteral("--fault-delay"), QStringLiteral("1,2000")}));
        ApiClient impatient;
        ApiClient::Settings settings = settingsFor(slow.baseUrl(), ServerProcess::writeKey);
        settings.transferTimeoutMs = 300;
        settings.maxRetries = 1;
        impatient.setSettings(settings);
        const auto [timeout, nothing] = wait<ApiClient::OpportunityPage>(
            [&](auto done) { impatient.listOpportunities({}, done); });
        QCOMPARE(timeout.kind, ApiError::Kind::Timeout);
    }

    void rateLimitWithAndWithoutRetryAfter_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("Retry-After")
            << QStringList{QStringLiteral("--rate-limit"), QStringLiteral("2")};
        QTest::newRow("detail text only")
            << QStringList{QStringLiteral("--rate-limit"), QStringLiteral("2"),
                           QStringLiteral("--no-retry-after")};
    }
    void rateLimitWithAndWithoutRetryAfter()
    {
        QFETCH(QStringList, options);
        ServerProcess limited;
        QVERIFY(limited.start(options));
        ApiClient client;
        client.setSettings(settingsFor(limited.baseUrl(), ServerProcess::writeKey));
        QSignalSpy waiting(&client, &ApiClient::rateLimited);
        for (int i = 0; i < 2; ++i)
            QVERIFY(wait<ApiClient::OpportunityPage>([&](auto done) {
                        client.listOpportunities({}, done);
                    }).first.ok());
        const auto [limitedError, page] = wait<ApiClient::OpportunityPage>(
            [&](auto done) { client.listOpportunities({}, done); });
        QCOMPARE(limitedError.kind, ApiError::Kind::RateLimited);
        // An hour's window: the wait comes from Retry-After or from "Try again in N seconds."
        QVERIFY2(limitedError.retryAfterSeconds > 3000 && limitedError.retryAfterSeconds <= 3600,
                 qPrintable(QString::number(limitedError.retryAfterSeconds)));
        // Longer than this client waits: reported at once, not hammered.
        QCOMPARE(client.requestCount(), 3);
        QCOMPARE(waiting.size(), 0);
    }

    // A wait short enough for the client: it says it waits (rateLimited), waits, and the retry
    // goes through; the caller sees only the success.
    void shortRateLimitWaitIsWaitedOutAndRetried_data()
    {
        rateLimitWithAndWithoutRetryAfter_data();
    }
    void shortRateLimitWaitIsWaitedOutAndRetried()
    {
        QFETCH(QStringList, options);
        ServerProcess limited;
        QVERIFY(limited.start(options +
                              QStringList{QStringLiteral("--rate-window"), QStringLiteral("2")}));
        ApiClient client;
        ApiClient::Settings settings = settingsFor(limited.baseUrl(), ServerProcess::writeKey);
        settings.maxRateLimitWaitSeconds = 5;
        client.setSettings(settings);
        QSignalSpy waiting(&client, &ApiClient::rateLimited);
        for (int i = 0; i < 2; ++i)
            QVERIFY(wait<ApiClient::OpportunityPage>([&](auto done) {
                        client.listOpportunities({}, done);
                    }).first.ok());
        QElapsedTimer clock;
        clock.start();
        const auto [error, page] = wait<ApiClient::OpportunityPage>(
            [&](auto done) { client.listOpportunities({}, done); });
        QVERIFY2(error.ok(), qPrintable(error.message));
        QCOMPARE(waiting.size(), 1);
        const int seconds = waiting.first().first().toInt();
        QVERIFY2(seconds >= 1 && seconds <= 2, qPrintable(QString::number(seconds)));
        // It really waited before asking again: the refused request, then the retry.
        QVERIFY(clock.elapsed() >= seconds * 1000 - 100);
        QCOMPARE(client.requestCount(), 4);
    }

    // Kashew-Features names a server's extensions: separated by commas, in any case, spaces
    // aside; a name counts only whole.
    void featuresFromTheHeader_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("users");
        QTest::addColumn<bool>("none");
        QTest::newRow("alone") << QByteArray("users") << true << false;
        QTest::newRow("among others") << QByteArray("changes, events, users") << true << false;
        QTest::newRow("case and spaces") << QByteArray("  Changes ,USERS\t") << true << false;
        QTest::newRow("empty items") << QByteArray(",, users ,") << true << false;
        QTest::newRow("absent") << QByteArray() << false << true;
        QTest::newRow("blank") << QByteArray(" , ") << false << true;
        QTest::newRow("others only") << QByteArray("changes, events") << false << false;
        QTest::newRow("longer names") << QByteArray("users-v2, superusers") << false << false;
    }
    void featuresFromTheHeader()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, users);
        QFETCH(bool, none);
        const ServerFeatures features = ServerFeatures::fromHeader(header);
        QCOMPARE(features.has(ServerFeatures::users()), users);
        QCOMPARE(features.has(QStringLiteral("Users")), users);
        QCOMPARE(features.isEmpty(), none);
    }

    // The client knows what kashew-server has from the listings it asks for anyway, and forgets
    // it when pointed at a server again.
    void listingsNameTheServersFeatures()
    {
        ApiClient client;
        client.setSettings(settingsFor(m_server.baseUrl(), ServerProcess::readKey));
        QVERIFY(!client.serverFeatures().has(ServerFeatures::users()));
        const auto [listed, page] = wait<ApiClient::OpportunityPage>(
            [&](auto done) { client.listOpportunities({}, done); });
        QVERIFY2(listed.ok(), qPrintable(listed.message));
        QVERIFY(client.serverFeatures().has(ServerFeatures::users()));
        QCOMPARE(client.requestCount(), 1);

        client.setSettings(settingsFor(m_server.baseUrl(), ServerProcess::readKey));
        QVERIFY(client.serverFeatures().isEmpty());
        const auto [accountsListed, accounts] =
            wait<ApiClient::AccountPage>([&](auto done) { client.listAccounts(1, 10, done); });
        QVERIFY2(accountsListed.ok(), qPrintable(accountsListed.message));
        QVERIFY(client.serverFeatures().has(ServerFeatures::users()));
    }

private:
    ServerProcess m_server;
    ApiClient m_client;
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
