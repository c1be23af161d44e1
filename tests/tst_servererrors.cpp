// Every error status of CONTRACT.md, each with a JSON "detail".
#include "ServerProcess.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

namespace {

QString detailText(const TestHttp::Reply &reply)
{
    return reply.json().value(QStringLiteral("detail")).toString();
}

QString firstErrorField(const TestHttp::Reply &reply)
{
    if (reply.json().value(QStringLiteral("detail")).toArray().isEmpty())
        return QStringLiteral("(no field errors in %1)").arg(QString::fromUtf8(reply.body));
    return reply.firstErrorLocation().last().toString();
}

// A request body whose `field` holds `size` characters.
QByteArray withLongText(const QString &field, int size)
{
    QJsonObject body{{QStringLiteral("name"), QStringLiteral("big")}};
    body.insert(field, QString(size, QLatin1Char('x')));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

class TestServerErrors final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_http = std::make_unique<TestHttp>(m_server.baseUrl(), ServerProcess::writeKey);
        m_id = TestData::createOpportunity(*m_http,
                                           {{QStringLiteral("name"), QStringLiteral("Target")}})
                   .value(QStringLiteral("id"))
                   .toString();
    }

    void missingOrUnknownKeyIs401()
    {
        for (const QByteArray &key : {QByteArray(), QByteArray("kshw_wrong_key_00000000")}) {
            TestHttp anonymous(m_server.baseUrl(), key);
            const TestHttp::Reply reply = anonymous.get(QStringLiteral("/opportunities"));
            QCOMPARE(reply.status, 401);
            QCOMPARE(detailText(reply), QStringLiteral("Invalid API key"));
        }
        TestHttp basic(m_server.baseUrl());
        const TestHttp::Reply reply = basic.send("GET", QStringLiteral("/opportunities"), {},
                                                 {{"Authorization", "Basic a2V5Og=="}});
        QCOMPARE(reply.status, 401);
    }

    void readOnlyKeyReadsButCannotWrite()
    {
        TestHttp reader(m_server.baseUrl(), ServerProcess::readKey);
        QCOMPARE(reader.get(QStringLiteral("/opportunities")).status, 200);
        QCOMPARE(reader.get(QStringLiteral("/opportunities/") + m_id).status, 200);
        const TestHttp::Reply post = reader.post(QStringLiteral("/opportunities"),
                                                 {{QStringLiteral("name"), QStringLiteral("x")}});
        QCOMPARE(post.status, 403);
        QCOMPARE(detailText(post), QStringLiteral("Scope 'crm:write' required"));
        QCOMPARE(
            reader.put(QStringLiteral("/opportunities/") + m_id, {{QStringLiteral("value"), 1}})
                .status,
            403);
        QCOMPARE(reader.del(QStringLiteral("/opportunities/") + m_id).status, 403);
        const TestHttp::Reply unchanged = m_http->get(QStringLiteral("/opportunities/") + m_id);
        QCOMPARE(unchanged.status, 200);
        QCOMPARE(unchanged.json().value(QStringLiteral("value")).toDouble(), 0.0);
    }

    void unknownIdIs404AndMalformedIdIs422()
    {
        const QString unknown =
            QStringLiteral("/opportunities/00000000-0000-4000-8000-000000000000");
        const TestHttp::Reply reply = m_http->get(unknown);
        QCOMPARE(reply.status, 404);
        QCOMPARE(detailText(reply), QStringLiteral("Opportunity not found"));
        QCOMPARE(m_http->get(QStringLiteral("/opportunities/not-a-uuid")).status, 422);
    }

    void unknownRoutesAre404AndOtherMethods405()
    {
        const TestHttp::Reply missing = m_http->get(QStringLiteral("/leads"));
        QCOMPARE(missing.status, 404);
        QVERIFY(!detailText(missing).isEmpty());
        const TestHttp::Reply patch =
            m_http->send("PATCH", QStringLiteral("/opportunities/") + m_id, "{}");
        QCOMPARE(patch.status, 405);
        QCOMPARE(patch.header("Allow"), QByteArray("GET, PUT, DELETE"));
        QCOMPARE(m_http->send("DELETE", QStringLiteral("/opportunities")).status, 405);
    }

    void bodyOverOneMebibyteIs413()
    {
        const QByteArray huge = withLongText(QStringLiteral("description"), 1024 * 1024);
        const TestHttp::Reply reply = m_http->send("POST", QStringLiteral("/opportunities"), huge);
        QCOMPARE(reply.status, 413);
        QVERIFY(!detailText(reply).isEmpty());
        // Just under the limit is fine.
        const QByteArray fits = withLongText(QStringLiteral("description"), 1000 * 1000);
        QCOMPARE(m_http->send("POST", QStringLiteral("/opportunities"), fits).status, 201);
    }

    void invalidBodiesAre422NamingTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("alsoForUpdate"); // a partial update may leave out the name
        QTest::newRow("missing name") << QByteArray(R"({"value": 5})") << "name" << false;
        QTest::newRow("blank name") << QByteArray(R"({"name": "   "})") << "name" << true;
        QTest::newRow("null name") << QByteArray(R"({"name": null})") << "name" << true;
        QTest::newRow("long name") << withLongText(QStringLiteral("name"), 256) << "name" << true;
        QTest::newRow("negative value")
            << QByteArray(R"({"name": "x", "value": -1})") << "value" << true;
        QTest::newRow("value text")
            << QByteArray(R"({"name": "x", "value": "lots"})") << "value" << true;
        QTest::newRow("currency") << QByteArray(R"({"name": "x", "currency": "dollars"})")
                                  << "currency" << true;
        QTest::newRow("stage") << QByteArray(R"({"name": "x", "stage": "won"})") << "stage" << true;
        QTest::newRow("probability range")
            << QByteArray(R"({"name": "x", "probability": 101})") << "probability" << true;
        QTest::newRow("probability fraction")
            << QByteArray(R"({"name": "x", "probability": 50.5})") << "probability" << true;
        QTest::newRow("stage, loose spelling")
            << QByteArray(R"({"name": "x", "stage": "Closed Won"})") << "stage" << true;
        QTest::newRow("date with garbage")
            << QByteArray(R"({"name": "x", "expectedCloseDate": "2026-07-15Tgarbage"})")
            << "expectedCloseDate" << true;
        QTest::newRow("date") << QByteArray(R"({"name": "x", "expectedCloseDate": "2026-13-01"})")
                              << "expectedCloseDate" << true;
        QTest::newRow("unknown account")
            << QByteArray(R"({"name": "x", "accountId": "00000000-0000-4000-8000-000000000000"})")
            << "accountId" << true;
        QTest::newRow("malformed account")
            << QByteArray(R"({"name": "x", "accountId": "acme"})") << "accountId" << true;
        QTest::newRow("lead") << QByteArray(R"({"name": "x", "leadId": "lead-7"})") << "leadId"
                              << true;
        QTest::newRow("archived") << QByteArray(R"({"name": "x", "isArchived": "perhaps"})")
                                  << "isArchived" << true;
        // Names nobody can see or show: zero-width and other invisible characters only, or
        // text that is not valid UTF-16 (an unpaired surrogate).
        QTest::newRow("invisible name")
            << QByteArray(R"({"name": "\u200b\u200c\u200d\u2060\ufeff\u00ad \u3164"})") << "name"
            << true;
        QTest::newRow("unpaired surrogate in name")
            << QByteArray(R"({"name": "Acme \ud800 Pilot"})") << "name" << true;
        QTest::newRow("lone low surrogate in name")
            << QByteArray(R"({"name": "\udc00"})") << "name" << true;
        // A value no screen can show: above the documented maximum of 10^15.
        QTest::newRow("value 1e308")
            << QByteArray(R"({"name": "x", "value": 1e308})") << "value" << true;
    }

    void valuesUpToTheDocumentedMaximum()
    {
        const TestHttp::Reply atMaximum =
            m_http->send("POST", QStringLiteral("/opportunities"),
                         QByteArray(R"({"name": "Largest", "value": 1000000000000000})"));
        QCOMPARE(atMaximum.status, 201);
        QCOMPARE(atMaximum.json().value(QStringLiteral("value")).toDouble(), 1e15);
        const TestHttp::Reply above =
            m_http->send("POST", QStringLiteral("/opportunities"),
                         QByteArray(R"({"name": "Too large", "value": 1000000000000001})"));
        QCOMPARE(above.status, 422);
        QCOMPARE(firstErrorField(above), QStringLiteral("value"));
        // The answer says what the maximum is.
        const QString message = above.json()
                                    .value(QStringLiteral("detail"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("msg"))
                                    .toString();
        QVERIFY2(message.contains(QLatin1String("1000000000000000")), qPrintable(message));
    }
    void invalidBodiesAre422NamingTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        QFETCH(bool, alsoForUpdate);
        const TestHttp::Reply reply = m_http->send("POST", QStringLiteral("/opportunities"), body);
        QCOMPARE(reply.status, 422);
        QCOMPARE(firstErrorField(reply), field);
        QCOMPARE(reply.firstErrorLocation().first().toString(), QStringLiteral("body"));
        if (alsoForUpdate) {
            const TestHttp::Reply put =
                m_http->send("PUT", QStringLiteral("/opportunities/") + m_id, body);
            QCOMPARE(put.status, 422);
            QCOMPARE(firstErrorField(put), field);
        }
        const TestHttp::Reply unchanged = m_http->get(QStringLiteral("/opportunities/") + m_id);
        QCOMPARE(unchanged.status, 200);
        const QJsonObject target = unchanged.json();
        QCOMPARE(target.value(QStringLiteral("name")).toString(), QStringLiteral("Target"));
        QCOMPARE(target.value(QStringLiteral("updates")).toArray().size(), 1);
    }

    void malformedJsonIs422()
    {
        for (const QByteArray &body :
             {QByteArray("{not json"), QByteArray("[1, 2]"), QByteArray()}) {
            const TestHttp::Reply reply =
                m_http->send("POST", QStringLiteral("/opportunities"), body);
            QCOMPARE(reply.status, 422);
            QVERIFY(!reply.json().value(QStringLiteral("detail")).toArray().isEmpty());
        }
    }

    void rateLimitsAnswer429WithDetailAndRetryAfter()
    {
        ServerProcess limited;
        QVERIFY(limited.start({QStringLiteral("--rate-limit"), QStringLiteral("6,2")}));
        TestHttp http(limited.baseUrl(), ServerProcess::writeKey);
        QCOMPARE(http.post(QStringLiteral("/opportunities"),
                           {{QStringLiteral("name"), QStringLiteral("a")}})
                     .status,
                 201);
        QCOMPARE(http.post(QStringLiteral("/opportunities"),
                           {{QStringLiteral("name"), QStringLiteral("b")}})
                     .status,
                 201);
        // Third write of the day: refused, and not counted as a request either.
        const TestHttp::Reply writes = http.post(QStringLiteral("/opportunities"),
                                                 {{QStringLiteral("name"), QStringLiteral("c")}});
        QCOMPARE(writes.status, 429);
        static const QRegularExpression text(
            QStringLiteral("^Rate limit exceeded\\. Try again in (\\d+) seconds\\.$"));
        const QRegularExpressionMatch match = text.match(detailText(writes));
        QVERIFY2(match.hasMatch(), qPrintable(detailText(writes)));
        QCOMPARE(writes.header("Retry-After"), match.captured(1).toLatin1());
        QVERIFY(match.captured(1).toInt() > 3600); // the daily window
        // Reads still go through until the hourly budget is spent.
        for (int i = 0; i < 4; ++i)
            QCOMPARE(http.get(QStringLiteral("/opportunities")).status, 200);
        const TestHttp::Reply reads = http.get(QStringLiteral("/opportunities"));
        QCOMPARE(reads.status, 429);
        QVERIFY(reads.header("Retry-After").toInt() > 0);
        QVERIFY(reads.header("Retry-After").toInt() <= 3600);
        QCOMPARE(http.get(QStringLiteral("/opportunities")).status, 429);
        // Budgets are per key: the read-only key has its own.
        TestHttp reader(limited.baseUrl(), ServerProcess::readKey);
        const TestHttp::Reply other = reader.get(QStringLiteral("/opportunities"));
        QCOMPARE(other.status, 200);
        QCOMPARE(other.json().value(QStringLiteral("totalCount")).toInt(), 2);
    }

private:
    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    QString m_id;
};

QTEST_GUILESS_MAIN(TestServerErrors)
#include "tst_servererrors.moc"
