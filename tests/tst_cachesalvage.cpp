// LocalStore opening a cache that is damaged, cut short, or sound but unusable right now: damage
// is moved aside keeping every pending edit SQLite can still read, and says how many were kept
// and lost; a full disk or a lock is not damage and leaves the file exactly as it was.
#include "LocalStore.h"
#include "SqlitePages.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/resource.h>

namespace {

QByteArray digest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

Opportunity record(const QString &id, const QString &name, double value)
{
    Opportunity o;
    o.id = id;
    o.name = name;
    o.value = value;
    o.stage = Stage::Qualification;
    o.probability = 20;
    o.createdAt = o.updatedAt = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);
    return o;
}

} // namespace

class TestCacheSalvage final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_path = m_dir->filePath(QStringLiteral("cache.sqlite"));
    }

    // The records' index is damaged: salvage finds the edited rows in the table itself.
    void damagedIndexKeepsEveryKindOfPendingEdit()
    {
        QString createdId;
        OutboxEntry sent;
        {
            LocalStore store;
            QVERIFY(store.open(m_path).ok);
            QList<Opportunity> server;
            for (int i = 0; i < 400; ++i)
                server.append(record(QStringLiteral("id-%1").arg(i, 4, 10, QLatin1Char('0')),
                                     QStringLiteral("Deal %1").arg(i), 100 + i));
            QVERIFY(store.beginPull() && store.stagePulled(server) && store.commitPull(true));
            Opportunity edited = store.opportunity(QStringLiteral("id-0007"))->opportunity;
            edited.value = 42;
            QVERIFY(store.editOpportunity(edited.id, edited, OpportunityField::Value));
            edited = store.opportunity(QStringLiteral("id-0350"))->opportunity;
            edited.stage = Stage::Negotiation;
            QVERIFY(store.editOpportunity(edited.id, edited, OpportunityField::Stage));
            QVERIFY(store.deleteOpportunity(QStringLiteral("id-0200")));
            const auto created = store.createOpportunity(record({}, QStringLiteral("Fresh"), 9));
            QVERIFY(created);
            createdId = *created;
            // Its send went out and the answer was lost: salvage must keep what it carried.
            sent = *store.entryFor(createdId);
            sent.sentBody = QJsonObject{{QStringLiteral("name"), QStringLiteral("Fresh")}};
            QVERIFY(store.markAttempt(sent.sequence, sent.sentBody));
        }
        QVERIFY(!QFile::exists(m_path + QStringLiteral("-wal"))); // checkpointed on close
        const int index = rootPage(m_path, QStringLiteral("sqlite_autoindex_opportunities_1"));
        QVERIFY(index > 1);
        QVERIFY(PageFile(m_path).overwrite(index));

        LocalStore reopened;
        const LocalStore::OpenResult result = reopened.open(m_path);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY2(result.recoveryMessage.contains(QStringLiteral("4 pending edit")),
                 qPrintable(result.recoveryMessage));
        QVERIFY2(!result.recoveryMessage.contains(QStringLiteral("lost")),
                 qPrintable(result.recoveryMessage));
        QCOMPARE(reopened.pendingCount(), 4);
        QCOMPARE(reopened.opportunity(QStringLiteral("id-0007"))->opportunity.value, 42.0);
        QCOMPARE(reopened.opportunity(QStringLiteral("id-0350"))->opportunity.stage,
                 Stage::Negotiation);
        QVERIFY(!reopened.opportunity(QStringLiteral("id-0200"))); // still deleted
        QCOMPARE(reopened.entryFor(QStringLiteral("id-0200"))->operation,
                 OutboxEntry::Operation::Delete);
        QCOMPARE(reopened.opportunity(createdId)->opportunity.name, QStringLiteral("Fresh"));
        const OutboxEntry kept = *reopened.entryFor(createdId);
        QCOMPARE(kept.operation, OutboxEntry::Operation::Create);
        QVERIFY(kept.inDoubt);
        QCOMPARE(kept.sentBody, sent.sentBody);
        QCOMPARE(kept.createdAt, sent.createdAt);
        QCOMPARE(kept.idempotencyKey, sent.idempotencyKey);
        QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("cache.sqlite.corrupt-*")}).size(),
                 1);
    }

    // A page in the middle of the outbox is garbage: every entry on the other pages is kept,
    // reached from both ends, and the message counts what was kept and says some were lost.
    void damagedOutboxPageKeepsEveryOtherEntry()
    {
        constexpr int edits = 400;
        {
            LocalStore store;
            QVERIFY(store.open(m_path).ok);
            for (int i = 0; i < edits; ++i)
                QVERIFY(store.createOpportunity(record({}, QStringLiteral("Edit %1").arg(i), i)));
        }
        const PageFile file(m_path);
        const QList<int> leaves = file.children(rootPage(m_path, QStringLiteral("outbox")));
        QVERIFY2(leaves.size() >= 3, "the outbox should span several pages");
        const int damaged = leaves.at(leaves.size() / 2);
        const int lostThere = file.cellCount(damaged);
        QVERIFY(lostThere > 0);
        QVERIFY(file.overwrite(damaged));

        LocalStore reopened;
        const LocalStore::OpenResult result = reopened.open(m_path);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(reopened.pendingCount(), edits - lostThere);
        QVERIFY2(result.recoveryMessage.contains(
                     QStringLiteral("%1 pending edit").arg(edits - lostThere)),
                 qPrintable(result.recoveryMessage));
        QVERIFY2(result.recoveryMessage.contains(QStringLiteral("damaged")),
                 qPrintable(result.recoveryMessage));
        // The kept ones are whole: each create still has its record.
        const QList<OutboxEntry> kept = reopened.outbox().value();
        for (const OutboxEntry &entry : kept)
            QVERIFY(reopened.opportunity(entry.opportunityId)
                        ->opportunity.name.startsWith(QStringLiteral("Edit ")));
    }

    // A cache left by a killed app (its edits still in the WAL) with garbage after the last
    // page: every pending edit is still there, whether SQLite calls the file damaged or not.
    void garbageAppendedKeepsEveryPendingEdit()
    {
        const QString killed = m_dir->filePath(QStringLiteral("killed.sqlite"));
        {
            LocalStore store;
            QVERIFY(store.open(m_path).ok);
            for (int i = 0; i < 5; ++i)
                QVERIFY(store.createOpportunity(record({}, QStringLiteral("Kept %1").arg(i), i)));
            // The files as a kill -9 leaves them: no checkpoint, the edits in the WAL.
            QVERIFY(QFile(m_path + QStringLiteral("-wal")).size() > 0);
            for (const QString &suffix : {QString(), QStringLiteral("-wal")})
                QVERIFY(QFile::copy(m_path + suffix, killed + suffix));
        }
        m_path = killed;
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::Append));
        QVERIFY(file.write(QByteArray(65536 + 123, '\x5a')) > 0);
        file.close();
        LocalStore reopened;
        const LocalStore::OpenResult result = reopened.open(m_path);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(reopened.pendingCount(), 5);
        const QList<OutboxEntry> kept = reopened.outbox().value();
        for (const OutboxEntry &entry : kept)
            QVERIFY(reopened.opportunity(entry.opportunityId));
    }

    void emptyFileIsReportedNotSilentlyReplaced()
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        LocalStore store;
        const LocalStore::OpenResult result = store.open(m_path);
        QVERIFY(result.ok);
        QVERIFY2(result.recoveryMessage.contains(QStringLiteral("empty file")),
                 qPrintable(result.recoveryMessage));
        QVERIFY(store.createOpportunity(record({}, QStringLiteral("works"), 1)));
    }

    // A disk that fills up while the cache opens (no room for its WAL index) is not damage: the
    // file stays where it is, byte for byte, and opens with its edits once there is room again.
    void fullDiskLeavesTheCacheAsItIs()
    {
        seedOnePendingEdit();
        const QByteArray before = digest(m_path);
        QFile::remove(m_path + QStringLiteral("-shm"));
        {
            FileSizeLimit full(0);
            LocalStore store;
            const LocalStore::OpenResult result = store.open(m_path);
            QVERIFY(!result.ok);
            QVERIFY2(result.error.contains(QStringLiteral("left as it is")),
                     qPrintable(result.error));
            QVERIFY2(result.error.contains(QStringLiteral("disk")), qPrintable(result.error));
        }
        QCOMPARE(digest(m_path), before);
        QVERIFY(QDir(m_dir->path()).entryList({QStringLiteral("*.corrupt-*")}).isEmpty());
        expectThePendingEdit();
    }

    // Another program holding the file locked is not damage either.
    void lockedFileLeavesTheCacheAsItIs()
    {
        seedOnePendingEdit();
        const QByteArray before = digest(m_path);
        {
            QSqlDatabase other =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            other.setDatabaseName(m_path);
            QVERIFY(other.open());
            QSqlQuery hold(other);
            QVERIFY(hold.exec(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE")));
            QVERIFY(hold.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            LocalStore store;
            const LocalStore::OpenResult result = store.open(m_path);
            QVERIFY(!result.ok);
            QVERIFY2(result.error.contains(QStringLiteral("locked")), qPrintable(result.error));
            QVERIFY(hold.exec(QStringLiteral("ROLLBACK")));
            hold.finish();
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        QCOMPARE(digest(m_path), before);
        QVERIFY(QDir(m_dir->path()).entryList({QStringLiteral("*.corrupt-*")}).isEmpty());
        expectThePendingEdit();
    }

private:
    // Files this process writes may not grow past `bytes` while it lives (what a full disk
    // looks like to SQLite); SIGXFSZ is ignored so the write fails instead of ending the test.
    class FileSizeLimit final
    {
    public:
        explicit FileSizeLimit(rlim_t bytes)
        {
            getrlimit(RLIMIT_FSIZE, &m_saved);
            m_handler = std::signal(SIGXFSZ, SIG_IGN);
            rlimit limit = m_saved;
            limit.rlim_cur = bytes;
            setrlimit(RLIMIT_FSIZE, &limit);
        }
        ~FileSizeLimit()
        {
            setrlimit(RLIMIT_FSIZE, &m_saved);
            std::signal(SIGXFSZ, m_handler);
        }
        FileSizeLimit(const FileSizeLimit &) = delete;
        FileSizeLimit &operator=(const FileSizeLimit &) = delete;

    private:
        rlimit m_saved{};
        void (*m_handler)(int) = nullptr;
    };

    void seedOnePendingEdit()
    {
        LocalStore store;
        QVERIFY(store.open(m_path).ok);
        QVERIFY(store.beginPull() &&
                store.stagePulled({record(QStringLiteral("a"), QStringLiteral("A"), 1000)}) &&
                store.commitPull(true));
        Opportunity a = store.opportunity(QStringLiteral("a"))->opportunity;
        a.value = 42;
        QVERIFY(store.editOpportunity(QStringLiteral("a"), a, OpportunityField::Value));
    }

    void expectThePendingEdit()
    {
        LocalStore store;
        const LocalStore::OpenResult result = store.open(m_path);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(result.recoveryMessage.isEmpty());
        QCOMPARE(store.pendingCount(), 1);
        QCOMPARE(store.opportunity(QStringLiteral("a"))->opportunity.value, 42.0);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestCacheSalvage)
#include "tst_cachesalvage.moc"
