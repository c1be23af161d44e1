// The change feed never skips a late commit (PostgreSQL only: several writers at once).
// - Directly: a transaction that recorded a change and has not committed holds the change
//   clock; a second writer waits for it, and a reader's clock does not pass the first's cursor
//   until it commits (with cursors from a sequence, the second would commit a higher cursor
//   first and a reader would move past the first's for good).
// - End to end: writers on two kashew-server processes over one database, as fast as they go,
//   while a reader follows GET /changes from 0: no change seen twice, versions only rise,
//   and the reader ends with every record as the server has it.
#include "ChangeLog.h"
#include "PostgresConnection.h"
#include "ServerProcess.h"
#include "ServerStore.h"
#include "SqliteConnection.h"
#include "StoreDatabase.h"
#include "TestHttp.h"

#include <QAtomicInteger>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <functional>

namespace {

PostgresConnection::Target targetOf(const DatabaseLocation &location, const QString &name)
{
    return {location.host,     location.port,     location.user,
            location.password, location.database, name};
}

// How many of this application's sessions wait for a lock (pg_stat_activity).
int waitingForLock(const QString &connection, const QString &applicationName)
{
    QSqlQuery query(QSqlDatabase::database(connection));
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity"
                                 " WHERE application_name = :name AND wait_event_type = 'Lock'"));
    query.bindValue(QStringLiteral(":name"), applicationName);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toInt();
}

QNetworkRequest requestTo(const QUrl &base, const QString &path)
{
    QNetworkRequest request(QUrl(base.toString() + path));
    request.setRawHeader("Authorization", QByteArray("Bearer ") + ServerProcess::writeKey);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return request;
}

qint64 versionOf(const QString &etag)
{
    return QString(etag).remove(QLatin1Char('"')).toLongLong();
}

} // namespace

class TestChangeCursor final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(
            ServerProcess::usesPostgres(),
            "registered as tst_changecursor_pg only: run it with KASHEW_TEST_BACKEND=postgresql");
    }

    void secondWriterWaitsForTheFirstsCommit()
    {
        // The schema, as kashew-server makes it.
        auto created = StoreDatabase::createWithStore(QStringLiteral("c_schema"));
        QVERIFY2(created, qPrintable(created ? QString() : created.error()));
        const std::unique_ptr<StoreDatabase> database = std::move(created).value();
        const DatabaseLocation location = database->location();
        QString error;
        const QString first = QStringLiteral("c_first");
        const QString reader = QStringLiteral("c_reader");
        QVERIFY2(PostgresConnection::open(first, targetOf(location, first), &error),
                 qPrintable(error));
        QVERIFY2(PostgresConnection::open(reader, targetOf(location, reader), &error),
                 qPrintable(error));
        ChangeLog firstLog(first, DatabaseLocation::Backend::Postgres);
        ChangeLog readerLog(reader, DatabaseLocation::Backend::Postgres);
        // One change first: `before` is then a cursor to follow, not a bootstrap.
        QVERIFY(firstLog.record(ChangeLog::Kind::Account, {QStringLiteral("warm-up")}));
        const qint64 before = *readerLog.current();
        QVERIFY(before > 0);

        QVERIFY(QSqlDatabase::database(first).transaction());
        const auto firstCursor =
            firstLog.record(ChangeLog::Kind::Opportunity, {QStringLiteral("late-commit-record")});
        QVERIFY(firstCursor);
        QVERIFY(*firstCursor > before);

        // The second writer, on its own connection in its own thread.
        QAtomicInteger<qint64> secondCursor = 0;
        const QString second = QStringLiteral("c_second");
        QThread *thread = QThread::create([location, &secondCursor, second] {
            QString threadError;
            if (!PostgresConnection::open(second, targetOf(location, second), &threadError)) {
                secondCursor = -1;
                return;
            }
            {
                ChangeLog log(second, DatabaseLocation::Backend::Postgres);
                QSqlDatabase::database(second).transaction();
                const auto cursor =
                    log.record(ChangeLog::Kind::Opportunity, {QStringLiteral("early-record")});
                const bool committed = QSqlDatabase::database(second).commit();
                secondCursor = cursor && committed ? *cursor : -1;
            }
            SqliteConnection::close(second);
        });
        thread->start();
        // It waits for the clock's row, which the first writer holds until it ends.
        QTRY_COMPARE_WITH_TIMEOUT(waitingForLock(reader, second), 1, 20000);
        QCOMPARE(secondCursor.loadAcquire(), 0);
        // Nothing past the uncommitted cursor is visible to a reader: a follower cannot skip it.
        QCOMPARE(*readerLog.current(), before);
        const auto page = readerLog.read(before, 100);
        QVERIFY(page);
        QCOMPARE(page->entries.size(), 0);

        QVERIFY(QSqlDatabase::database(first).commit());
        QVERIFY(thread->wait(20000));
        delete thread;
        // Commit order is cursor order.
        QCOMPARE(secondCursor.loadAcquire(), *firstCursor + 1);
        const auto after = readerLog.read(before, 100);
        QVERIFY(after);
        QCOMPARE(after->entries.size(), 2);
        QCOMPARE(after->entries[0].cursor, *firstCursor);
        QCOMPARE(after->entries[0].id, QStringLiteral("late-commit-record"));
        QCOMPARE(after->entries[1].id, QStringLiteral("early-record"));
        SqliteConnection::close(first);
        SqliteConnection::close(reader);
    }

    // A change whose record the snapshot lacks is no broken entry: a follower gets a deletion,
    // a bootstrap nothing.
    void missingRecordIsNoBrokenEntry()
    {
        auto created = StoreDatabase::createWithStore(QStringLiteral("c_missing"));
        QVERIFY2(created, qPrintable(created ? QString() : created.error()));
        const std::unique_ptr<StoreDatabase> database = std::move(created).value();
        ServerStore &store = database->store();
        QVERIFY(store.changes().record(ChangeLog::Kind::Account, {QStringLiteral("warm-up")}));
        const qint64 before = *store.changes().current();
        const QString ghost = QStringLiteral("0c0c0c0c-0000-4000-8000-000000000001");
        QVERIFY(store.changes().record(ChangeLog::Kind::Opportunity, {ghost}));
        QVERIFY(store.changes().record(ChangeLog::Kind::Account, {ghost}));
        const auto followed = store.changes().read(before, 10);
        QVERIFY(followed);
        QCOMPARE(followed->entries.size(), 2);
        for (const ChangeLog::Entry &entry : followed->entries) {
            QCOMPARE(entry.id, ghost);
            QVERIFY(entry.deleted);
        }
        const auto bootstrap = store.changes().read(0, 10);
        QVERIFY(bootstrap);
        QCOMPARE(bootstrap->entries.size(), 0);
        QCOMPARE(bootstrap->clock.last, before + 2);
    }

    void readerOfTwoProcessesMissesNothing()
    {
        ServerProcess one;
        QVERIFY(one.start());
        ServerProcess two{ServerProcess::SameDatabaseAs{one}};
        QVERIFY(two.start());
        const QList<QUrl> servers{one.baseUrl(), two.baseUrl()};

        QNetworkAccessManager network;
        QStringList ids;
        int started = 0;
        int finished = 0;
        int failures = 0;
        const int writes = 600;
        const int inFlight = 8;
        std::function<void()> write;
        write = [&] {
            if (started >= writes)
                return;
            const int n = started++;
            const QUrl &server = servers[n % 2];
            QNetworkReply *reply = nullptr;
            // A third creates, the rest update a record already made.
            if (ids.size() < 4 || n % 3 == 0) {
                const QJsonObject body{{QStringLiteral("name"), QStringLiteral("Race %1").arg(n)},
                                       {QStringLiteral("value"), n}};
                reply = network.post(requestTo(server, QStringLiteral("/opportunities")),
                                     QJsonDocument(body).toJson());
            } else {
                const QString id = ids[QRandomGenerator::global()->bounded(ids.size())];
                const QJsonObject body{{QStringLiteral("value"), n}};
                reply = network.put(requestTo(server, QStringLiteral("/opportunities/") + id),
                                    QJsonDocument(body).toJson());
            }
            connect(reply, &QNetworkReply::finished, this, [&, reply] {
                reply->deleteLater();
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status == 201)
                    ids.append(QJsonDocument::fromJson(reply->readAll())
                                   .object()
                                   .value(QStringLiteral("id"))
                                   .toString());
                else if (status != 200)
                    ++failures;
                ++finished;
                write();
            });
        };

        // The reader: GET /changes from 0, page after page, on either process.
        QHash<QString, QJsonObject> records;
        QHash<QString, qint64> versions;
        qint64 cursor = 0;
        int reads = 0;
        bool readDone = false;
        bool readHasMore = false;
        QStringList problems;
        auto readOnce = [&](const QUrl &server) {
            readDone = false;
            QNetworkReply *reply = network.get(
                requestTo(server, QStringLiteral("/changes?since=%1&limit=50").arg(cursor)));
            connect(reply, &QNetworkReply::finished, this, [&, reply] {
                reply->deleteLater();
                ++reads;
                const QJsonObject page = QJsonDocument::fromJson(reply->readAll()).object();
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                    problems.append(
                        QStringLiteral("a read answered %1")
                            .arg(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute)
                                     .toInt()));
                for (const QJsonValue &value : page.value(QStringLiteral("changes")).toArray()) {
                    const QJsonObject change = value.toObject();
                    const QJsonObject record = change.value(QStringLiteral("record")).toObject();
                    const QString id = record.value(QStringLiteral("id")).toString();
                    const qint64 version =
                        versionOf(change.value(QStringLiteral("etag")).toString());
                    // No (id, version) twice, and never an older version after a newer one.
                    if (versions.value(id, 0) >= version)
                        problems.append(QStringLiteral("%1 version %2 after version %3")
                                            .arg(id)
                                            .arg(version)
                                            .arg(versions.value(id)));
                    versions.insert(id, version);
                    records.insert(id, record);
                }
                cursor = page.value(QStringLiteral("cursor")).toInteger();
                readHasMore = page.value(QStringLiteral("hasMore")).toBool();
                readDone = true;
            });
        };

        for (int i = 0; i < inFlight; ++i)
            write();
        while (finished < writes) {
            readOnce(servers[reads % 2]);
            QTRY_VERIFY_WITH_TIMEOUT(readDone, 30000);
        }
        QCOMPARE(failures, 0);
        // Caught up after the last write.
        do {
            readOnce(servers[reads % 2]);
            QTRY_VERIFY_WITH_TIMEOUT(readDone, 30000);
        } while (readHasMore);
        qDebug("%d writes on two processes, %d reads of the feed", writes, reads);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY(reads > 10);

        // The reader holds every record exactly as the server lists it.
        TestHttp http(one.baseUrl(), ServerProcess::writeKey);
        QHash<QString, QJsonObject> listed;
        for (int page = 1;; ++page) {
            const QJsonArray items =
                http.get(QStringLiteral("/opportunities?pageSize=500&page=%1").arg(page))
                    .json()
                    .value(QStringLiteral("opportunities"))
                    .toArray();
            for (const QJsonValue &item : items)
                listed.insert(item.toObject().value(QStringLiteral("id")).toString(),
                              item.toObject());
            if (items.size() < 500)
                break;
        }
        QCOMPARE(listed.size(), ids.size());
        QCOMPARE(records.size(), listed.size());
        for (auto it = listed.cbegin(); it != listed.cend(); ++it) {
            // The listing carries each record's etag in the record, the feed beside it.
            QJsonObject plain = it.value();
            QCOMPARE(versionOf(plain.take(QStringLiteral("etag")).toString()),
                     versions.value(it.key()));
            QCOMPARE(records.value(it.key()), plain);
        }
    }
};

QTEST_MAIN(TestChangeCursor)
#include "tst_changecursor.moc"
