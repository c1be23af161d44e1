// The sync against a server that fills the API's gaps otherwise than kashew-server (CONTRACT.md,
// "Client tolerance"): a scripted server of this test's own, driving the real ApiClient,
// SyncEngine and LocalStore. It leaves is_archived out (the list's filter says it), and sends
// records kashew cannot read: each is named with the field at fault, the others are stored, and
// the cached copy of the unreadable one stays as it was.
#include "ApiClient.h"
#include "LocalStore.h"
#include "ScriptedServer.h"
#include "SyncEngine.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>

namespace {

// The other dialect: {"data": [...]} without a total (paged until a short page), pageSize
// clamped, records in camelCase without isArchived unless a test puts it in.
class DialectServer final
{
public:
    DialectServer()
        : m_server([this](const ScriptedServer::Request &request) { return answer(request); })
    {}

    QJsonArray live;
    QJsonArray archived;
    int maxPageSize = 500;
    // Lists everything whatever isArchived says.
    bool ignoresArchivedFilter = false;

    QUrl baseUrl() const { return m_server.baseUrl(); }

private:
    ScriptedServer::Reply answer(const ScriptedServer::Request &request) const
    {
        if (request.path == QLatin1String("/api/v1/accounts"))
            return {200, R"({"data": []})"};
        // One record, as the lists hold it (without isArchived unless a test puts it in).
        const QString one = QStringLiteral("/api/v1/opportunities/");
        if (request.path.startsWith(one)) {
            for (const QJsonArray *list : {&live, &archived}) {
                for (const QJsonValue &item : *list) {
                    if (item[QStringLiteral("id")].toString() == request.path.mid(one.size()))
                        return {200, QJsonDocument(item.toObject()).toJson()};
                }
            }
        }
        if (request.path != QLatin1String("/api/v1/opportunities"))
            return ScriptedServer::notFound();
        const bool wantsArchived =
            request.query.queryItemValue(QStringLiteral("isArchived")) == QLatin1String("true");
        const QJsonArray &all = wantsArchived && !ignoresArchivedFilter ? archived : live;
        const int page = request.query.queryItemValue(QStringLiteral("page")).toInt();
        const int size =
            std::min(maxPageSize, request.query.queryItemValue(QStringLiteral("pageSize")).toInt());
        QJsonArray slice;
        for (qsizetype i = qsizetype(page - 1) * size; i < all.size() && i < qsizetype(page) * size;
             ++i)
            slice.append(all.at(i));
        return {200, QJsonDocument(QJsonObject{{QStringLiteral("data"), slice}}).toJson()};
    }

    ScriptedServer m_server;
};

QJsonObject record(const QString &id, const QString &name, double value = 1000,
                   const QString &currency = QStringLiteral("EUR"))
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("value"), value},
            {QStringLiteral("currency"), currency},
            {QStringLiteral("stage"), QStringLiteral("proposal")},
            {QStringLiteral("probability"), 50},
            {QStringLiteral("createdAt"), QStringLiteral("2026-05-20T10:30:00Z")}};
}

QJsonObject without(QJsonObject object, const QString &key)
{
    object.remove(key);
    return object;
}

QJsonObject with(QJsonObject object, const QString &key, const QJsonValue &value)
{
    object.insert(key, value);
    return object;
}

} // namespace

class TestSyncDialects final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_server = std::make_unique<DialectServer>();
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<LocalStore>();
        QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("cache.sqlite"))).ok);
        m_client = std::make_unique<ApiClient>();
        ApiClient::Settings settings;
        settings.baseUrl = m_server->baseUrl();
        settings.apiKey = QStringLiteral("kshw_dialect_key");
        settings.transferTimeoutMs = 5000;
        settings.maxRetries = 0;
        m_client->setSettings(settings);
        m_engine = std::make_unique<SyncEngine>(*m_store, *m_client);
    }

    void cleanup()
    {
        m_engine.reset();
        m_client.reset();
        m_store.reset();
        m_dir.reset();
        m_server.reset();
    }

    // Item "Sync truth": a record listed by isArchived=true that leaves the field out is
    // archived; one listed by the default (live) request is not.
    void recordsListedAsArchivedWithoutTheFieldAreArchived()
    {
        m_server->live = {record(QStringLiteral("live-1"), QStringLiteral("Live deal"))};
        m_server->archived = {record(QStringLiteral("old-1"), QStringLiteral("Archived deal"))};
        QVERIFY2(syncOnce(), qPrintable(m_engine->lastError().message));
        QCOMPARE(m_store->opportunityCount(), 2);
        QVERIFY(m_store->opportunity(QStringLiteral("live-1")));
        QCOMPARE(cached(QStringLiteral("live-1")).isArchived, false);
        QCOMPARE(cached(QStringLiteral("old-1")).isArchived, true);
    }

    // A server that lists everything for both requests, without the field, cannot have archived
    // all of it: the live listing stands and nothing disappears into the archive.
    void serverIgnoringTheArchivedFilterArchivesNothing()
    {
        m_server->live = {record(QStringLiteral("a"), QStringLiteral("A")),
                          record(QStringLiteral("b"), QStringLiteral("B"))};
        m_server->ignoresArchivedFilter = true;
        QVERIFY2(syncOnce(), qPrintable(m_engine->lastError().message));
        QCOMPARE(m_store->opportunityCount(), 2);
        QVERIFY(m_store->opportunity(QStringLiteral("a")) &&
                m_store->opportunity(QStringLiteral("b")));
        QCOMPARE(cached(QStringLiteral("a")).isArchived, false);
        QCOMPARE(cached(QStringLiteral("b")).isArchived, false);
    }

    // A record without a name is named with its field, never as an SQL message; the rest of the
    // page is stored and the unreadable record's cached copy stays as it was.
    void recordWithoutNameIsReportedAndTheOthersAreStored()
    {
        m_server->live = {record(QStringLiteral("opp_123"), QStringLiteral("Acme — Pilot"), 600),
                          record(QStringLiteral("b"), QStringLiteral("Before"))};
        QVERIFY2(syncOnce(), qPrintable(m_engine->lastError().message));
        const QDateTime firstSync = m_engine->lastSuccess();
        QTest::qWait(5); // the next sync's time differs

        m_server->live = {
            without(record(QStringLiteral("opp_123"), QString(), 900), QStringLiteral("name")),
            record(QStringLiteral("b"), QStringLiteral("Renamed there")),
            record(QStringLiteral("c"), QStringLiteral("New there"))};
        // The sync goes through without the unreadable records, and names them.
        QVERIFY2(syncOnce(), qPrintable(m_engine->lastError().message));
        const QString message = m_engine->unreadableError().message;
        QVERIFY2(message.contains(QLatin1String("opportunity 'opp_123': name is missing")),
                 qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("NOT NULL")) &&
                     !message.contains(QLatin1String("pull_staging")),
                 qPrintable(message));
        QCOMPARE(m_engine->unreadableError().kind, ApiError::Kind::BadResponse);
        QCOMPARE(cached(QStringLiteral("b")).name, QStringLiteral("Renamed there"));
        QCOMPARE(cached(QStringLiteral("c")).name, QStringLiteral("New there"));
        const auto kept = m_store->opportunity(QStringLiteral("opp_123"));
        QVERIFY(kept);
        QCOMPARE(kept->opportunity.name, QStringLiteral("Acme — Pilot"));
        QCOMPARE(kept->opportunity.value, 600.0);
        // It counts as a sync (the last sync's time moves on), and once the server sends the
        // record readably, the warning goes.
        QVERIFY(m_engine->lastSuccess() > firstSync);
        m_server->live[0] = record(QStringLiteral("opp_123"), QStringLiteral("Fixed"), 900);
        QVERIFY2(syncOnce(), qPrintable(m_engine->lastError().message));
        QVERIFY2(m_engine->unreadableError().ok(), qPrintable(m_engine->unreadableError().message));
        QCOMPARE(cached(QStringLiteral("opp_123")).name, QStringLiteral("Fixed"));
    }

    // value: null and currency: null are reported, not turned into 0 and USD: a new record is
    // not stored with them, a cached one keeps what it had.
    void nullValueAndCurrencyAreReportedNotDefaulted()
    {
        m_server->live = {
            record(QStringLiteral("a"), QStringLiteral("A"), 600, QStringLiteral("GBP")),
            record(QStringLiteral("b"), QStringLiteral("B"), 700, QStringLiteral("GBP"))};
        QVERIFY2(syncOnce(), qPrintable(m_engine->lastError().message));

        m_server->live = {with(record(QStringLiteral("a"), QStringLiteral("A")),
                               QStringLiteral("value"), QJsonValue::Null),
                          with(record(QStringLiteral("b"), QStringLiteral("B")),
                               QStringLiteral("currency"), QJsonValue::Null),
                          with(record(QStringLiteral("new"), QStringLiteral("New")),
                               QStringLiteral("value"), QJsonValue::Null)};
        // The sync goes through without the unreadable records, and names them.
        QVERIFY2(syncOnce(), qPrintable(m_engine->lastError().message));
        const QString message = m_engine->unreadableError().message;
        QVERIFY2(message.contains(QLatin1String("opportunity 'a': value must be a number")),
                 qPrintable(message));
        QVERIFY2(
            message.contains(QLatin1String("opportunity 'b': currency must be an ISO 4217 code")),
            qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("opportunity 'new': value must be a number")),
                 qPrintable(message));
        QCOMPARE(cached(QStringLiteral("a")).value, 600.0);
        QCOMPARE(cached(QStringLiteral("a")).currency, QStringLiteral("GBP"));
        QCOMPARE(cached(QStringLiteral("b")).value, 700.0);
        QCOMPARE(cached(QStringLiteral("b")).currency, QStringLiteral("GBP"));
        QVERIFY(!m_store->opportunity(QStringLiteral("new")));
    }

    // An unreadable record still counts on its page: a full page with one is not the last.
    void unreadableRecordDoesNotCutThePaging()
    {
        m_server->maxPageSize = 2;
        m_server->live = {record(QStringLiteral("a"), QStringLiteral("A")),
                          record(QStringLiteral("b"), QStringLiteral("B")),
                          with(record(QStringLiteral("bad"), QStringLiteral("Bad")),
                               QStringLiteral("stage"), QStringLiteral("won-ish")),
                          record(QStringLiteral("d"), QStringLiteral("D")),
                          record(QStringLiteral("e"), QStringLiteral("E"))};
        // The sync goes through without the unreadable records, and names them.
        QVERIFY2(syncOnce(), qPrintable(m_engine->lastError().message));
        const QString message = m_engine->unreadableError().message;
        QVERIFY2(message.contains(QLatin1String("opportunity 'bad': stage must be one of")),
                 qPrintable(message));
        for (const char *id : {"a", "b", "d", "e"})
            QVERIFY2(m_store->opportunity(QString::fromLatin1(id)), id);
        QVERIFY(!m_store->opportunity(QStringLiteral("bad")));
    }

    // A record the server no longer lists is still removed when another cannot be read: only the
    // unreadable one is kept as it was.
    void unreadableRecordIsNotTakenForDeletedButOthersAre()
    {
        m_server->live = {record(QStringLiteral("a"), QStringLiteral("A")),
                          record(QStringLiteral("b"), QStringLiteral("B")),
                          record(QStringLiteral("gone"), QStringLiteral("Deleted there"))};
        QVERIFY2(syncOnce(), qPrintable(m_engine->lastError().message));
        m_server->live = {with(record(QStringLiteral("a"), QStringLiteral("A")),
                               QStringLiteral("name"), QJsonValue::Null),
                          record(QStringLiteral("b"), QStringLiteral("B"))};
        QVERIFY2(syncOnce(), qPrintable(m_engine->lastError().message));
        QVERIFY(!m_engine->unreadableError().ok());
        QVERIFY(m_store->opportunity(QStringLiteral("a")));
        QVERIFY(m_store->opportunity(QStringLiteral("b")));
        QVERIFY(!m_store->opportunity(QStringLiteral("gone")));
    }

    // A record without a readable id may be any of them: none is taken for deleted, the others
    // are stored, and the report says where the record was.
    void recordWithoutIdDeletesNothing()
    {
        m_server->live = {record(QStringLiteral("a"), QStringLiteral("A")),
                          record(QStringLiteral("b"), QStringLiteral("B"))};
        QVERIFY2(syncOnce(), qPrintable(m_engine->lastError().message));
        m_server->live = {
            without(record(QString(), QStringLiteral("Nameless id")), QStringLiteral("id")),
            record(QStringLiteral("b"), QStringLiteral("B renamed"))};
        // The sync goes through without the unreadable records, and names them.
        QVERIFY2(syncOnce(), qPrintable(m_engine->lastError().message));
        const QString message = m_engine->unreadableError().message;
        QVERIFY2(message.contains(QLatin1String("without an id: id is missing")) &&
                     message.contains(QLatin1String("item 1 of page 1")),
                 qPrintable(message));
        QVERIFY(m_store->opportunity(QStringLiteral("a")));
        QCOMPARE(cached(QStringLiteral("b")).name, QStringLiteral("B renamed"));
    }

    // A single record's answer that leaves fields out (here is_archived and probability) does
    // not unarchive or zero the cached record: what it holds is taken, the rest stays.
    void detailWithoutSomeFieldsKeepsTheirCachedValues()
    {
        m_server->archived = {with(record(QStringLiteral("a"), QStringLiteral("A")),
                                   QStringLiteral("probability"), 70)};
        QVERIFY2(syncOnce(), qPrintable(m_engine->lastError().message));
        QCOMPARE(cached(QStringLiteral("a")).isArchived, true);
        QCOMPARE(cached(QStringLiteral("a")).probability, 70);

        m_server->archived = {without(record(QStringLiteral("a"), QStringLiteral("A renamed")),
                                      QStringLiteral("probability"))};
        std::optional<ApiError> answer;
        connect(m_engine.get(), &SyncEngine::detailFetched, this,
                [&](const QString &, const ApiError &error) { answer = error; });
        m_engine->fetchDetail(QStringLiteral("a"));
        QVERIFY(QTest::qWaitFor([&] { return answer.has_value(); }, 10000));
        QVERIFY2(answer->ok(), qPrintable(answer->message));
        QCOMPARE(cached(QStringLiteral("a")).name, QStringLiteral("A renamed"));
        QCOMPARE(cached(QStringLiteral("a")).isArchived, true);
        QCOMPARE(cached(QStringLiteral("a")).probability, 70);
    }

private:
    // The cached record; one not in the cache reads as an empty record.
    Opportunity cached(const QString &id) const
    {
        return m_store->opportunity(id).value_or(CachedOpportunity{}).opportunity;
    }

    bool syncOnce()
    {
        QSignalSpy finished(m_engine.get(), &SyncEngine::finished);
        m_engine->syncNow();
        if (finished.isEmpty() && !finished.wait(30000))
            return false;
        return finished.first().first().toBool();
    }

    std::unique_ptr<DialectServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<SyncEngine> m_engine;
};

QTEST_GUILESS_MAIN(TestSyncDialects)
#include "tst_syncdialects.moc"
