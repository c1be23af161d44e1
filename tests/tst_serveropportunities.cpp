// kashew-server's Opportunities routes through HTTP: create, read, update, delete, history,
// ETag/If-Match and Idempotency-Key.
#include "ServerProcess.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QTest>
#include <QUuid>

class TestServerOpportunities final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_http = std::make_unique<TestHttp>(m_server.baseUrl(), ServerProcess::writeKey);
        m_accountId = TestData::createAccount(*m_http, QStringLiteral("Acme Corp"));
        QVERIFY(!m_accountId.isEmpty());
    }

    void createAnswers201WithTheWholeObject()
    {
        const TestHttp::Reply reply = m_http->post(
            QStringLiteral("/opportunities"),
            QJsonObject{{QStringLiteral("name"), QStringLiteral("Acme Corp — Enterprise Deal")},
                        {QStringLiteral("accountId"), m_accountId},
                        {QStringLiteral("leadId"), QJsonValue::Null},
                        {QStringLiteral("value"), 50000},
                        {QStringLiteral("currency"), QStringLiteral("USD")},
                        {QStringLiteral("stage"), QStringLiteral("proposal")},
                        {QStringLiteral("probability"), 60},
                        {QStringLiteral("expectedCloseDate"), QStringLiteral("2026-07-15")},
                        {QStringLiteral("description"),
                         QStringLiteral("Enterprise license for 50 seats")}});
        QCOMPARE(reply.status, 201);
        const QJsonObject o = reply.json();
        QVERIFY(QUuid::fromString(o.value(QStringLiteral("id")).toString()).version() !=
                QUuid::VerUnknown);
        QCOMPARE(o.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Acme Corp — Enterprise Deal"));
        QCOMPARE(o.value(QStringLiteral("account_id")).toString(), m_accountId);
        QCOMPARE(o.value(QStringLiteral("account_name")).toString(), QStringLiteral("Acme Corp"));
        QCOMPARE(o.value(QStringLiteral("value")).toDouble(), 50000.0);
        QCOMPARE(o.value(QStringLiteral("stage")).toString(), QStringLiteral("proposal"));
        QCOMPARE(o.value(QStringLiteral("probability")).toInt(), 60);
        QCOMPARE(o.value(QStringLiteral("expected_close_date")).toString(),
                 QStringLiteral("2026-07-15"));
        QCOMPARE(o.value(QStringLiteral("is_archived")).toBool(), false);
        QVERIFY(o.value(QStringLiteral("lead_id")).isNull());
        QVERIFY(!o.value(QStringLiteral("owner_id")).toString().isEmpty());
        QVERIFY(o.value(QStringLiteral("created_at")).toString().endsWith(QLatin1Char('Z')));
        QCOMPARE(o.value(QStringLiteral("updated_at")), o.value(QStringLiteral("created_at")));
        QCOMPARE(reply.header("Location"),
                 "/api/v1/opportunities/" + o.value(QStringLiteral("id")).toString().toLatin1());
    }

    void createAppliesDefaults()
    {
        const QJsonObject o = TestData::createOpportunity(
            *m_http, {{QStringLiteral("name"), QStringLiteral("Bare")}});
        QCOMPARE(o.value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));
        QCOMPARE(o.value(QStringLiteral("stage")).toString(), QStringLiteral("prospecting"));
        QCOMPARE(o.value(QStringLiteral("probability")).toInt(), 0);
        QCOMPARE(o.value(QStringLiteral("value")).toDouble(), 0.0);
        QVERIFY(o.value(QStringLiteral("expected_close_date")).isNull());
        QVERIFY(o.value(QStringLiteral("account_id")).isNull());
    }

    void requestsAcceptSnakeCaseToo()
    {
        const QJsonObject o = TestData::createOpportunity(
            *m_http, {{QStringLiteral("name"), QStringLiteral("Snake")},
                      {QStringLiteral("account_id"), m_accountId},
                      {QStringLiteral("expected_close_date"), QStringLiteral("2027-01-31")},
                      {QStringLiteral("is_archived"), true}});
        QCOMPARE(o.value(QStringLiteral("account_id")).toString(), m_accountId);
        QCOMPARE(o.value(QStringLiteral("expected_close_date")).toString(),
                 QStringLiteral("2027-01-31"));
        QCOMPARE(o.value(QStringLiteral("is_archived")).toBool(), true);
    }

    void getAddsHistoryAndEtag()
    {
        const QJsonObject created = TestData::createOpportunity(
            *m_http, {{QStringLiteral("name"), QStringLiteral("History")},
                      {QStringLiteral("stage"), QStringLiteral("proposal")}});
        const QString path =
            QStringLiteral("/opportunities/") + created.value(QStringLiteral("id")).toString();
        QCOMPARE(
            m_http->put(path, {{QStringLiteral("stage"), QStringLiteral("negotiation")}}).status,
            200);
        const TestHttp::Reply reply = m_http->get(path);
        QCOMPARE(reply.status, 200);
        QVERIFY(!reply.header("ETag").isEmpty());
        const QJsonArray updates = reply.json().value(QStringLiteral("updates")).toArray();
        QCOMPARE(updates.size(), 2);
        const QJsonObject newest = updates.at(0).toObject();
        QCOMPARE(
            newest.value(QStringLiteral("changes")).toObject(),
            (QJsonObject{{QStringLiteral("stage"),
                          QJsonObject{{QStringLiteral("from"), QStringLiteral("proposal")},
                                      {QStringLiteral("to"), QStringLiteral("negotiation")}}}}));
        QVERIFY(!newest.value(QStringLiteral("owner_id")).toString().isEmpty());
        const QJsonObject creation = updates.at(1).toObject();
        QCOMPARE(creation.value(QStringLiteral("changes"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toObject()
                     .value(QStringLiteral("to"))
                     .toString(),
                 QStringLiteral("History"));
        QVERIFY(newest.value(QStringLiteral("created_at")).toString() >=
                creation.value(QStringLiteral("created_at")).toString());
    }

    void putIsPartialAndRecordsOnlyRealChanges()
    {
        const QJsonObject created = TestData::createOpportunity(
            *m_http, {{QStringLiteral("name"), QStringLiteral("Partial")},
                      {QStringLiteral("value"), 1000},
                      {QStringLiteral("description"), QStringLiteral("keep me")}});
        const QString path =
            QStringLiteral("/opportunities/") + created.value(QStringLiteral("id")).toString();
        const TestHttp::Reply reply =
            m_http->put(path, {{QStringLiteral("stage"), QStringLiteral("closed_won")},
                               {QStringLiteral("value"), 55000},
                               {QStringLiteral("probability"), 100},
                               {QStringLiteral("somethingUnknown"), 1}});
        QCOMPARE(reply.status, 200);
        const QJsonObject updated = reply.json();
        QCOMPARE(updated.value(QStringLiteral("stage")).toString(), QStringLiteral("closed_won"));
        QCOMPARE(updated.value(QStringLiteral("value")).toDouble(), 55000.0);
        QCOMPARE(updated.value(QStringLiteral("description")).toString(),
                 QStringLiteral("keep me"));
        QCOMPARE(updated.value(QStringLiteral("name")).toString(), QStringLiteral("Partial"));
        QVERIFY(updated.value(QStringLiteral("updated_at")).toString() >
                created.value(QStringLiteral("updated_at")).toString());

        // The same values again change nothing and add no history entry.
        QCOMPARE(m_http->put(path, {{QStringLiteral("value"), 55000}}).status, 200);
        QCOMPARE(m_http->get(path).json().value(QStringLiteral("updates")).toArray().size(), 2);

        // null clears a nullable field.
        const QJsonObject cleared =
            m_http->put(path, {{QStringLiteral("description"), QJsonValue::Null}}).json();
        QVERIFY(cleared.value(QStringLiteral("description")).isNull());
    }

    void ifMatchGuardsUpdatesAndDeletes()
    {
        const QJsonObject created = TestData::createOpportunity(
            *m_http, {{QStringLiteral("name"), QStringLiteral("Guarded")}});
        const QString path =
            QStringLiteral("/opportunities/") + created.value(QStringLiteral("id")).toString();
        const QByteArray etag = m_http->get(path).header("ETag");
        QVERIFY(!etag.isEmpty());
        const TestHttp::Reply first =
            m_http->put(path, {{QStringLiteral("value"), 1}}, {{"If-Match", etag}});
        QCOMPARE(first.status, 200);
        QVERIFY(first.header("ETag") != etag);
        const TestHttp::Reply stale =
            m_http->put(path, {{QStringLiteral("value"), 2}}, {{"If-Match", etag}});
        QCOMPARE(stale.status, 412);
        QVERIFY(!stale.json().value(QStringLiteral("detail")).toString().isEmpty());
        QCOMPARE(m_http->get(path).json().value(QStringLiteral("value")).toDouble(), 1.0);
        QCOMPARE(m_http->del(path, {{"If-Match", etag}}).status, 412);
        QCOMPARE(m_http->del(path, {{"If-Match", "W/" + first.header("ETag")}}).status, 412);
        QCOMPARE(m_http->del(path, {{"If-Match", "\"x\", " + first.header("ETag")}}).status, 204);
    }

    // Each listed item carries its entity tag (the `etags` extension): an edit needs no GET.
    void listedEtagIsTheIfMatch()
    {
        const QJsonObject created = TestData::createOpportunity(
            *m_http, {{QStringLiteral("name"), QStringLiteral("Listed etag")}});
        const QString id = created.value(QStringLiteral("id")).toString();
        const QString path = QStringLiteral("/opportunities/") + id;
        const auto listedEtag = [&] {
            const TestHttp::Reply list =
                m_http->get(QStringLiteral("/opportunities?search=listed%20etag"));
            const QJsonObject item = list.json()
                                         .value(QStringLiteral("opportunities"))
                                         .toArray()
                                         .at(0)
                                         .toObject();
            return item.value(QStringLiteral("id")).toString() == id
                       ? item.value(QStringLiteral("etag")).toString().toLatin1()
                       : QByteArray();
        };
        const TestHttp::Reply list = m_http->get(QStringLiteral("/opportunities?pageSize=1"));
        QVERIFY(list.header("Kashew-Features").contains("etags"));
        const QByteArray etag = listedEtag();
        QVERIFY(!etag.isEmpty());
        QCOMPARE(etag, m_http->get(path).header("ETag"));
        const TestHttp::Reply edited =
            m_http->put(path, {{QStringLiteral("value"), 7}}, {{"If-Match", etag}});
        QCOMPARE(edited.status, 200);
        QCOMPARE(listedEtag(), edited.header("ETag"));
        QCOMPARE(m_http->put(path, {{QStringLiteral("value"), 8}}, {{"If-Match", etag}}).status,
                 412);
        QCOMPARE(m_http->get(path).json().value(QStringLiteral("value")).toDouble(), 7.0);
    }

    void deleteIsPermanent()
    {
        const QJsonObject created = TestData::createOpportunity(
            *m_http, {{QStringLiteral("name"), QStringLiteral("Doomed")}});
        const QString path =
            QStringLiteral("/opportunities/") + created.value(QStringLiteral("id")).toString();
        const TestHttp::Reply reply = m_http->del(path);
        QCOMPARE(reply.status, 204);
        QVERIFY(reply.body.isEmpty());
        QCOMPARE(m_http->get(path).status, 404);
        QCOMPARE(m_http->del(path).status, 404);
        QCOMPARE(m_http->put(path, {{QStringLiteral("value"), 1}}).status, 404);
    }

    void idempotencyKeyReturnsTheFirstResult()
    {
        const QJsonObject body{{QStringLiteral("name"), QStringLiteral("Once only")}};
        const QList<QPair<QByteArray, QByteArray>> key{{"Idempotency-Key", "create-once-1"}};
        const TestHttp::Reply first = m_http->post(QStringLiteral("/opportunities"), body, key);
        const TestHttp::Reply again = m_http->post(QStringLiteral("/opportunities"), body, key);
        QCOMPARE(first.status, 201);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.json().value(QStringLiteral("id")),
                 first.json().value(QStringLiteral("id")));
        const QString id = first.json().value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(again.json().value(QStringLiteral("id")).toString(), id);
        const TestHttp::Reply list =
            m_http->get(QStringLiteral("/opportunities?search=once%20only"));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json().value(QStringLiteral("totalCount")).toInt(), 1);
        // Another key creates another record.
        const TestHttp::Reply other = m_http->post(QStringLiteral("/opportunities"), body,
                                                   {{"Idempotency-Key", "create-once-2"}});
        QCOMPARE(other.status, 201);
        const QString otherId = other.json().value(QStringLiteral("id")).toString();
        QVERIFY(!otherId.isEmpty());
        QVERIFY(otherId != id);
        QCOMPARE(m_http->get(QStringLiteral("/opportunities?search=once%20only"))
                     .json()
                     .value(QStringLiteral("totalCount"))
                     .toInt(),
                 2);
    }

    void idempotencyKeysArePerCaller()
    {
        // A second server key stands for another owner; its key space is its own.
        ServerProcess server;
        QVERIFY(server.start(
            {QStringLiteral("--api-key"), QStringLiteral("kshw_second_writer_key_42")}));
        TestHttp alice(server.baseUrl(), ServerProcess::writeKey);
        TestHttp bob(server.baseUrl(), "kshw_second_writer_key_42");
        const QJsonObject body{{QStringLiteral("name"), QStringLiteral("Shared key")}};
        const auto a =
            alice.post(QStringLiteral("/opportunities"), body, {{"Idempotency-Key", "k"}});
        const auto b = bob.post(QStringLiteral("/opportunities"), body, {{"Idempotency-Key", "k"}});
        // Both are created: a refused request would also give "different" (empty) ids.
        QCOMPARE(a.status, 201);
        QCOMPARE(b.status, 201);
        const QString aliceId = a.json().value(QStringLiteral("id")).toString();
        const QString bobId = b.json().value(QStringLiteral("id")).toString();
        QVERIFY(!aliceId.isEmpty());
        QVERIFY(!bobId.isEmpty());
        QVERIFY(aliceId != bobId);
        const QString aliceOwner = a.json().value(QStringLiteral("owner_id")).toString();
        const QString bobOwner = b.json().value(QStringLiteral("owner_id")).toString();
        QVERIFY(!aliceOwner.isEmpty());
        QVERIFY(!bobOwner.isEmpty());
        QVERIFY(aliceOwner != bobOwner);
        // Each key replays its own record.
        const auto aliceAgain =
            alice.post(QStringLiteral("/opportunities"), body, {{"Idempotency-Key", "k"}});
        QCOMPARE(aliceAgain.status, 201);
        QCOMPARE(aliceAgain.json().value(QStringLiteral("id")).toString(), aliceId);
        const auto bobAgain =
            bob.post(QStringLiteral("/opportunities"), body, {{"Idempotency-Key", "k"}});
        QCOMPARE(bobAgain.status, 201);
        QCOMPARE(bobAgain.json().value(QStringLiteral("id")).toString(), bobId);
    }

    void accountNameFollowsTheAccount()
    {
        const QString other = TestData::createAccount(*m_http, QStringLiteral("Øresund Logistics"));
        const QJsonObject created =
            TestData::createOpportunity(*m_http, {{QStringLiteral("accountId"), m_accountId}});
        const QString path =
            QStringLiteral("/opportunities/") + created.value(QStringLiteral("id")).toString();
        const QJsonObject moved = m_http->put(path, {{QStringLiteral("accountId"), other}}).json();
        QCOMPARE(moved.value(QStringLiteral("account_name")).toString(),
                 QStringLiteral("Øresund Logistics"));
        const QJsonObject detached =
            m_http->put(path, {{QStringLiteral("accountId"), QJsonValue::Null}}).json();
        QVERIFY(detached.value(QStringLiteral("account_name")).isNull());
    }

private:
    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    QString m_accountId;
};

QTEST_GUILESS_MAIN(TestServerOpportunities)
#include "tst_serveropportunities.moc"
