// Caches written by other versions of kashew. A newer one is refused and left exactly as it is
// (the newer program still needs it); an older one is brought up to date keeping its pending
// edits, which then reach the server once.
#include "LocalStore.h"
#include "Profile.h"
#include "ServerProcess.h"
#include "SyncFixture.h"
#include "TestHttp.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMap>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

namespace {

// The schema of the cache as kashew 0.1 released it (PRAGMA user_version 1), frozen here: these
// files exist on users' machines whatever the migrations in LocalStore.cpp become.
const QStringList schemaVersion1{
    QStringLiteral(
        "CREATE TABLE opportunities ("
        " id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, account_id TEXT,"
        " account_name TEXT, lead_id TEXT, value REAL NOT NULL,"
        " currency TEXT NOT NULL, stage TEXT NOT NULL, probability INTEGER NOT NULL,"
        " expected_close_date TEXT, description TEXT, owner_id TEXT,"
        " is_archived INTEGER NOT NULL, created_at TEXT, updated_at TEXT,"
        " base TEXT, etag BLOB, sync_state INTEGER NOT NULL DEFAULT 0,"
        " sync_error TEXT, server_state TEXT, conflict_fields INTEGER NOT NULL DEFAULT 0,"
        " server_deleted INTEGER NOT NULL DEFAULT 0,"
        " local_deleted INTEGER NOT NULL DEFAULT 0)"),
    QStringLiteral("CREATE TABLE accounts (id TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL)"),
    QStringLiteral("CREATE TABLE opportunity_updates ("
                   " opportunity_id TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL,"
                   " fetched_at TEXT NOT NULL)"),
    QStringLiteral("CREATE TABLE outbox ("
                   " sequence INTEGER PRIMARY KEY AUTOINCREMENT,"
                   " opportunity_id TEXT NOT NULL UNIQUE, operation TEXT NOT NULL,"
                   " fields INTEGER NOT NULL, idempotency_key TEXT,"
                   " attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT,"
                   " created_at TEXT NOT NULL, sent_body TEXT)"),
    QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT)"),
};

// Schema 3, the one before the current: schema 1 and the steps released after it, frozen here.
const QStringList schemaVersion3 =
    schemaVersion1 +
    QStringList{QStringLiteral("ALTER TABLE outbox ADD COLUMN in_doubt INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("CREATE TABLE id_aliases (old_id TEXT PRIMARY KEY NOT NULL,"
                               " new_id TEXT NOT NULL)"),
                QStringLiteral("ALTER TABLE opportunity_updates ADD COLUMN record_version TEXT")};

// The earliest builds of schema 1 (b5c156c) also kept a table for pulled pages in the file.
const QString earlyPullStaging =
    QStringLiteral("CREATE TABLE pull_staging (id TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL)");

// The field flags as schema 1 stores them in outbox.fields.
constexpr int valueField = 1 << 5;
constexpr int writableFields = 8182; // name .. isArchived, without id and timestamps

// A connection of the test's own to a cache file, outside LocalStore. Closed when destroyed.
class RawCache final
{
public:
    explicit RawCache(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_ok = db.open();
    }
    ~RawCache()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool ok() const { return m_ok; }

    // Runs one statement with positional values; on failure says which and why.
    bool exec(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (query.exec())
            return true;
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return false;
    }
    QVariant value(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

private:
    static inline int s_count = 0;
    QString m_name;
    bool m_ok = false;
};

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Every file in the folder with its bytes' hash: what "left untouched" compares.
QMap<QString, QByteArray> snapshot(const QString &folder)
{
    QMap<QString, QByteArray> files;
    const QDir dir(folder);
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden)) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            files.insert(name,
                         QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return files;
}

QString describe(const QMap<QString, QByteArray> &files)
{
    QStringList lines;
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        lines.append(it.key() + QLatin1Char(' ') +
                     QString::fromLatin1(it.value().toHex().left(12)));
    return lines.join(QLatin1Char('\n'));
}

// Writes one opportunities row of schema 1 from the server's JSON of the record.
bool insertRow(RawCache &cache, const QJsonObject &o, int syncState, const QVariant &base,
               const QByteArray &etag)
{
    const auto text = [&](const char *key) {
        const QJsonValue value = o.value(QLatin1String(key));
        return value.isNull() || value.isUndefined() ? QVariant(QMetaType::fromType<QString>())
                                                     : QVariant(value.toString());
    };
    return cache.exec(
        QStringLiteral("INSERT INTO opportunities (id, name, account_id, account_name, lead_id,"
                       " value, currency, stage, probability, expected_close_date, description,"
                       " owner_id, is_archived, created_at, updated_at, base, etag, sync_state)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {text("id"), text("name"), text("account_id"), text("account_name"), text("lead_id"),
         o.value(QStringLiteral("value")).toDouble(), text("currency"), text("stage"),
         o.value(QStringLiteral("probability")).toInt(), text("expected_close_date"),
         text("description"), text("owner_id"),
         o.value(QStringLiteral("is_archived")).toBool() ? 1 : 0, text("created_at"),
         text("updated_at"), base, etag, syncState});
}

bool insertEntry(RawCache &cache, const QString &id, const QString &operation, int fields,
                 int attempts, const QVariant &sentBody)
{
    return cache.exec(
        QStringLiteral("INSERT INTO outbox (opportunity_id, operation, fields, idempotency_key,"
                       " attempts, created_at, sent_body) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {id, operation, fields,
         operation == QLatin1String("create")
             ? QVariant(QUuid::createUuid().toString(QUuid::WithoutBraces))
             : QVariant(QMetaType::fromType<QString>()),
         attempts, now(), sentBody});
}

// Overwrites one page of a closed SQLite file with garbage, as a bad sector leaves it.
bool damagePage(const QString &path, int page)
{
    int pageSize = 0;
    {
        RawCache cache(path);
        pageSize = cache.value(QStringLiteral("PRAGMA page_size")).toInt();
    }
    QFile file(path);
    return pageSize > 0 && page > 1 && file.open(QIODevice::ReadWrite) &&
           file.seek(qint64(page - 1) * pageSize) &&
           file.write(QByteArray(pageSize, '\xa5')) == pageSize;
}

QList<QJsonObject> namedOnServer(TestHttp &http, const QString &name)
{
    QList<QJsonObject> found;
    const QJsonArray all = http.get(QStringLiteral("/opportunities?pageSize=100"))
                               .json()
                               .value(QStringLiteral("opportunities"))
                               .toArray();
    for (const QJsonValue &item : all) {
        if (item.toObject().value(QStringLiteral("name")).toString() == name)
            found.append(item.toObject());
    }
    return found;
}

} // namespace

class TestCacheVersions final : public QObject
{
    Q_OBJECT

private slots:
    // A cache from a newer kashew (the user went back a version, or runs two): refused with a
    // sentence that says so, and not one byte of it changed, nothing moved aside, nothing
    // recreated. The newer program opens it again with everything in it.
    void newerCacheIsRefusedAndLeftUntouched()
    {
        QTemporaryDir profileDir;
        const QUrl server(QStringLiteral("http://127.0.0.1:9/api/v1"));
        const QString path = Profile(profileDir.path()).cachePath(server);
        {
            LocalStore store;
            QVERIFY(store.open(path).ok);
            Opportunity o;
            o.name = QStringLiteral("Pending in the newer version");
            o.value = 10;
            QVERIFY(store.createOpportunity(o));
        }
        {
            // The newer kashew's migrations: a schema past ours and a table we do not know.
            RawCache newer(path);
            QVERIFY(newer.ok());
            QVERIFY(newer.exec(QStringLiteral("CREATE TABLE tags (id TEXT PRIMARY KEY)")));
            QVERIFY(newer.exec(
                QStringLiteral("PRAGMA user_version = %1").arg(LocalStore::schemaVersion() + 1)));
        }
        const QMap<QString, QByteArray> before = snapshot(profileDir.path());
        QVERIFY(before.contains(QFileInfo(path).fileName()));

        {
            LocalStore store;
            const LocalStore::OpenResult opened = store.open(path);
            QVERIFY2(!opened.ok, qPrintable(opened.recoveryMessage));
            QCOMPARE(opened.recoveryMessage, QString());
            QVERIFY2(opened.error.contains(QStringLiteral("newer")), qPrintable(opened.error));
            QVERIFY2(opened.error.contains(path), qPrintable(opened.error));
        }
        QCOMPARE(describe(snapshot(profileDir.path())), describe(before));

        // The `kashew` command says the same and fails (1), touching nothing either.
        QProcess cli;
        cli.start(QStringLiteral(KASHEW_CLI_PATH),
                  {QStringLiteral("--profile"), profileDir.path(), QStringLiteral("--server"),
                   server.toString(), QStringLiteral("list")});
        QVERIFY(cli.waitForFinished(60000));
        const QString said = QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY2(said.contains(QStringLiteral("newer")), qPrintable(said));
        QCOMPARE(QString::fromUtf8(cli.readAllStandardOutput()), QString());
        QCOMPARE(describe(snapshot(profileDir.path())), describe(before));

        // Everything the newer version wrote is still there for it.
        RawCache after(path);
        QCOMPARE(after.value(QStringLiteral("PRAGMA user_version")).toInt(),
                 LocalStore::schemaVersion() + 1);
        QCOMPARE(after.value(QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 1);
        QCOMPARE(after.value(QStringLiteral("SELECT count(*) FROM tags")).toInt(), 0);
    }

    // A cache of schema 1, built by hand with that schema's SQL, holding what users' caches
    // hold: an edit waiting to go out, a create never sent, and a create that was sent but whose
    // answer was lost (it did land on the server). Opened by this version it is brought to the
    // current schema with all three kept; one sync then sends each exactly once.
    void olderCacheMigratesKeepingPendingEdits_data()
    {
        QTest::addColumn<QStringList>("schema");
        QTest::addColumn<int>("version");
        QTest::newRow("schema 1") << schemaVersion1 << 1;
        QTest::newRow("schema 1, first builds")
            << schemaVersion1 + QStringList{earlyPullStaging} << 1;
        QTest::newRow("schema 3") << schemaVersion3 << 3;
    }
    void olderCacheMigratesKeepingPendingEdits()
    {
        QFETCH(QStringList, schema);
        QFETCH(int, version);
        // A server that ignores Idempotency-Key: only the cache's record of the lost send keeps
        // the create from being made twice.
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--ignore-idempotency-key")}));
        TestHttp http(server.baseUrl(), ServerProcess::writeKey);
        const auto create = [&](const QString &name, int value) {
            return http
                .post(QStringLiteral("/opportunities"),
                      {{QStringLiteral("name"), name}, {QStringLiteral("value"), value}})
                .json();
        };
        const QJsonObject edited = create(QStringLiteral("Edited offline"), 100);
        const QJsonObject untouched = create(QStringLiteral("Untouched"), 200);
        const QJsonObject landed = create(QStringLiteral("Landed, answer lost"), 300);
        const QString editedId = edited.value(QStringLiteral("id")).toString();
        const QByteArray etag =
            http.get(QStringLiteral("/opportunities/") + editedId).header("ETag");
        QVERIFY(!etag.isEmpty());

        SyncFixture sync;
        const QString path = sync.dir.filePath(QStringLiteral("cache.sqlite"));
        const QString neverSentId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString landedLocalId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        {
            RawCache old(path);
            QVERIFY(old.ok());
            QVERIFY(old.exec(QStringLiteral("PRAGMA journal_mode=WAL")));
            for (const QString &statement : schema)
                QVERIFY(old.exec(statement));
            QVERIFY(old.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)));
            const QString baseJson =
                QString::fromUtf8(QJsonDocument(edited).toJson(QJsonDocument::Compact));
            QJsonObject editedHere = edited;
            editedHere.insert(QStringLiteral("value"), 250);
            QVERIFY(insertRow(old, editedHere, 1, baseJson, etag));
            QVERIFY(insertEntry(old, editedId, QStringLiteral("update"), valueField, 0, {}));
            QVERIFY(insertRow(old, untouched, 0, {}, {}));
            QJsonObject neverSent{{QStringLiteral("id"), neverSentId},
                                  {QStringLiteral("name"), QStringLiteral("Made offline")},
                                  {QStringLiteral("value"), 42},
                                  {QStringLiteral("currency"), QStringLiteral("EUR")},
                                  {QStringLiteral("stage"), QStringLiteral("proposal")},
                                  {QStringLiteral("probability"), 30},
                                  {QStringLiteral("created_at"), now()},
                                  {QStringLiteral("updated_at"), now()}};
            QVERIFY(insertRow(old, neverSent, 1, {}, {}));
            QVERIFY(insertEntry(old, neverSentId, QStringLiteral("create"), writableFields, 0, {}));
            QJsonObject landedHere = landed;
            landedHere.insert(QStringLiteral("id"), landedLocalId);
            QVERIFY(insertRow(old, landedHere, 1, {}, {}));
            QVERIFY(
                insertEntry(old, landedLocalId, QStringLiteral("create"), writableFields, 1,
                            QStringLiteral("{\"name\":\"Landed, answer lost\",\"value\":300}")));
            QVERIFY(old.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"),
                             {QStringLiteral("lastSyncAt"), now()}));
            // From schema 2 on, a send that may have landed is marked so in a column of its own.
            if (version >= 2)
                QVERIFY(
                    old.exec(QStringLiteral("UPDATE outbox SET in_doubt = 1 WHERE attempts > 0")));
        }

        QVERIFY(sync.open(server));
        QCOMPARE(sync.store.path(), path);
        QVERIFY(QDir(sync.dir.path()).entryList({QStringLiteral("*.corrupt-*")}).isEmpty());
        {
            RawCache check(path);
            QCOMPARE(check.value(QStringLiteral("PRAGMA user_version")).toInt(),
                     LocalStore::schemaVersion());
        }
        // Every pending edit is still there, in its order, with what it changes.
        const QList<OutboxEntry> outbox = sync.store.outbox().value();
        QCOMPARE(outbox.size(), 3);
        QCOMPARE(outbox.at(0).opportunityId, editedId);
        QCOMPARE(outbox.at(0).operation, OutboxEntry::Operation::Update);
        QCOMPARE(outbox.at(0).fields.toInt(), valueField);
        QCOMPARE(outbox.at(1).opportunityId, neverSentId);
        QCOMPARE(outbox.at(1).operation, OutboxEntry::Operation::Create);
        QCOMPARE(outbox.at(2).opportunityId, landedLocalId);
        QCOMPARE(outbox.at(2).attempts, 1);
        const auto editedRecord = sync.store.opportunity(editedId);
        QVERIFY(editedRecord);
        QCOMPARE(editedRecord->opportunity.value, 250.0);
        QCOMPARE(editedRecord->state, SyncState::Pending);
        QVERIFY(editedRecord->base);
        QCOMPARE(editedRecord->base->value, 100.0);
        QCOMPARE(editedRecord->etag, etag);
        QCOMPARE(sync.store.pendingCount(), 3);
        QCOMPARE(sync.store.opportunities()->size(), 4);

        QVERIFY(sync.syncOnce());
        QCOMPARE(sync.store.pendingCount(), 0);
        QCOMPARE(http.get(QStringLiteral("/opportunities/") + editedId)
                     .json()
                     .value(QStringLiteral("value"))
                     .toDouble(),
                 250.0);
        const QList<QJsonObject> made = namedOnServer(http, QStringLiteral("Made offline"));
        QCOMPARE(made.size(), 1);
        QCOMPARE(made.first().value(QStringLiteral("currency")).toString(), QStringLiteral("EUR"));
        QCOMPARE(made.first().value(QStringLiteral("stage")).toString(),
                 QStringLiteral("proposal"));
        QCOMPARE(namedOnServer(http, QStringLiteral("Landed, answer lost")).size(), 1);
        QCOMPARE(namedOnServer(http, QStringLiteral("Untouched")).size(), 1);
        QCOMPARE(http.get(QStringLiteral("/opportunities?pageSize=1"))
                     .json()
                     .value(QStringLiteral("totalCount"))
                     .toInt(),
                 4);
        // And the cache now mirrors the server: four records, all synced.
        const QList<CachedOpportunity> cached = sync.store.opportunities().value();
        QCOMPARE(cached.size(), 4);
        for (const CachedOpportunity &record : cached)
            QCOMPARE(record.state, SyncState::Synced);
    }

    // A damaged cache of schema 3 is salvaged as that schema wrote it: its pending edits are
    // kept, a refused one with its sentence (the fields at fault were not kept then).
    void damagedCacheOfSchema3KeepsItsPendingEdits()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const auto record = [](const QString &id, int value) {
            return QJsonObject{{QStringLiteral("id"), id},
                               {QStringLiteral("name"), id},
                               {QStringLiteral("value"), value},
                               {QStringLiteral("currency"), QStringLiteral("EUR")},
                               {QStringLiteral("stage"), QStringLiteral("proposal")},
                               {QStringLiteral("probability"), 30},
                               {QStringLiteral("created_at"), now()},
                               {QStringLiteral("updated_at"), now()}};
        };
        const QString refusal = QStringLiteral("The server refused this edit: value: too large");
        {
            RawCache old(path);
            QVERIFY(old.ok());
            for (const QString &statement : schemaVersion3)
                QVERIFY(old.exec(statement));
            QVERIFY(old.exec(QStringLiteral("PRAGMA user_version = 3")));
            QVERIFY(insertRow(old, record(QStringLiteral("edited"), 250), 1, {}, {}));
            QVERIFY(insertEntry(old, QStringLiteral("edited"), QStringLiteral("create"),
                                writableFields, 0, {}));
            QVERIFY(insertRow(old, record(QStringLiteral("refused"), -5), 2, {}, {}));
            QVERIFY(insertEntry(old, QStringLiteral("refused"), QStringLiteral("create"),
                                writableFields, 0, {}));
            QVERIFY(old.exec(QStringLiteral("UPDATE opportunities SET sync_error = ? WHERE id = ?"),
                             {refusal, QStringLiteral("refused")}));
            QVERIFY(old.exec(QStringLiteral("UPDATE outbox SET last_error = ?"), {refusal}));
        }
        int index = 0;
        {
            RawCache peek(path);
            index = peek.value(QStringLiteral("SELECT rootpage FROM sqlite_master"
                                              " WHERE name = 'sqlite_autoindex_opportunities_1'"))
                        .toInt();
        }
        QVERIFY(damagePage(path, index));

        LocalStore store;
        const LocalStore::OpenResult opened = store.open(path);
        QVERIFY2(opened.ok, qPrintable(opened.error));
        QCOMPARE(store.pendingCount(), 2);
        QVERIFY2(opened.recoveryMessage.contains(QStringLiteral("2 pending edit")),
                 qPrintable(opened.recoveryMessage));
        QVERIFY2(!opened.recoveryMessage.contains(QStringLiteral("lost")),
                 qPrintable(opened.recoveryMessage));
        QCOMPARE(store.opportunity(QStringLiteral("edited"))->opportunity.value, 250.0);
        const auto refused = store.opportunity(QStringLiteral("refused"));
        QVERIFY(refused);
        QCOMPARE(refused->state, SyncState::Failed);
        QCOMPARE(refused->syncError, refusal);
        QVERIFY(refused->syncFieldErrors.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCacheVersions)
#include "tst_cacheversions.moc"
