// GET/POST /accounts and GET /accounts/:id against the real server.
#include "ServerProcess.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QTest>

class TestServerAccounts final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_http = std::make_unique<TestHttp>(m_server.baseUrl(), ServerProcess::writeKey);
    }

    void createAndRead()
    {
        const TestHttp::Reply created =
            m_http->post(QStringLiteral("/accounts"),
                         {{QStringLiteral("name"), QStringLiteral("Société Générale Test")},
                          {QStringLiteral("type"), QStringLiteral("Customer")},
                          {QStringLiteral("industry"), QStringLiteral("Finance")},
                          {QStringLiteral("country"), QStringLiteral("FR")}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(QStringLiteral("id")).toString();
        const TestHttp::Reply read = m_http->get(QStringLiteral("/accounts/") + id);
        QCOMPARE(read.status, 200);
        const QJsonObject account = read.json();
        QCOMPARE(account.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Société Générale Test"));
        QCOMPARE(account.value(QStringLiteral("status")).toString(), QStringLiteral("Active"));
        QCOMPARE(account.value(QStringLiteral("industry")).toString(), QStringLiteral("Finance"));
        QVERIFY(!account.value(QStringLiteral("created_at")).toString().isEmpty());
    }

    void listFiltersAndPages()
    {
        for (int i = 0; i < 5; ++i)
            m_http->post(QStringLiteral("/accounts"),
                         {{QStringLiteral("name"), QStringLiteral("Pager %1").arg(i)},
                          {QStringLiteral("status"),
                           i == 0 ? QStringLiteral("Inactive") : QStringLiteral("Active")}});
        const QJsonObject all = m_http->get(QStringLiteral("/accounts")).json();
        QCOMPARE(all.value(QStringLiteral("pageSize")).toInt(), 100);
        QVERIFY(all.value(QStringLiteral("totalCount")).toInt() >= 5);
        const QJsonObject search =
            m_http->get(QStringLiteral("/accounts?search=pager&pageSize=2&page=2")).json();
        QCOMPARE(search.value(QStringLiteral("totalCount")).toInt(), 5);
        QCOMPARE(search.value(QStringLiteral("accounts")).toArray().size(), 2);
        const QJsonObject inactive =
            m_http->get(QStringLiteral("/accounts?status=Inactive&search=pager")).json();
        QCOMPARE(inactive.value(QStringLiteral("totalCount")).toInt(), 1);
        QCOMPARE(m_http->get(QStringLiteral("/accounts?pageSize=9999"))
                     .json()
                     .value(QStringLiteral("pageSize"))
                     .toInt(),
                 500);
        QCOMPARE(m_http->get(QStringLiteral("/accounts?status=Dormant")).status, 422);
    }

    void errors()
    {
        QCOMPARE(
            m_http->get(QStringLiteral("/accounts/543d15e7-0000-4000-8000-000000000001")).status,
            404);
        QCOMPARE(m_http->get(QStringLiteral("/accounts/not-a-uuid")).status, 422);
        const TestHttp::Reply noName = m_http->post(
            QStringLiteral("/accounts"), {{QStringLiteral("type"), QStringLiteral("x")}});
        QCOMPARE(noName.status, 422);
        QVERIFY(!noName.json().value(QStringLiteral("detail")).toArray().isEmpty());
        QCOMPARE(noName.firstErrorLocation().last().toString(), QStringLiteral("name"));
        TestHttp reader(m_server.baseUrl(), ServerProcess::readKey);
        QCOMPARE(
            reader
                .post(QStringLiteral("/accounts"), {{QStringLiteral("name"), QStringLiteral("No")}})
                .status,
            403);
        QCOMPARE(reader.get(QStringLiteral("/accounts")).status, 200);
    }

private:
    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
};

QTEST_GUILESS_MAIN(TestServerAccounts)
#include "tst_serveraccounts.moc"
