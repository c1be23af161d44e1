// ApiClient against a real kashew-server: typed errors, retries, rate limits, refusals.
#include "ApiClient.h"
#include "ServerProcess.h"
#include "TestData.h"

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
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
        return {ApiError{ApiError::Kind::Other, 0, QStringLiteral("no answer"), {}, 0}, T{}};
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

private:
    ServerProcess m_server;
    ApiClient m_client;
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
