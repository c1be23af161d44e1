// The sync learns who owns deals: kashew-server's /users and /users/me (against the real server,
// with keys of two users), asked only of a server whose listing names the `users` extension
// (Kashew-Features), and then at most once per interval: a server that names none, as the hosted
// API (a scripted server of that dialect), is never asked, and its request budget is not spent.
// Failures and hostile bodies on /users are named and leave the deals and the cached people
// alone, and never fail the sync of deals.
#include "ApiClient.h"
#include "LocalStore.h"
#include "ScriptedServer.h"
#include "ServerProcess.h"
#include "SyncEngine.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace {

constexpr const char *anaKey = "kshw_people_ana_0123456789";
constexpr const char *benKey = "kshw_people_ben_0123456789";
const QString anaId = QStringLiteral("auth0|5f1c");
const QString benId = QStringLiteral("google-oauth2|1048");

// A cache, client and engine on one server, with no retries so that requests can be counted.
struct Client
{
    QTemporaryDir dir;
    LocalStore store;
    ApiClient client;
    std::unique_ptr<SyncEngine> engine;

    bool open(const QUrl &server, const QByteArray &key)
    {
        if (!store.open(dir.filePath(QStringLiteral("cache.sqlite"))).ok)
            return false;
        ApiClient::Settings settings;
        settings.baseUrl = server;
        settings.apiKey = QString::fromLatin1(key);
        settings.transferTimeoutMs = 5000;
        settings.maxRetries = 0;
        settings.maxRateLimitWaitSeconds = 2;
        client.setSettings(settings);
        engine = std::make_unique<SyncEngine>(store, client);
        return true;
    }

    bool syncOnce()
    {
        QSignalSpy finished(engine.get(), &SyncEngine::finished);
        engine->syncNow();
        if (finished.isEmpty() && !finished.wait(60000))
            return false;
        return finished.first().first().toBool();
    }
};

// The hosted API's dialect for deals and accounts, with /users and /users/me as the test
// scripts them (by default: no such resource). Its listings name the `users` extension only
// when the test says so.
class HostedServer final
{
public:
    HostedServer()
        : m_server([this](const ScriptedServer::Request &request) { return answer(request); })
    {}

    std::function<ScriptedServer::Reply(const ScriptedServer::Request &)> users =
        [](const ScriptedServer::Request &) {
            return ScriptedServer::notFound();
        };
    std::function<ScriptedServer::Reply(const ScriptedServer::Request &)> me =
        [](const ScriptedServer::Request &) {
            return ScriptedServer::notFound();
        };

    bool namesUsers = false;

    QUrl baseUrl() const { return m_server.baseUrl(); }
    int requestsTo(const QString &path) const
    {
        int count = 0;
        for (const ScriptedServer::Request &request : m_server.requests())
            count += request.path == QLatin1String("/api/v1") + path;
        return count;
    }

private:
    ScriptedServer::Reply answer(const ScriptedServer::Request &request) const
    {
        ScriptedServer::Reply reply = listing(request);
        // Spelled as loosely as the contract allows: other names, any case, spaces.
        if (namesUsers && request.path != QLatin1String("/api/v1/users") &&
            request.path != QLatin1String("/api/v1/users/me"))
            reply.headers = "Kashew-Features: changes ,  Users\r\n";
        return reply;
    }

    ScriptedServer::Reply listing(const ScriptedServer::Request &request) const
    {
        if (request.path == QLatin1String("/api/v1/users"))
            return users(request);
        if (request.path == QLatin1String("/api/v1/users/me"))
            return me(request);
        if (request.path == QLatin1String("/api/v1/accounts"))
            return {200, R"({"data": []})"};
        if (request.path != QLatin1String("/api/v1/opportunities"))
            return ScriptedServer::notFound();
        // One live deal on the first page; pages are not clamped, so a short page ends a listing.
        if (request.query.queryItemValue(QStringLiteral("isArchived")) == QLatin1String("true") ||
            request.query.queryItemValue(QStringLiteral("page")).toInt() > 1)
            return {200, R"({"data": []})"};
        const QJsonObject deal{
            {QStringLiteral("id"), QStringLiteral("opp_1")},
            {QStringLiteral("name"), QStringLiteral("Hosted deal")},
            {QStringLiteral("value"), 1000},
            {QStringLiteral("currency"), QStringLiteral("EUR")},
            {QStringLiteral("stage"), QStringLiteral("proposal")},
            {QStringLiteral("probability"), 50},
            {QStringLiteral("ownerId"), anaId},
            {QStringLiteral("isArchived"), false},
            {QStringLiteral("createdAt"), QStringLiteral("2026-05-20T10:30:00Z")}};
        return ScriptedServer::json(
            200, QJsonDocument(QJsonObject{{QStringLiteral("data"), QJsonArray{deal}}}));
    }

    ScriptedServer m_server;
};

ScriptedServer::Reply usersPage(const QJsonArray &users)
{
    return ScriptedServer::json(200, QJsonDocument(QJsonObject{{QStringLiteral("data"), users}}));
}

QJsonObject user(const QString &id, const QJsonValue &name, const QJsonValue &email = {})
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("email"), email}};
}

int logged(const QString &log, const QString &route)
{
    return static_cast<int>(log.count(
        QRegularExpression(QStringLiteral("GET %1 ").arg(QRegularExpression::escape(route)))));
}

} // namespace

class TestSyncPeople final : public QObject
{
    Q_OBJECT

private slots:
    // Against kashew-server with keys of two users: each client learns both names and emails,
    // and itself as me; a deal made without an owner is the key's user's, shown by name. The
    // first sync asks /users and /users/me once; a sync right after it asks neither.
    void namesAndMeFromKashewServer()
    {
        ServerProcess server;
        QTemporaryDir data;
        QVERIFY(server.startWithOnly(
            {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
             QStringLiteral("--database"), data.filePath(QStringLiteral("server.sqlite")),
             QStringLiteral("--log-requests"), QStringLiteral("--user"),
             QStringLiteral("auth0|5f1c=Ana Souza <ana@example.com>"), QStringLiteral("--user"),
             QStringLiteral("google-oauth2|1048=Ben Okafor"), QStringLiteral("--api-key"),
             QLatin1String(anaKey) + QLatin1Char('@') + anaId, QStringLiteral("--read-only-key"),
             QLatin1String(benKey) + QLatin1Char('@') + benId}));
        TestHttp http(server.baseUrl(), anaKey);
        const TestHttp::Reply made =
            http.post(QStringLiteral("/opportunities"),
                      {{QStringLiteral("name"), QStringLiteral("Ana's deal")}});
        QCOMPARE(made.status, 201);

        Client ana;
        QVERIFY(ana.open(server.baseUrl(), anaKey));
        QSignalSpy changed(&ana.store, &LocalStore::peopleChanged);
        QVERIFY(ana.syncOnce());
        QVERIFY2(ana.engine->peopleError().ok(), qPrintable(ana.engine->peopleError().message));
        const PeopleBook book = ana.store.people().value();
        QCOMPARE(book.displayName(anaId), QStringLiteral("Ana Souza"));
        QCOMPARE(book.person(anaId)->email, QStringLiteral("ana@example.com"));
        QCOMPARE(book.displayName(benId), QStringLiteral("Ben Okafor"));
        QCOMPARE(book.person(benId)->email, QString());
        QCOMPARE(book.meId(), anaId);
        QVERIFY(changed.size() >= 1);
        const auto deal = ana.store.opportunity(made.json().value(QStringLiteral("id")).toString());
        QVERIFY(deal);
        QCOMPARE(book.displayName(deal->opportunity.ownerId), QStringLiteral("Ana Souza"));

        Client ben;
        QVERIFY(ben.open(server.baseUrl(), benKey));
        QVERIFY(ben.syncOnce());
        QCOMPARE(ben.store.people().value().meId(), benId);
        QCOMPARE(ben.store.people().value().displayName(anaId), QStringLiteral("Ana Souza"));

        // A second sync right after the first reads the deals again (from the change feed, which
        // the first one's listing named), and nobody: people change rarely, and every request
        // counts against the plan's budget.
        const QString before = server.requestLog();
        QCOMPARE(logged(before, QStringLiteral("/api/v1/users")), 2);
        QCOMPARE(logged(before, QStringLiteral("/api/v1/users/me")), 2);
        QVERIFY(ana.syncOnce());
        QVERIFY2(ana.engine->peopleError().ok(), qPrintable(ana.engine->peopleError().message));
        const QString log = server.requestLog();
        QVERIFY(logged(log, QStringLiteral("/api/v1/changes")) >
                logged(before, QStringLiteral("/api/v1/changes")));
        QCOMPARE(logged(log, QStringLiteral("/api/v1/users")), 2);
        QCOMPARE(logged(log, QStringLiteral("/api/v1/users/me")), 2);
        QCOMPARE(ana.store.people().value().displayName(benId), QStringLiteral("Ben Okafor"));
    }

    // A server whose listings name no extension (the hosted API) is never asked for people,
    // not even once to find out, whether or not it would answer: the deals sync, nobody is
    // invented, and the plan's request budget is not spent on it.
    void serverNamingNoFeatureIsNeverAsked_data()
    {
        QTest::addColumn<bool>("wouldAnswer");
        QTest::newRow("no /users") << false;
        QTest::newRow("/users unnamed") << true;
    }
    void serverNamingNoFeatureIsNeverAsked()
    {
        QFETCH(bool, wouldAnswer);
        HostedServer server;
        if (wouldAnswer) {
            server.users = [](const ScriptedServer::Request &) {
                return usersPage({user(anaId, QStringLiteral("Ana Souza"))});
            };
        }
        Client client;
        QVERIFY(client.open(server.baseUrl(), anaKey));
        client.engine->setPeopleInterval(std::chrono::milliseconds(0));
        QVERIFY(client.store.setLocalPerson(Person{anaId, QStringLiteral("Ana (mine)"), {}}));
        for (int sync = 0; sync < 3; ++sync) {
            QVERIFY(client.syncOnce());
            QVERIFY2(client.engine->peopleError().ok(),
                     qPrintable(client.engine->peopleError().message));
        }
        QVERIFY(client.store.opportunity(QStringLiteral("opp_1")));
        QCOMPARE(server.requestsTo(QStringLiteral("/users")), 0);
        QCOMPARE(server.requestsTo(QStringLiteral("/users/me")), 0);
        const PeopleBook book = client.store.people().value();
        QCOMPARE(book.people().size(), 1);
        QCOMPARE(book.displayName(anaId), QStringLiteral("Ana (mine)"));
    }

    // A server that names `users` and then has no such resource: no failure, nobody invented,
    // and not asked again on the syncs right after.
    void serverNamingUsersWithoutThem_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("404") << 404;
        QTest::newRow("405") << 405;
        QTest::newRow("501") << 501;
    }
    void serverNamingUsersWithoutThem()
    {
        QFETCH(int, status);
        HostedServer server;
        server.namesUsers = true;
        server.users = [status](const ScriptedServer::Request &) {
            return ScriptedServer::json(status, QJsonDocument(QJsonObject{{QStringLiteral("detail"),
                                                                           QStringLiteral("No")}}));
        };
        Client client;
        QVERIFY(client.open(server.baseUrl(), anaKey));
        QVERIFY(client.store.setLocalPerson(Person{anaId, QStringLiteral("Ana (mine)"), {}}));
        QVERIFY(client.syncOnce());
        QVERIFY(client.store.opportunity(QStringLiteral("opp_1")));
        QVERIFY2(client.engine->peopleError().ok(),
                 qPrintable(client.engine->peopleError().message));
        QCOMPARE(server.requestsTo(QStringLiteral("/users")), 1);
        QCOMPARE(server.requestsTo(QStringLiteral("/users/me")), 0);
        const PeopleBook book = client.store.people().value();
        QCOMPARE(book.people().size(), 1);
        QCOMPARE(book.displayName(anaId), QStringLiteral("Ana (mine)"));

        QVERIFY(client.syncOnce());
        QVERIFY(client.syncOnce());
        QCOMPARE(server.requestsTo(QStringLiteral("/users")), 1);
        QCOMPARE(server.requestsTo(QStringLiteral("/users/me")), 0);
    }

    // Once the interval has passed (here: none) the next sync asks again, and a book that did
    // not change is not announced as changed.
    void askedAgainOnceTheIntervalPassed()
    {
        HostedServer server;
        server.namesUsers = true;
        server.users = [](const ScriptedServer::Request &) {
            return usersPage({user(anaId, QStringLiteral("Ana Souza"))});
        };
        server.me = [](const ScriptedServer::Request &) {
            return ScriptedServer::json(200, QJsonDocument(user(anaId, QStringLiteral("Ana"))));
        };
        Client client;
        QVERIFY(client.open(server.baseUrl(), anaKey));
        client.engine->setPeopleInterval(std::chrono::milliseconds(0));
        QVERIFY(client.syncOnce());
        QCOMPARE(client.store.people().value().displayName(anaId), QStringLiteral("Ana Souza"));
        QSignalSpy changed(&client.store, &LocalStore::peopleChanged);
        QVERIFY(client.syncOnce());
        QCOMPARE(server.requestsTo(QStringLiteral("/users")), 2);
        QCOMPARE(server.requestsTo(QStringLiteral("/users/me")), 2);
        QCOMPARE(changed.size(), 0);
    }

    // /users answered but /users/me is missing: names from the server, me from the user, and
    // neither asked again right after.
    void serverWithoutMeKeepsTheUsersMe()
    {
        HostedServer server;
        server.namesUsers = true;
        server.users = [](const ScriptedServer::Request &) {
            return usersPage({user(anaId, QStringLiteral("Ana Souza")), user(benId, QJsonValue())});
        };
        Client client;
        QVERIFY(client.open(server.baseUrl(), anaKey));
        QVERIFY(client.store.setLocalMeId(benId));
        QVERIFY(client.syncOnce());
        QVERIFY(client.syncOnce());
        const PeopleBook book = client.store.people().value();
        QCOMPARE(book.displayName(anaId), QStringLiteral("Ana Souza"));
        QVERIFY(!book.hasName(benId));
        QCOMPARE(book.meId(), benId);
        QCOMPARE(server.requestsTo(QStringLiteral("/users")), 1);
        QCOMPARE(server.requestsTo(QStringLiteral("/users/me")), 1);
    }

    // /users fails or answers what kashew cannot read: the sync of deals still succeeds, the
    // error names what went wrong (the field at fault), the cached people stay, and a sync right
    // after does not spend another request on it (it still says why there are no names).
    void usersFailureDoesNotStopTheSync_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("named");
        QTest::newRow("server error") << 500 << QByteArray(R"({"detail": "boom"})") << QString();
        QTest::newRow("name not text")
            << 200 << QByteArray(R"({"data": [{"id": "u1", "name": {"first": "Ana"}}]})")
            << QStringLiteral("name");
        QTest::newRow("email not text")
            << 200 << QByteArray(R"({"data": [{"id": "u1", "name": "Ana", "email": [1]}]})")
            << QStringLiteral("email");
        QTest::newRow("item not an object")
            << 200 << QByteArray(R"({"data": [7]})") << QStringLiteral("id");
        QTest::newRow("id null") << 200 << QByteArray(R"({"data": [{"id": null}]})")
                                 << QStringLiteral("id");
        QTest::newRow("no list") << 200 << QByteArray(R"({"data": "everyone"})") << QString();
        QTest::newRow("not JSON") << 200 << QByteArray("<html>users</html>") << QString();
    }
    void usersFailureDoesNotStopTheSync()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, named);
        HostedServer server;
        server.namesUsers = true;
        server.users = [=](const ScriptedServer::Request &) {
            return ScriptedServer::Reply{status, body};
        };
        Client client;
        QVERIFY(client.open(server.baseUrl(), anaKey));
        QVERIFY(client.store.storeServerPeople({Person{anaId, QStringLiteral("Ana Souza"), {}}}));
        QVERIFY(client.syncOnce());
        QVERIFY(client.store.opportunity(QStringLiteral("opp_1")));
        const ApiError error = client.engine->peopleError();
        QVERIFY(!error.ok());
        QVERIFY(!error.message.isEmpty());
        if (!named.isEmpty()) {
            QVERIFY2(!error.fieldErrors.isEmpty(), qPrintable(error.message));
            QCOMPARE(error.fieldErrors.first().field, named);
            QVERIFY2(error.message.contains(named), qPrintable(error.message));
        }
        QCOMPARE(client.store.people().value().displayName(anaId), QStringLiteral("Ana Souza"));
        QCOMPARE(server.requestsTo(QStringLiteral("/users/me")), 0);
        QVERIFY(client.syncOnce());
        QCOMPARE(server.requestsTo(QStringLiteral("/users")), 1);
        QVERIFY(!client.engine->peopleError().ok());
        QCOMPARE(client.engine->peopleError().message, error.message);
    }

    // /users in pages: every page is read (by the total the server gives); a server that ignores
    // the page asked for ends the listing instead of looping.
    void everyPageOfUsers_data()
    {
        QTest::addColumn<bool>("ignoresPage");
        QTest::addColumn<int>("expected");
        QTest::addColumn<int>("requests");
        QTest::newRow("paged") << false << 5 << 3;
        QTest::newRow("ignores page") << true << 2 << 2;
    }
    void everyPageOfUsers()
    {
        QFETCH(bool, ignoresPage);
        QFETCH(int, expected);
        QFETCH(int, requests);
        HostedServer server;
        server.namesUsers = true;
        server.users = [=](const ScriptedServer::Request &request) {
            const int page =
                ignoresPage ? 1 : request.query.queryItemValue(QStringLiteral("page")).toInt();
            QJsonArray items;
            for (int i = (page - 1) * 2; i < 5 && i < page * 2; ++i)
                items.append(user(QStringLiteral("u%1").arg(i), QStringLiteral("User %1").arg(i)));
            return ScriptedServer::json(200,
                                        QJsonDocument(QJsonObject{{QStringLiteral("data"), items},
                                                                  {QStringLiteral("total"), 5}}));
        };
        Client client;
        QVERIFY(client.open(server.baseUrl(), anaKey));
        QVERIFY(client.syncOnce());
        QVERIFY2(client.engine->peopleError().ok(),
                 qPrintable(client.engine->peopleError().message));
        QCOMPARE(client.store.people().value().people().size(), expected);
        QCOMPARE(server.requestsTo(QStringLiteral("/users")), requests);
    }
};

QTEST_GUILESS_MAIN(TestSyncPeople)
#include "tst_syncpeople.moc"
