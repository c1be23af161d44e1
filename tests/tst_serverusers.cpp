// kashew-server's users (an extension of the API): keys of declared users, GET /users and
// GET /users/me, records owned by the key's user, the configuration's [users] and --demo's
// named owners, against the real server.
#include "ServerProcess.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr const char *anaKey = "kshw_users_ana_0123456789";
constexpr const char *anaSecondKey = "kshw_users_ana2_0123456789";
constexpr const char *benKey = "kshw_users_ben_0123456789";
const QString anaId = QStringLiteral("auth0|5f1c");
const QString benId = QStringLiteral("google-oauth2|1048");

QStringList usersArguments()
{
    return {
        QStringLiteral("--user"),          QStringLiteral("auth0|5f1c=Ana Souza <ana@example.com>"),
        QStringLiteral("--user"),          QStringLiteral("google-oauth2|1048=Ben Okafor"),
        QStringLiteral("--user"),          QStringLiteral("zoe=Zoë Müller <zoe@example.com>"),
        QStringLiteral("--user"),          QStringLiteral("lw=Łukasz Wróbel"),
        QStringLiteral("--api-key"),       QLatin1String(anaKey) + QLatin1Char('@') + anaId,
        QStringLiteral("--api-key"),       QLatin1String(anaSecondKey) + QLatin1Char('@') + anaId,
        QStringLiteral("--read-only-key"), QLatin1String(benKey) + QLatin1Char('@') + benId};
}

QJsonObject person(const QString &id, const QJsonValue &name, const QJsonValue &email)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("email"), email}};
}

QStringList field(const QJsonArray &users, const QString &name)
{
    QStringList values;
    for (const QJsonValue &user : users)
        values.append(user.toObject().value(name).toString());
    return values;
}

} // namespace

class TestServerUsers final : public QObject
{
    Q_OBJECT

    QString configFile(const QByteArray &text)
    {
        const QString path = m_dir.filePath(QStringLiteral("users-%1.conf").arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write(text);
        return path;
    }

    ServerProcess m_server;
    QTemporaryDir m_dir;
    int m_files = 0;

private slots:
    void initTestCase()
    {
        // Besides these, the test's own two keys, which name no user.
        QVERIFY(m_server.start(usersArguments()));
    }

    // The contract's way for a client to learn the extension without asking for it.
    void listResponsesNameTheUsersExtension()
    {
        TestHttp reader(m_server.baseUrl(), benKey);
        for (const QString &path : {QStringLiteral("/opportunities"), QStringLiteral("/accounts"),
                                    QStringLiteral("/users")}) {
            const TestHttp::Reply reply = reader.get(path);
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.header("Kashew-Features"), QByteArray("changes, events, etags, users"));
        }
    }

    void listsEveryUserByName()
    {
        TestHttp reader(m_server.baseUrl(), benKey);
        const TestHttp::Reply reply = reader.get(QStringLiteral("/users"));
        QCOMPARE(reply.status, 200);
        const QJsonObject page = reply.json();
        const QJsonArray users = page.value(QStringLiteral("users")).toArray();
        QCOMPARE(page.value(QStringLiteral("totalCount")).toInt(), 6);
        QCOMPARE(page.value(QStringLiteral("page")).toInt(), 1);
        QCOMPARE(page.value(QStringLiteral("pageSize")).toInt(), 100);
        QCOMPARE(users.size(), 6);
        // By name, accents aside; the keys that name no user come last, each its own opaque id
        // with no name.
        QCOMPARE(users.at(0).toObject(),
                 person(anaId, QStringLiteral("Ana Souza"), QStringLiteral("ana@example.com")));
        QCOMPARE(users.at(1).toObject(),
                 person(benId, QStringLiteral("Ben Okafor"), QJsonValue::Null));
        QCOMPARE(users.at(2).toObject(),
                 person(QStringLiteral("lw"), QStringLiteral("Łukasz Wróbel"), QJsonValue::Null));
        QCOMPARE(users.at(3).toObject(), person(QStringLiteral("zoe"), QStringLiteral("Zoë Müller"),
                                                QStringLiteral("zoe@example.com")));
        const QString first = users.at(4).toObject().value(QStringLiteral("id")).toString();
        const QString second = users.at(5).toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!first.isEmpty() && first < second);
        QCOMPARE(users.at(4).toObject(), person(first, QJsonValue::Null, QJsonValue::Null));
        QCOMPARE(users.at(5).toObject(), person(second, QJsonValue::Null, QJsonValue::Null));
        // Keys never show, not even as ids.
        QVERIFY(!reply.body.contains("kshw_"));

        const QJsonObject paged = reader.get(QStringLiteral("/users?pageSize=2&page=2")).json();
        QCOMPARE(paged.value(QStringLiteral("totalCount")).toInt(), 6);
        QCOMPARE(field(paged.value(QStringLiteral("users")).toArray(), QStringLiteral("id")),
                 (QStringList{QStringLiteral("lw"), QStringLiteral("zoe")}));
        QCOMPARE(reader.get(QStringLiteral("/users?page=0")).status, 422);
    }

    void meIsTheCallingKeysUser()
    {
        TestHttp ana(m_server.baseUrl(), anaKey);
        const TestHttp::Reply reply = ana.get(QStringLiteral("/users/me"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json(),
                 person(anaId, QStringLiteral("Ana Souza"), QStringLiteral("ana@example.com")));
        QCOMPARE(TestHttp(m_server.baseUrl(), anaSecondKey).get(QStringLiteral("/users/me")).json(),
                 reply.json());
        QCOMPARE(TestHttp(m_server.baseUrl(), benKey).get(QStringLiteral("/users/me")).json(),
                 person(benId, QStringLiteral("Ben Okafor"), QJsonValue::Null));

        // A key that names no user is a user of its own, listed without a name.
        TestHttp plain(m_server.baseUrl(), ServerProcess::writeKey);
        const QJsonObject me = plain.get(QStringLiteral("/users/me")).json();
        const QString id = me.value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(me, person(id, QJsonValue::Null, QJsonValue::Null));
        QVERIFY(
            field(
                plain.get(QStringLiteral("/users")).json().value(QStringLiteral("users")).toArray(),
                QStringLiteral("id"))
                .contains(id));
        QVERIFY(TestHttp(m_server.baseUrl(), ServerProcess::readKey)
                    .get(QStringLiteral("/users/me"))
                    .json()
                    .value(QStringLiteral("id"))
                    .toString() != id);
    }

    void aRecordWithoutOwnerIsTheKeysUsers()
    {
        TestHttp ana(m_server.baseUrl(), anaKey);
        const QJsonObject created = TestData::createOpportunity(
            ana, {{QStringLiteral("name"), QStringLiteral("Owned by Ana")}});
        QCOMPARE(created.value(QStringLiteral("owner_id")).toString(), anaId);
        const QJsonObject stored =
            TestData::serverRecord(ana, created.value(QStringLiteral("id")).toString());
        QCOMPARE(stored.value(QStringLiteral("owner_id")).toString(), anaId);
        // The history says who created it, by the same id.
        QCOMPARE(stored.value(QStringLiteral("updates"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("owner_id"))
                     .toString(),
                 anaId);
        QCOMPARE(ana.get(QStringLiteral("/opportunities?ownerId=auth0%7C5f1c"))
                     .json()
                     .value(QStringLiteral("totalCount"))
                     .toInt(),
                 1);

        const TestHttp::Reply account = ana.post(
            QStringLiteral("/accounts"), {{QStringLiteral("name"), QStringLiteral("Ana's")}});
        QCOMPARE(account.status, 201);
        QCOMPARE(account.json().value(QStringLiteral("owner_id")).toString(), anaId);

        // An ownerId given is kept; a key without a user owns by its own id, as /users/me says.
        QCOMPARE(
            TestData::createOpportunity(ana, {{QStringLiteral("name"), QStringLiteral("Ben's")},
                                              {QStringLiteral("ownerId"), benId}})
                .value(QStringLiteral("owner_id"))
                .toString(),
            benId);
        TestHttp plain(m_server.baseUrl(), ServerProcess::writeKey);
        QCOMPARE(
            TestData::createOpportunity(plain, {{QStringLiteral("name"), QStringLiteral("Mine")}})
                .value(QStringLiteral("owner_id"))
                .toString(),
            plain.get(QStringLiteral("/users/me")).json().value(QStringLiteral("id")).toString());
    }

    void keysAndMethodsAreChecked()
    {
        TestHttp stranger(m_server.baseUrl(), "kshw_users_unknown_0123456789");
        QCOMPARE(stranger.get(QStringLiteral("/users")).status, 401);
        QCOMPARE(stranger.get(QStringLiteral("/users/me")).status, 401);
        TestHttp nobody(m_server.baseUrl());
        QCOMPARE(nobody.get(QStringLiteral("/users")).status, 401);
        QCOMPARE(nobody.get(QStringLiteral("/users/me")).status, 401);

        TestHttp ana(m_server.baseUrl(), anaKey);
        const TestHttp::Reply posted =
            ana.post(QStringLiteral("/users"), {{QStringLiteral("name"), QStringLiteral("X")}});
        QCOMPARE(posted.status, 405);
        QCOMPARE(posted.header("Allow"), QByteArrayLiteral("GET"));
        QCOMPARE(ana.del(QStringLiteral("/users/me")).status, 405);
        QCOMPARE(ana.get(QStringLiteral("/users/") + anaId).status, 404);
    }

    void usersCountAgainstTheRateLimitPerKey()
    {
        ServerProcess limited;
        QVERIFY(limited.start(usersArguments() +
                              QStringList{QStringLiteral("--rate-limit"), QStringLiteral("3")}));
        TestHttp ana(limited.baseUrl(), anaKey);
        QCOMPARE(ana.get(QStringLiteral("/users")).status, 200);
        QCOMPARE(ana.get(QStringLiteral("/users/me")).status, 200);
        QCOMPARE(ana.get(QStringLiteral("/users")).status, 200);
        QCOMPARE(ana.get(QStringLiteral("/users/me")).status, 429);
        // Ana's other key has a budget of its own, as every key has.
        QCOMPARE(TestHttp(limited.baseUrl(), anaSecondKey).get(QStringLiteral("/users/me")).status,
                 200);
    }

    void aConfigurationFileDeclaresUsers()
    {
        // The packaged service's way: ids with '|' as INI keys, a name with a comma unquoted.
        ServerProcess server;
        const QString database = m_dir.filePath(QStringLiteral("config.sqlite"));
        QVERIFY(server.startWithOnly(
            {QStringLiteral("--config"),
             configFile("[server]\nport=0\ndatabase=" + database.toUtf8() +
                        "\napi_key=kshw_conf_ana_0123456789@auth0|5f1c9a7e2b, "
                        "kshw_conf_anon_0123456789\n"
                        "read_only_key=kshw_conf_ben_0123456789@google-oauth2|1048\n"
                        "[users]\nauth0|5f1c9a7e2b=Souza, Ana <ana@example.com>\n"
                        "google-oauth2|1048=Ben Okafor\n")}));
        QCOMPARE(TestHttp(server.baseUrl(), "kshw_conf_ana_0123456789")
                     .get(QStringLiteral("/users/me"))
                     .json(),
                 person(QStringLiteral("auth0|5f1c9a7e2b"), QStringLiteral("Souza, Ana"),
                        QStringLiteral("ana@example.com")));
        TestHttp ben(server.baseUrl(), "kshw_conf_ben_0123456789");
        QCOMPARE(ben.get(QStringLiteral("/users/me")).json(),
                 person(benId, QStringLiteral("Ben Okafor"), QJsonValue::Null));
        const QJsonArray users =
            ben.get(QStringLiteral("/users")).json().value(QStringLiteral("users")).toArray();
        QCOMPARE(users.size(), 3);
        QCOMPARE(field(users, QStringLiteral("name")).mid(0, 2),
                 (QStringList{QStringLiteral("Ben Okafor"), QStringLiteral("Souza, Ana")}));
    }

    void badDeclarationsNameTheOption_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("mentions");
        const QStringList key{QStringLiteral("--api-key"), QStringLiteral("k")};
        QTest::newRow("user without =")
            << key + QStringList{QStringLiteral("--user"), QStringLiteral("Ana Souza")}
            << QStringList{QStringLiteral("--user"), QStringLiteral("Ana Souza")};
        QTest::newRow("user without id")
            << key + QStringList{QStringLiteral("--user"), QStringLiteral("=Ana Souza")}
            << QStringList{QStringLiteral("--user")};
        QTest::newRow("user id with a space")
            << key + QStringList{QStringLiteral("--user"), QStringLiteral("ana souza=Ana")}
            << QStringList{QStringLiteral("--user"), QStringLiteral("ana souza")};
        QTest::newRow("user with a bad email")
            << key + QStringList{QStringLiteral("--user"), QStringLiteral("ana=Ana <nowhere>")}
            << QStringList{QStringLiteral("--user"), QStringLiteral("nowhere")};
        QTest::newRow("key of an undeclared user")
            << QStringList{QStringLiteral("--user"), QStringLiteral("ana=Ana"),
                           QStringLiteral("--api-key"), QStringLiteral("kshw_users_0123456789@bob")}
            << QStringList{QStringLiteral("--api-key"), QStringLiteral("\"bob\"")};
        QTest::newRow("read-only key of an undeclared user")
            << QStringList{QStringLiteral("--read-only-key"),
                           QStringLiteral("kshw_users_0123456789@auth0|5f1c")}
            << QStringList{QStringLiteral("--read-only-key"), QStringLiteral("auth0|5f1c")};
    }
    void badDeclarationsNameTheOption()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, mentions);
        const ServerProcess::Run run = ServerProcess::runToEnd(arguments);
        QCOMPARE(run.exitCode, 2);
        for (const QString &mention : mentions)
            QVERIFY2(run.output.contains(mention), qPrintable(run.output));
        // The key itself is only ever shown shortened.
        QVERIFY2(!run.output.contains(QStringLiteral("kshw_users_0123456789")),
                 qPrintable(run.output));
    }

    void demoOwnersAreNamedUsers()
    {
        // run-demo.sh's way: its key belongs to a declared user, who owns some of the demo deals.
        ServerProcess demo;
        QVERIFY(demo.startWithOnly(
            {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
             QStringLiteral("--database"), demo.databasePath(), QStringLiteral("--demo"),
             QStringLiteral("200"), QStringLiteral("--user"),
             QStringLiteral("auth0|me=Maya Lindqvist <maya@example.com>"),
             QStringLiteral("--api-key"), QStringLiteral("kshw_users_demo_0123456789@auth0|me")}));
        TestHttp http(demo.baseUrl(), "kshw_users_demo_0123456789");
        QCOMPARE(http.get(QStringLiteral("/users/me")).json(),
                 person(QStringLiteral("auth0|me"), QStringLiteral("Maya Lindqvist"),
                        QStringLiteral("maya@example.com")));
        const QJsonArray users =
            http.get(QStringLiteral("/users")).json().value(QStringLiteral("users")).toArray();
        QCOMPARE(users.size(), 5);
        for (const QJsonValue &user : users) {
            QVERIFY(!user.toObject().value(QStringLiteral("name")).toString().isEmpty());
            QVERIFY(user.toObject().value(QStringLiteral("email")).toString().contains(u'@'));
        }
        QVERIFY(field(users, QStringLiteral("name")).contains(QStringLiteral("Ana Souza")));
        // Every demo deal's owner is a named user, and the key's user owns some of them.
        QSet<QString> owners;
        const QJsonArray deals = http.get(QStringLiteral("/opportunities?pageSize=500"))
                                     .json()
                                     .value(QStringLiteral("opportunities"))
                                     .toArray();
        QVERIFY(!deals.isEmpty());
        for (const QJsonValue &deal : deals)
            owners.insert(deal.toObject().value(QStringLiteral("owner_id")).toString());
        QVERIFY(owners.contains(QStringLiteral("auth0|me")));
        const QStringList ids = field(users, QStringLiteral("id"));
        for (const QString &owner : std::as_const(owners))
            QVERIFY2(ids.contains(owner), qPrintable(owner));
    }
};

QTEST_GUILESS_MAIN(TestServerUsers)
#include "tst_serverusers.moc"
