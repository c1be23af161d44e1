// The cache's people book (LocalStore::people and what feeds it): the server's /users with the
// user's own names laid over them, who "me" is, what is announced, and a cache of schema 4 that
// gains the book without losing what it held.
#include "LocalStore.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace {

const QString anaId = QStringLiteral("auth0|ana");
const QString brunoId = QStringLiteral("auth0|bruno");
const QString carlaId = QStringLiteral("auth0|carla");

Person person(const QString &id, const QString &name, const QString &email = QString())
{
    return Person{id, name, email};
}

// The cache file as schema 4 left it (kashew before the people book), frozen here: these files
// exist on users' machines whatever the migrations become.
const QStringList schemaVersion4{
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
    QStringLiteral("ALTER TABLE outbox ADD COLUMN in_doubt INTEGER NOT NULL DEFAULT 0"),
    QStringLiteral("CREATE TABLE id_aliases (old_id TEXT PRIMARY KEY NOT NULL,"
                   " new_id TEXT NOT NULL)"),
    QStringLiteral("ALTER TABLE opportunity_updates ADD COLUMN record_version TEXT"),
    QStringLiteral("ALTER TABLE opportunities ADD COLUMN sync_field_errors TEXT"),
    QStringLiteral("PRAGMA user_version = 4"),
};

// Runs statements on a cache file outside LocalStore; the first that fails is the error.
QString runOn(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("raw-people");
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        for (const QString &statement : statements) {
            QSqlQuery query(db);
            if (!query.exec(statement)) {
                error = statement + QStringLiteral(": ") + query.lastError().text();
                break;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

} // namespace

class TestPeopleTable final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<LocalStore>();
        QVERIFY(m_store->open(path()).ok);
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    // A new cache knows nobody and no "me": nothing is invented.
    void emptyCacheHasAnEmptyBook()
    {
        const Result<PeopleBook> people = m_store->people();
        QVERIFY2(people, qPrintable(people.error()));
        QVERIFY(people->isEmpty());
        QCOMPARE(people->meId(), QString());
        QCOMPARE(m_store->knownPeople().value(), QList<KnownPerson>());
    }

    // The server's names and emails show; the user's own name for an id wins over the server's
    // (the email stays the server's) and, removed, gives the server's back.
    void userNamesOverlayTheServers()
    {
        QVERIFY(m_store->storeServerPeople(
            {person(anaId, QStringLiteral("Ana Souza"), QStringLiteral("ana@example.com")),
             person(brunoId, QString())}));
        QVERIFY(m_store->setLocalPerson(person(brunoId, QStringLiteral("Bruno Lima"))));
        QVERIFY(m_store->setLocalPerson(person(anaId, QStringLiteral("Ana (Lisbon)"))));
        QVERIFY(m_store->setLocalPerson(person(carlaId, QStringLiteral("Carla"))));

        PeopleBook book = m_store->people().value();
        QCOMPARE(book.displayName(anaId), QStringLiteral("Ana (Lisbon)"));
        QCOMPARE(book.person(anaId)->email, QStringLiteral("ana@example.com"));
        QCOMPARE(book.displayName(brunoId), QStringLiteral("Bruno Lima"));
        QCOMPARE(book.displayName(carlaId), QStringLiteral("Carla"));

        const QList<KnownPerson> known = m_store->knownPeople().value();
        QCOMPARE(known.size(), 3);
        // By shown name: "Ana (Lisbon)", "Bruno Lima", "Carla".
        QCOMPARE(known.at(0).person.id, anaId);
        QVERIFY(known.at(0).fromServer && known.at(0).namedByUser);
        QCOMPARE(known.at(1).person.id, brunoId);
        QVERIFY(known.at(1).fromServer && known.at(1).namedByUser);
        QCOMPARE(known.at(2).person.id, carlaId);
        QVERIFY(!known.at(2).fromServer && known.at(2).namedByUser);

        // An empty name removes the user's entry: the server's name again, or nobody.
        QVERIFY(m_store->setLocalPerson(person(anaId, QString())));
        QVERIFY(m_store->setLocalPerson(person(carlaId, QStringLiteral("  "))));
        book = m_store->people().value();
        QCOMPARE(book.displayName(anaId), QStringLiteral("Ana Souza"));
        QVERIFY(!book.person(carlaId));
        QVERIFY(!m_store->knownPeople().value().at(0).namedByUser);
    }

    // Each /users answer replaces the one before: someone the server no longer lists is
    // forgotten, unless the user named them; the user's names survive every sync.
    void serverListReplacesTheLastButKeepsTheUsersNames()
    {
        QVERIFY(m_store->storeServerPeople({person(anaId, QStringLiteral("Ana Souza")),
                                            person(brunoId, QStringLiteral("Bruno Lima")),
                                            person(carlaId, QStringLiteral("Carla Dias"))}));
        QVERIFY(m_store->setLocalPerson(person(carlaId, QStringLiteral("Carla (old team)"))));
        QVERIFY(m_store->storeServerPeople({person(anaId, QStringLiteral("Ana Souza-Reis"))}));

        const PeopleBook book = m_store->people().value();
        QCOMPARE(book.displayName(anaId), QStringLiteral("Ana Souza-Reis"));
        QVERIFY(!book.person(brunoId));
        QCOMPARE(book.displayName(carlaId), QStringLiteral("Carla (old team)"));
        const QList<KnownPerson> known = m_store->knownPeople().value();
        QCOMPARE(known.size(), 2);
        QCOMPARE(known.at(1).person.id, carlaId);
        QVERIFY(!known.at(1).fromServer);
    }

    // Me is the server's /users/me when it said, else the user's; the user's choice stays kept
    // for a server that stops saying.
    void serverMeComesBeforeTheUsers()
    {
        QVERIFY(m_store->setLocalMeId(brunoId));
        QCOMPARE(m_store->people().value().meId(), brunoId);
        // Me is in the book even without a name.
        QCOMPARE(m_store->knownPeople().value().size(), 1);
        QVERIFY(m_store->knownPeople().value().first().isMe);

        QVERIFY(m_store->storeServerPeople({person(anaId, QStringLiteral("Ana Souza"))}));
        QVERIFY(m_store->storeServerMeId(anaId));
        QCOMPARE(m_store->people().value().meId(), anaId);
        QVERIFY(m_store->setLocalMeId(carlaId));
        QCOMPARE(m_store->people().value().meId(), anaId);
        const QList<KnownPerson> known = m_store->knownPeople().value();
        QCOMPARE(known.size(), 1);
        QVERIFY(known.first().isMe);

        QVERIFY(m_store->storeServerMeId(QString()));
        QCOMPARE(m_store->people().value().meId(), carlaId);
    }

    // peopleChanged comes once per change that shows, never for a sync that told nothing new
    // (each sync stores the server's list again).
    void changesAreAnnouncedOnce()
    {
        QSignalSpy changed(m_store.get(), &LocalStore::peopleChanged);
        const QList<Person> listed{person(anaId, QStringLiteral("Ana Souza"))};
        QVERIFY(m_store->storeServerPeople(listed));
        QCOMPARE(changed.size(), 1);
        QVERIFY(m_store->storeServerPeople(listed));
        QVERIFY(m_store->storeServerMeId(anaId));
        QCOMPARE(changed.size(), 2);
        QVERIFY(m_store->storeServerMeId(anaId));
        QCOMPARE(changed.size(), 2);
        QVERIFY(m_store->setLocalPerson(person(brunoId, QStringLiteral("Bruno"))));
        QCOMPARE(changed.size(), 3);
        QVERIFY(m_store->setLocalMeId(brunoId));
        QCOMPARE(changed.size(), 4);
    }

    // An id is needed to name someone; the refusal says so and changes nothing.
    void emptyIdIsRefused()
    {
        QSignalSpy changed(m_store.get(), &LocalStore::peopleChanged);
        const Status named =
            m_store->setLocalPerson(person(QStringLiteral(" "), QStringLiteral("X")));
        QVERIFY(!named);
        QVERIFY2(named.error().contains(QStringLiteral("id")), qPrintable(named.error()));
        QCOMPARE(changed.size(), 0);
        QVERIFY(m_store->people().value().isEmpty());
    }

    // The book is kept in the cache file: a new session finds it.
    void bookSurvivesReopening()
    {
        QVERIFY(m_store->storeServerPeople(
            {person(anaId, QStringLiteral("Ana Souza"), QStringLiteral("ana@example.com"))}));
        QVERIFY(m_store->setLocalPerson(person(brunoId, QStringLiteral("Bruno"))));
        QVERIFY(m_store->setLocalMeId(brunoId));
        const PeopleBook before = m_store->people().value();
        m_store = std::make_unique<LocalStore>();
        QVERIFY(m_store->open(path()).ok);
        QCOMPARE(m_store->people().value(), before);
        QCOMPARE(before.meId(), brunoId);
    }

    // A cache of schema 4 gains the people book: its records, edits and settings stay, and the
    // book works at once.
    void cacheOfSchema4MigratesKeepingItsData()
    {
        m_store.reset();
        const QString oldPath = m_dir->filePath(QStringLiteral("old.sqlite"));
        QCOMPARE(
            runOn(oldPath,
                  schemaVersion4 +
                      QStringList{QStringLiteral(
                                      "INSERT INTO opportunities (id, name, value, currency, stage,"
                                      " probability, owner_id, is_archived) VALUES ('opp_1',"
                                      " 'Kept deal', 500, 'EUR', 'proposal', 40, 'auth0|ana', 0)"),
                                  QStringLiteral("INSERT INTO settings (key, value) VALUES"
                                                 " ('lastSyncAt', '2026-01-02T03:04:05Z')")}),
            QString());

        m_store = std::make_unique<LocalStore>();
        const LocalStore::OpenResult opened = m_store->open(oldPath);
        QVERIFY2(opened.ok, qPrintable(opened.error));
        QCOMPARE(opened.recoveryMessage, QString());
        const auto kept = m_store->opportunity(QStringLiteral("opp_1"));
        QVERIFY(kept);
        QCOMPARE(kept->opportunity.name, QStringLiteral("Kept deal"));
        QCOMPARE(kept->opportunity.ownerId, anaId);
        QCOMPARE(m_store->setting(QStringLiteral("lastSyncAt")),
                 QStringLiteral("2026-01-02T03:04:05Z"));

        QVERIFY(m_store->people().value().isEmpty());
        QVERIFY(m_store->setLocalPerson(person(anaId, QStringLiteral("Ana Souza"))));
        QCOMPARE(m_store->people().value().displayName(kept->opportunity.ownerId),
                 QStringLiteral("Ana Souza"));
    }

private:
    QString path() const { return m_dir->filePath(QStringLiteral("cache.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
};

QTEST_GUILESS_MAIN(TestPeopleTable)
#include "tst_peopletable.moc"
