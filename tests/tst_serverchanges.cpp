// GET /api/v1/changes against the real server: bootstrap pages, following creates, updates,
// deletes and accounts, the parameters, and 410 for a cursor the server can no longer follow.
#include "ServerProcess.h"
#include "TestData.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

namespace {

// One feed request; fails the test unless it is answered 200.
QJsonObject feed(TestHttp &http, qint64 since, int limit = 500)
{
    const TestHttp::Reply reply =
        http.get(QStringLiteral("/changes?since=%1&limit=%2").arg(since).arg(limit));
    if (reply.status != 200)
        QTest::qFail(qPrintable(QStringLiteral("GET /changes?since=%1 answered %2 %3")
                                    .arg(since)
                                    .arg(reply.status)
                                    .arg(QString::fromUtf8(reply.body))),
                     __FILE__, __LINE__);
    return reply.json();
}

qint64 cursorOf(const QJsonObject &object)
{
    return object.value(QStringLiteral("cursor")).toInteger();
}

QJsonArray changesOf(const QJsonObject &page)
{
    return page.value(QStringLiteral("changes")).toArray();
}

QString recordId(const QJsonObject &change)
{
    return change.value(QStringLiteral("op")).toString() == QLatin1String("delete")
               ? change.value(QStringLiteral("id")).toString()
               : change.value(QStringLiteral("record"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString();
}

// Every id a list endpoint has, through its pages.
QSet<QString> listedIds(TestHttp &http, const QString &path, const QString &field)
{
    QSet<QString> ids;
    for (int page = 1;; ++page) {
        const QJsonArray items = http.get(path + QStringLiteral("?pageSize=500&page=%1").arg(page))
                                     .json()
                                     .value(field)
                                     .toArray();
        for (const QJsonValue &item : items)
            ids.insert(item.toObject().value(QStringLiteral("id")).toString());
        if (items.size() < 500)
            return ids;
    }
}

} // namespace

class TestServerChanges final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_http = std::make_unique<TestHttp>(m_server.baseUrl(), ServerProcess::writeKey);
    }

    void parameters()
    {
        for (const QString &query : {QStringLiteral("limit=0"), QStringLiteral("limit=1001"),
                                     QStringLiteral("limit=many")}) {
            const TestHttp::Reply reply = m_http->get(QStringLiteral("/changes?") + query);
            QCOMPARE(reply.status, 422);
            QCOMPARE(reply.firstErrorLocation(),
                     (QJsonArray{QStringLiteral("query"), QStringLiteral("limit")}));
        }
        const TestHttp::Reply negative = m_http->get(QStringLiteral("/changes?since=-1"));
        QCOMPARE(negative.status, 422);
        QCOMPARE(negative.firstErrorLocation(),
                 (QJsonArray{QStringLiteral("query"), QStringLiteral("since")}));
        TestHttp reader(m_server.baseUrl(), ServerProcess::readKey);
        QCOMPARE(reader.get(QStringLiteral("/changes")).status, 200);
        QCOMPARE(m_http->send("POST", QStringLiteral("/changes"), "{}").status, 405);
        TestHttp anonymous(m_server.baseUrl());
        QCOMPARE(anonymous.get(QStringLiteral("/changes")).status, 401);

        // A cursor past the clock comes from another database: the client must bootstrap.
        const qint64 now = cursorOf(feed(*m_http, 0, 1000));
        const TestHttp::Reply foreign =
            m_http->get(QStringLiteral("/changes?since=%1").arg(now + 1000));
        QCOMPARE(foreign.status, 410);
        QVERIFY(!foreign.json().value(QStringLiteral("detail")).toString().isEmpty());
        QCOMPARE(m_http->get(QStringLiteral("/changes?since=%1").arg(now)).status, 200);
    }

    void bootstrapPages()
    {
        const QString account = TestData::createAccount(*m_http, QStringLiteral("Paged Account"));
        QStringList deals;
        for (int i = 0; i < 7; ++i)
            deals.append(TestData::createOpportunity(
                             *m_http, {{QStringLiteral("name"), QStringLiteral("Paged %1").arg(i)},
                                       {QStringLiteral("accountId"), account}})
                             .value(QStringLiteral("id"))
                             .toString());
        // Changed twice and deleted: a bootstrap has each live record once, no tombstone.
        QCOMPARE(
            m_http
                ->put(QStringLiteral("/opportunities/") + deals[0], {{QStringLiteral("value"), 5}})
                .status,
            200);
        QCOMPARE(m_http->del(QStringLiteral("/opportunities/") + deals[1]).status, 204);

        QStringList seen;
        QStringList deleted;
        qint64 since = 0;
        qint64 lastCursor = 0;
        int pages = 0;
        for (bool more = true; more; ++pages) {
            QVERIFY(pages < 1000);
            const QJsonObject page = feed(*m_http, since, 3);
            const QJsonArray changes = changesOf(page);
            more = page.value(QStringLiteral("hasMore")).toBool();
            QVERIFY(changes.size() <= 3);
            if (more)
                QCOMPARE(changes.size(), 3);
            for (const QJsonValue &value : changes) {
                const QJsonObject change = value.toObject();
                QVERIFY(change.value(QStringLiteral("cursor")).toInteger() > lastCursor);
                lastCursor = change.value(QStringLiteral("cursor")).toInteger();
                // The first page (since=0) has no tombstones; the pages after it follow from a
                // cursor and may bring deletions newer than it, of records never sent.
                if (change.value(QStringLiteral("op")).toString() == QLatin1String("delete")) {
                    QVERIFY(since > 0);
                    deleted.append(recordId(change));
                    continue;
                }
                QCOMPARE(change.value(QStringLiteral("op")).toString(), QStringLiteral("upsert"));
                seen.append(recordId(change));
                if (change.value(QStringLiteral("kind")).toString() == QLatin1String("opportunity"))
                    checkAgainstGet(change);
            }
            if (!changes.isEmpty() && more)
                QCOMPARE(cursorOf(page), lastCursor);
            QVERIFY(cursorOf(page) >= lastCursor);
            since = cursorOf(page);
        }
        QVERIFY(pages >= 3);
        QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), seen.size());
        const QSet<QString> expected =
            listedIds(*m_http, QStringLiteral("/opportunities"), QStringLiteral("opportunities")) +
            listedIds(*m_http, QStringLiteral("/accounts"), QStringLiteral("accounts"));
        QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()), expected);
        QVERIFY(!seen.contains(deals[1]));
        for (const QString &id : std::as_const(deleted))
            QVERIFY(!expected.contains(id));
        // Nothing is news after the bootstrap's cursor.
        const QJsonObject after = feed(*m_http, since);
        QCOMPARE(changesOf(after).size(), 0);
        QCOMPARE(cursorOf(after), since);
        QCOMPARE(after.value(QStringLiteral("hasMore")).toBool(), false);
    }

    void followsChanges()
    {
        const QString kept = TestData::createDeal(*m_http, QStringLiteral("Kept"));
        const QString doomed = TestData::createDeal(*m_http, QStringLiteral("Doomed"));
        const qint64 start = cursorOf(feed(*m_http, 0, 1000));

        const QString created = TestData::createDeal(*m_http, QStringLiteral("Fresh"));
        QCOMPARE(m_http
                     ->put(QStringLiteral("/opportunities/") + kept,
                           {{QStringLiteral("name"), QStringLiteral("Kept, renamed")}})
                     .status,
                 200);
        QCOMPARE(m_http->del(QStringLiteral("/opportunities/") + doomed).status, 204);
        const QString account = TestData::createAccount(*m_http, QStringLiteral("Fresh Account"));
        QCOMPARE(
            m_http->put(QStringLiteral("/opportunities/") + kept, {{QStringLiteral("value"), 4242}})
                .status,
            200);

        const QJsonObject page = feed(*m_http, start);
        const QJsonArray changes = changesOf(page);
        QCOMPARE(page.value(QStringLiteral("hasMore")).toBool(), false);
        // Commit order; "kept" changed twice appears once, at its latest change.
        QStringList order;
        for (const QJsonValue &value : changes)
            order.append(value.toObject().value(QStringLiteral("op")).toString() +
                         QLatin1Char(' ') + recordId(value.toObject()));
        QCOMPARE(
            order,
            (QStringList{QStringLiteral("upsert ") + created, QStringLiteral("delete ") + doomed,
                         QStringLiteral("upsert ") + account, QStringLiteral("upsert ") + kept}));
        QCOMPARE(cursorOf(page),
                 changes.last().toObject().value(QStringLiteral("cursor")).toInteger());
        qint64 previous = start;
        for (const QJsonValue &value : changes) {
            QVERIFY(value.toObject().value(QStringLiteral("cursor")).toInteger() > previous);
            previous = value.toObject().value(QStringLiteral("cursor")).toInteger();
        }
        checkAgainstGet(changes[0].toObject());
        checkAgainstGet(changes[3].toObject());
        const QJsonObject keptRecord =
            changes[3].toObject().value(QStringLiteral("record")).toObject();
        QCOMPARE(keptRecord.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Kept, renamed"));
        QCOMPARE(keptRecord.value(QStringLiteral("value")).toDouble(), 4242.0);
        QCOMPARE(changes[3].toObject().value(QStringLiteral("etag")).toString(),
                 QStringLiteral("\"3\""));

        const QJsonObject tombstone = changes[1].toObject();
        QCOMPARE(tombstone.value(QStringLiteral("kind")).toString(), QStringLiteral("opportunity"));
        QVERIFY(!tombstone.contains(QStringLiteral("record")));
        const QJsonObject accountChange = changes[2].toObject();
        QCOMPARE(accountChange.value(QStringLiteral("kind")).toString(), QStringLiteral("account"));
        QCOMPARE(accountChange.value(QStringLiteral("record")).toObject(),
                 m_http->get(QStringLiteral("/accounts/") + account).json());

        // Paged, the same changes come in the same order.
        const QJsonObject first = feed(*m_http, start, 2);
        QCOMPARE(first.value(QStringLiteral("hasMore")).toBool(), true);
        const QJsonObject second = feed(*m_http, cursorOf(first), 2);
        QCOMPARE(second.value(QStringLiteral("hasMore")).toBool(), false);
        QJsonArray paged = changesOf(first);
        for (const QJsonValue &value : changesOf(second))
            paged.append(value);
        QCOMPARE(paged, changes);

        // A bootstrap has no tombstones.
        const QJsonArray bootstrap = changesOf(feed(*m_http, 0, 1000));
        for (const QJsonValue &value : bootstrap) {
            QCOMPARE(value.toObject().value(QStringLiteral("op")).toString(),
                     QStringLiteral("upsert"));
            QVERIFY(recordId(value.toObject()) != doomed);
        }
    }

    void expiredCursorIsGone()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--keep-tombstones"), QStringLiteral("1s")}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const QString kept = TestData::createDeal(http, QStringLiteral("Stays"));
        const QString doomed = TestData::createDeal(http, QStringLiteral("Goes"));
        const qint64 beforeDelete = cursorOf(feed(http, 0));
        QCOMPARE(http.del(QStringLiteral("/opportunities/") + doomed).status, 204);
        const qint64 afterDelete = cursorOf(feed(http, beforeDelete));
        QVERIFY(afterDelete > beforeDelete);

        // Once the tombstone is forgotten, a cursor from before it cannot be followed.
        QTRY_COMPARE_WITH_TIMEOUT(
            http.get(QStringLiteral("/changes?since=%1").arg(beforeDelete)).status, 410, 20000);
        QVERIFY(!http.get(QStringLiteral("/changes?since=%1").arg(beforeDelete))
                     .json()
                     .value(QStringLiteral("detail"))
                     .toString()
                     .isEmpty());
        const QJsonObject followed = feed(http, afterDelete);
        QCOMPARE(changesOf(followed).size(), 0);
        // The bootstrap that follows leads past the forgotten tombstone, not back into a 410.
        const QJsonObject bootstrap = feed(http, 0);
        QCOMPARE(changesOf(bootstrap).size(), 1);
        QCOMPARE(recordId(changesOf(bootstrap)[0].toObject()), kept);
        QCOMPARE(http.get(QStringLiteral("/changes?since=%1").arg(cursorOf(bootstrap))).status,
                 200);
    }

private:
    // An opportunity's feed entry is GET /opportunities/{id} without "updates", with its ETag.
    void checkAgainstGet(const QJsonObject &change)
    {
        const QString id = recordId(change);
        const TestHttp::Reply reply = m_http->get(QStringLiteral("/opportunities/") + id);
        QCOMPARE(reply.status, 200);
        QJsonObject expected = reply.json();
        expected.remove(QStringLiteral("updates"));
        QCOMPARE(change.value(QStringLiteral("record")).toObject(), expected);
        QCOMPARE(change.value(QStringLiteral("etag")).toString().toLatin1(), reply.header("ETag"));
    }

    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
};

QTEST_MAIN(TestServerChanges)
#include "tst_serverchanges.moc"
