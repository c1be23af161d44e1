// Several kashew-server processes on one PostgreSQL database, as behind a load balancer
// (tst_servercluster_pg only): a key's rate budget, idempotency keys, If-Match and histories hold
// whichever process answers. Races are made certain, not hoped for: the test holds the change
// clock's row (every write takes it last, before COMMIT) until both racing requests wait inside
// the database, then lets them go.
#include "ServerProcess.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <algorithm>
#include <memory>

namespace {

const QString clockConnection = QStringLiteral("tst_servercluster-clock");

QNetworkReply *sendAsync(QNetworkAccessManager &network, const ServerProcess &server,
                         const QByteArray &method, const QString &path,
                         const QJsonObject &body = {},
                         const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    QNetworkRequest request(QUrl(server.baseUrl().toString() + path));
    request.setRawHeader("Authorization", QByteArray("Bearer ") + ServerProcess::writeKey);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return network.sendCustomRequest(
        request, method,
        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
}

bool finishAll(const QList<QNetworkReply *> &replies)
{
    return QTest::qWaitFor(
        [&replies] {
            return std::all_of(replies.cbegin(), replies.cend(),
                               [](const QNetworkReply *reply) { return reply->isFinished(); });
        },
        30000);
}

int statusOf(const QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

class TestServerCluster final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void aKeysBudgetIsShared();
    void aKeysWriteBudgetIsShared();
    void aRetriedPostOnAnotherProcessCreatesOneRecord();
    void concurrentPostsWithOneKeyCreateOneRecord();
    void racingPutsWithOneEtagUpdateOnce();
    void historyWrittenThroughOneIsReadThroughTheOther();

private:
    bool startBoth(const QStringList &arguments = {});
    // A transaction of the test's own holding change_clock's row: every write on any process
    // then waits for it before COMMIT.
    bool holdTheClock();
    // Waits until `count` sessions of the servers wait for a lock in the database.
    bool waitForBlockedSessions(int count);
    bool releaseTheClock();
    QJsonArray allOpportunities(TestHttp &http);

    std::unique_ptr<ServerProcess> m_first;
    std::unique_ptr<ServerProcess> m_second;
};

void TestServerCluster::init()
{
    QVERIFY2(ServerProcess::usesPostgres(), "run as tst_servercluster_pg (PostgreSQL only)");
    m_first = std::make_unique<ServerProcess>();
    m_second = std::make_unique<ServerProcess>(ServerProcess::SameDatabaseAs{*m_first});
}

void TestServerCluster::cleanup()
{
    // Closing ends a transaction still holding the clock (a failed test).
    if (QSqlDatabase::contains(clockConnection)) {
        QSqlDatabase::database(clockConnection).close();
        QSqlDatabase::removeDatabase(clockConnection);
    }
    m_second.reset();
    m_first.reset();
}

bool TestServerCluster::startBoth(const QStringList &arguments)
{
    return m_first->start(arguments) && m_second->start(arguments);
}

bool TestServerCluster::holdTheClock()
{
    const std::shared_ptr<PostgresTestDatabase> database = m_first->postgresDatabase();
    if (!database)
        return false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), clockConnection);
        db.setHostName(database->host());
        db.setPort(database->port());
        db.setUserName(database->user());
        db.setPassword(database->password());
        db.setDatabaseName(database->name());
        if (!db.open() || !db.transaction()) {
            qWarning("cannot hold the clock: %s", qPrintable(db.lastError().text()));
            return false;
        }
    }
    QSqlQuery hold(QSqlDatabase::database(clockConnection));
    if (hold.exec(QStringLiteral("SELECT last FROM change_clock FOR UPDATE")) && hold.next())
        return true;
    qWarning("cannot hold the clock: %s", qPrintable(hold.lastError().text()));
    return false;
}

bool TestServerCluster::waitForBlockedSessions(int count)
{
    const bool blocked = QTest::qWaitFor(
        [count] {
            QSqlQuery waiting(QSqlDatabase::database(clockConnection));
            return waiting.exec(QStringLiteral(
                       "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                       " AND wait_event_type = 'Lock'")) &&
                   waiting.next() && waiting.value(0).toInt() >= count;
        },
        20000);
    if (!blocked) {
        QSqlQuery sessions(QSqlDatabase::database(clockConnection));
        sessions.exec(QStringLiteral("SELECT application_name, state, wait_event_type, wait_event,"
                                     " query FROM pg_stat_activity"
                                     " WHERE datname = current_database()"));
        while (sessions.next())
            qWarning(
                "session %s %s %s %s: %s", qPrintable(sessions.value(0).toString()),
                qPrintable(sessions.value(1).toString()), qPrintable(sessions.value(2).toString()),
                qPrintable(sessions.value(3).toString()), qPrintable(sessions.value(4).toString()));
        qWarning("first: %s\nsecond: %s", qPrintable(m_first->output()),
                 qPrintable(m_second->output()));
    }
    return blocked;
}

bool TestServerCluster::releaseTheClock()
{
    return QSqlDatabase::database(clockConnection).commit();
}

QJsonArray TestServerCluster::allOpportunities(TestHttp &http)
{
    const TestHttp::Reply list = http.get(QStringLiteral("/opportunities?pageSize=100"));
    if (list.status != 200)
        return {};
    return list.json().value(QStringLiteral("opportunities")).toArray();
}

void TestServerCluster::aKeysBudgetIsShared()
{
    QVERIFY(startBoth({QStringLiteral("--rate-limit"), QStringLiteral("10")}));
    // Six reads to each process, all in flight at once.
    QNetworkAccessManager network;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 6; ++i) {
        replies.append(sendAsync(network, *m_first, "GET", QStringLiteral("/opportunities")));
        replies.append(sendAsync(network, *m_second, "GET", QStringLiteral("/opportunities")));
    }
    QVERIFY(finishAll(replies));
    int admitted = 0;
    int refused = 0;
    for (QNetworkReply *reply : std::as_const(replies)) {
        if (statusOf(reply) == 200) {
            ++admitted;
        } else {
            QCOMPARE(statusOf(reply), 429);
            ++refused;
            // Counted from the first request of the hour: nearly an hour, whichever process.
            const int retryAfter = reply->rawHeader("Retry-After").toInt();
            QVERIFY2(retryAfter > 3500 && retryAfter <= 3600, reply->rawHeader("Retry-After"));
        }
        reply->deleteLater();
    }
    QCOMPARE(admitted, 10);
    QCOMPARE(refused, 2);
}

void TestServerCluster::aKeysWriteBudgetIsShared()
{
    QVERIFY(startBoth({QStringLiteral("--rate-limit"), QStringLiteral("100,3")}));
    TestHttp first(m_first->baseUrl(), ServerProcess::writeKey);
    TestHttp second(m_second->baseUrl(), ServerProcess::writeKey);
    const QJsonObject deal{{QStringLiteral("name"), QStringLiteral("Budgeted")}};
    QCOMPARE(first.post(QStringLiteral("/opportunities"), deal).status, 201);
    QCOMPARE(second.post(QStringLiteral("/opportunities"), deal).status, 201);
    QCOMPARE(first.post(QStringLiteral("/opportunities"), deal).status, 201);
    const TestHttp::Reply refused = second.post(QStringLiteral("/opportunities"), deal);
    QCOMPARE(refused.status, 429);
    QVERIFY(refused.header("Retry-After").toInt() > 3600);
    // Reads still pass, and only three deals were made.
    QCOMPARE(allOpportunities(second).size(), 3);
}

void TestServerCluster::aRetriedPostOnAnotherProcessCreatesOneRecord()
{
    QVERIFY(startBoth());
    TestHttp first(m_first->baseUrl(), ServerProcess::writeKey);
    TestHttp second(m_second->baseUrl(), ServerProcess::writeKey);
    const QJsonObject deal{{QStringLiteral("name"), QStringLiteral("Retried")}};
    const TestHttp::Reply created =
        first.post(QStringLiteral("/opportunities"), deal, {{"Idempotency-Key", "retry-1"}});
    QCOMPARE(created.status, 201);
    // The client's retry reaches the other process (its first answer was lost on the way).
    const TestHttp::Reply retried =
        second.post(QStringLiteral("/opportunities"), deal, {{"Idempotency-Key", "retry-1"}});
    QCOMPARE(retried.status, 201);
    QCOMPARE(retried.header("Idempotent-Replayed"), QByteArrayLiteral("true"));
    QVERIFY(!created.json().value(QStringLiteral("id")).toString().isEmpty());
    QCOMPARE(retried.json().value(QStringLiteral("id")),
             created.json().value(QStringLiteral("id")));
    QCOMPARE(allOpportunities(first).size(), 1);
}

void TestServerCluster::concurrentPostsWithOneKeyCreateOneRecord()
{
    QVERIFY(startBoth());
    QVERIFY(holdTheClock());
    QNetworkAccessManager network;
    const QJsonObject deal{{QStringLiteral("name"), QStringLiteral("Twice at once")}};
    const QList<QNetworkReply *> replies{
        sendAsync(network, *m_first, "POST", QStringLiteral("/opportunities"), deal,
                  {{"Idempotency-Key", "both-at-once"}}),
        sendAsync(network, *m_second, "POST", QStringLiteral("/opportunities"), deal,
                  {{"Idempotency-Key", "both-at-once"}})};
    // Both requests are inside the database together before either may commit.
    QVERIFY(waitForBlockedSessions(2));
    QVERIFY(releaseTheClock());
    QVERIFY(finishAll(replies));
    QCOMPARE(statusOf(replies.at(0)), 201);
    QCOMPARE(statusOf(replies.at(1)), 201);
    const QJsonObject one = QJsonDocument::fromJson(replies.at(0)->readAll()).object();
    const QJsonObject other = QJsonDocument::fromJson(replies.at(1)->readAll()).object();
    QVERIFY(!one.value(QStringLiteral("id")).toString().isEmpty());
    QCOMPARE(other.value(QStringLiteral("id")), one.value(QStringLiteral("id")));
    // One answer is the first, the other its replay.
    QCOMPARE(int(replies.at(0)->hasRawHeader("Idempotent-Replayed")) +
                 int(replies.at(1)->hasRawHeader("Idempotent-Replayed")),
             1);
    qDeleteAll(replies);
    TestHttp http(m_second->baseUrl(), ServerProcess::writeKey);
    QCOMPARE(allOpportunities(http).size(), 1);
}

void TestServerCluster::racingPutsWithOneEtagUpdateOnce()
{
    QVERIFY(startBoth());
    TestHttp first(m_first->baseUrl(), ServerProcess::writeKey);
    const TestHttp::Reply created = first.post(QStringLiteral("/opportunities"),
                                               {{QStringLiteral("name"), QStringLiteral("Raced")}});
    QCOMPARE(created.status, 201);
    const QString path =
        QStringLiteral("/opportunities/") + created.json().value(QStringLiteral("id")).toString();
    const QByteArray etag = created.header("ETag");
    QVERIFY(!etag.isEmpty());

    QVERIFY(holdTheClock());
    QNetworkAccessManager network;
    const QList<QNetworkReply *> replies{
        sendAsync(network, *m_first, "PUT", path,
                  {{QStringLiteral("stage"), QStringLiteral("proposal")}}, {{"If-Match", etag}}),
        sendAsync(network, *m_second, "PUT", path,
                  {{QStringLiteral("stage"), QStringLiteral("negotiation")}},
                  {{"If-Match", etag}})};
    QVERIFY(waitForBlockedSessions(2));
    QVERIFY(releaseTheClock());
    QVERIFY(finishAll(replies));
    QList<int> statuses{statusOf(replies.at(0)), statusOf(replies.at(1))};
    std::sort(statuses.begin(), statuses.end());
    // Both edited version 1: the second to commit must not overwrite the first unseen.
    QCOMPARE(statuses, (QList<int>{200, 412}));
    const QString winner =
        statusOf(replies.at(0)) == 200 ? QStringLiteral("proposal") : QStringLiteral("negotiation");
    qDeleteAll(replies);
    const QJsonObject record = TestData::serverRecord(first, path.section(u'/', -1));
    QCOMPARE(record.value(QStringLiteral("stage")).toString(), winner);
    QCOMPARE(first.get(path).json().value(QStringLiteral("updates")).toArray().size(), 2);
}

void TestServerCluster::historyWrittenThroughOneIsReadThroughTheOther()
{
    QVERIFY(startBoth());
    TestHttp first(m_first->baseUrl(), ServerProcess::writeKey);
    TestHttp second(m_second->baseUrl(), ServerProcess::writeKey);
    const QString id = TestData::createDeal(first, QStringLiteral("Told twice"));
    QVERIFY(!id.isEmpty());
    const QString path = QStringLiteral("/opportunities/") + id;
    QCOMPARE(first.put(path, {{QStringLiteral("stage"), QStringLiteral("negotiation")}}).status,
             200);
    QCOMPARE(first.put(path, {{QStringLiteral("probability"), 70}}).status, 200);
    const TestHttp::Reply read = second.get(path);
    QCOMPARE(read.status, 200);
    QCOMPARE(read.header("ETag"), first.get(path).header("ETag"));
    const QJsonArray updates = read.json().value(QStringLiteral("updates")).toArray();
    QCOMPARE(updates.size(), 3);
    // Newest first, each with what it changed.
    QVERIFY(updates.at(0)
                .toObject()
                .value(QStringLiteral("changes"))
                .toObject()
                .contains(QStringLiteral("probability")));
    QCOMPARE(updates.at(1)
                 .toObject()
                 .value(QStringLiteral("changes"))
                 .toObject()
                 .value(QStringLiteral("stage"))
                 .toObject()
                 .value(QStringLiteral("to"))
                 .toString(),
             QStringLiteral("negotiation"));
}

QTEST_GUILESS_MAIN(TestServerCluster)
#include "tst_servercluster.moc"
