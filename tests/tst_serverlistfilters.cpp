// GET /opportunities: every filter, paging and clamping rule, stable order, bad parameters.
#include "ServerProcess.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

class TestServerListFilters final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_http = std::make_unique<TestHttp>(m_server.baseUrl(), ServerProcess::writeKey);
        m_acme = TestData::createAccount(*m_http, QStringLiteral("Acme"));
        m_globex = TestData::createAccount(*m_http, QStringLiteral("Globex"));
        // 30 records: stage cycles, accounts alternate, 3 owners, every fifth archived.
        const QStringList stages{QStringLiteral("prospecting"), QStringLiteral("qualification"),
                                 QStringLiteral("proposal"),    QStringLiteral("negotiation"),
                                 QStringLiteral("closed_won"),  QStringLiteral("closed_lost")};
        for (int i = 0; i < 30; ++i) {
            const QString name = i % 3 == 0 ? QStringLiteral("Müller Renewal %1").arg(i)
                                            : QStringLiteral("Deal %1").arg(i);
            const QJsonObject created = TestData::createOpportunity(
                *m_http, {{QStringLiteral("name"), name},
                          {QStringLiteral("stage"), stages.at(i % 6)},
                          {QStringLiteral("accountId"), i % 2 ? m_globex : m_acme},
                          {QStringLiteral("ownerId"), QStringLiteral("owner-%1").arg(i % 3)},
                          {QStringLiteral("isArchived"), i % 5 == 4}});
            QVERIFY(!created.value(QStringLiteral("id")).toString().isEmpty());
            m_created.append(created);
        }
    }

    void defaultPageIsTwentyLiveRecordsNewestFirst()
    {
        const QJsonObject page = m_http->get(QStringLiteral("/opportunities")).json();
        QCOMPARE(page.value(QStringLiteral("page")).toInt(), 1);
        QCOMPARE(page.value(QStringLiteral("pageSize")).toInt(), 20);
        QCOMPARE(page.value(QStringLiteral("totalCount")).toInt(), 24);
        const QJsonArray items = page.value(QStringLiteral("opportunities")).toArray();
        QCOMPARE(items.size(), 20);
        QCOMPARE(items.first().toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Deal 28")); // 29 is archived
        for (const QJsonValue &item : items)
            QVERIFY(!item.toObject().value(QStringLiteral("is_archived")).toBool());
    }

    void filters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QList<int>>("expected"); // indexes into the created records
        auto matching = [](auto predicate) {
            QList<int> list;
            for (int i = 29; i >= 0; --i) {
                if (predicate(i))
                    list.append(i);
            }
            return list;
        };
        QTest::newRow("status") << "status=negotiation"
                                << matching([](int i) { return i % 6 == 3 && i % 5 != 4; });
        QTest::newRow("archived") << "isArchived=true"
                                  << matching([](int i) { return i % 5 == 4; });
        QTest::newRow("owner") << "ownerId=owner-1"
                               << matching([](int i) { return i % 3 == 1 && i % 5 != 4; });
        QTest::newRow("search, any case")
            << "search=M%C3%9CLLER" << matching([](int i) { return i % 3 == 0 && i % 5 != 4; });
        QTest::newRow("search, substring")
            << "search=ler%20renewal%201"
            << matching([](int i) { return i == 12 || i == 15 || i == 18; });
        QTest::newRow("search, three characters")
            << "search=l%201"
            << matching([](int i) { return (i == 1 || (i >= 10 && i <= 19)) && i % 5 != 4; });
        QTest::newRow("search, one character")
            << "search=2"
            << matching([](int i) { return (i == 2 || i == 12 || i >= 20) && i % 5 != 4; });
        QTest::newRow("search with plus as space")
            << "search=deal+2"
            << matching([](int i) { return (i == 2 || i >= 20) && i % 3 != 0 && i % 5 != 4; });
        QTest::newRow("combined") << "status=closed_won&ownerId=owner-1&isArchived=false"
                                  << matching([](int i) {
                                         return i % 6 == 4 && i % 3 == 1 && i % 5 != 4;
                                     });
        QTest::newRow("nothing") << "search=zzz" << QList<int>();
        QTest::newRow("search without accents")
            << "search=muller" << matching([](int i) { return i % 3 == 0 && i % 5 != 4; });
        QTest::newRow("search without accents, capitals")
            << "search=MULLER%20RENEWAL"
            << matching([](int i) { return i % 3 == 0 && i % 5 != 4; });
        QTest::newRow("search in the account's name")
            << "search=Glob" << matching([](int i) { return i % 2 == 1 && i % 5 != 4; });
        QTest::newRow("search in the account's name, accented")
            << "search=%C3%81CME" << matching([](int i) { return i % 2 == 0 && i % 5 != 4; });
        QTest::newRow("search across name and account name") << "search=12acme" << QList<int>();
        QTest::newRow("search across name and account name, short") << "search=2a" << QList<int>();
    }
    void filters()
    {
        QFETCH(QString, query);
        QFETCH(QList<int>, expected);
        const QJsonObject page =
            m_http->get(QStringLiteral("/opportunities?pageSize=500&") + query).json();
        QStringList names;
        for (const QJsonValue &item : page.value(QStringLiteral("opportunities")).toArray())
            names.append(item.toObject().value(QStringLiteral("name")).toString());
        QStringList expectedNames;
        for (int i : expected)
            expectedNames.append(m_created.at(i).value(QStringLiteral("name")).toString());
        QCOMPARE(names, expectedNames);
        QCOMPARE(page.value(QStringLiteral("totalCount")).toInt(), expected.size());
    }

    void accountFilter()
    {
        const QJsonObject page =
            m_http->get(QStringLiteral("/opportunities?pageSize=500&accountId=") + m_globex).json();
        const QJsonArray items = page.value(QStringLiteral("opportunities")).toArray();
        QCOMPARE(items.size(), 12); // odd i, not archived
        for (const QJsonValue &item : items)
            QCOMPARE(item.toObject().value(QStringLiteral("account_name")).toString(),
                     QStringLiteral("Globex"));
    }

    void pagesAreStableAndComplete()
    {
        QStringList seen;
        for (int page = 1; page <= 4; ++page) {
            const QJsonObject body =
                m_http->get(QStringLiteral("/opportunities?pageSize=7&page=%1").arg(page)).json();
            QCOMPARE(body.value(QStringLiteral("page")).toInt(), page);
            for (const QJsonValue &item : body.value(QStringLiteral("opportunities")).toArray())
                seen.append(item.toObject().value(QStringLiteral("id")).toString());
        }
        QCOMPARE(seen.size(), 24);
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 24);
        const QJsonObject beyond =
            m_http->get(QStringLiteral("/opportunities?pageSize=7&page=5")).json();
        QVERIFY(beyond.value(QStringLiteral("opportunities")).toArray().isEmpty());
        QCOMPARE(beyond.value(QStringLiteral("totalCount")).toInt(), 24);
    }

    void pageSizeIsClamped_data()
    {
        QTest::addColumn<QString>("asked");
        QTest::addColumn<int>("answered");
        QTest::newRow("zero") << "0" << 1;
        QTest::newRow("negative") << "-5" << 1;
        QTest::newRow("huge") << "100000" << 500;
        QTest::newRow("max") << "500" << 500;
    }
    void pageSizeIsClamped()
    {
        QFETCH(QString, asked);
        QFETCH(int, answered);
        const QJsonObject body =
            m_http->get(QStringLiteral("/opportunities?pageSize=") + asked).json();
        QCOMPARE(body.value(QStringLiteral("pageSize")).toInt(), answered);
        QCOMPARE(body.value(QStringLiteral("opportunities")).toArray().size(), qMin(answered, 24));
    }

    void badParametersAre422NamingTheParameter_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("unknown stage") << "status=won"
                                       << "status";
        QTest::newRow("stage in other spelling") << "status=Closed%20Won"
                                                 << "status";
        QTest::newRow("page not a number") << "page=abc"
                                           << "page";
        QTest::newRow("page zero") << "page=0"
                                   << "page";
        QTest::newRow("pageSize not a number") << "pageSize=ten"
                                               << "pageSize";
        QTest::newRow("malformed uuid") << "accountId=acme"
                                        << "accountId";
        QTest::newRow("archived not a boolean") << "isArchived=maybe"
                                                << "isArchived";
    }
    void badParametersAre422NamingTheParameter()
    {
        QFETCH(QString, query);
        QFETCH(QString, parameter);
        const TestHttp::Reply reply = m_http->get(QStringLiteral("/opportunities?") + query);
        QCOMPARE(reply.status, 422);
        const QJsonArray detail = reply.json().value(QStringLiteral("detail")).toArray();
        QVERIFY(!detail.isEmpty());
        const QJsonObject first = detail.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("loc")).toArray(),
                 (QJsonArray{QStringLiteral("query"), parameter}));
        QVERIFY(!first.value(QStringLiteral("msg")).toString().isEmpty());
    }

private:
    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    QString m_acme;
    QString m_globex;
    QList<QJsonObject> m_created;
};

QTEST_GUILESS_MAIN(TestServerListFilters)
#include "tst_serverlistfilters.moc"
