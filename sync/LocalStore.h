#pragma once

#include "CacheDatabase.h"
#include "ModelRowReader.h"
#include "RecordStore.h"
#include "SyncJournal.h"

#include <QObject>
#include <QStringList>
#include <memory>

struct StoreChanges;

// The client's single source of truth: a SQLite cache of opportunities, accounts, updates
// histories, the outbox of pending edits and sync state. A façade over parts of its own: the
// cache file (CacheDatabase), the rows (RecordTable), the outbox (Outbox), the user's edits and
// their coalescing (LocalEdits), pull staging (PullStaging), the merge of the server's state
// (ServerMerge by MergePolicy), the push's bookkeeping (PushBookkeeping), and the accounts,
// histories and settings tables. It serves the window and the command line (RecordStore) and the
// engine (SyncJournal); its signals name the records that changed, once a change is committed.
// Writes return their Status; every read that fails is also announced (readFailed), since the
// single reads answer "none" then.
class LocalStore final : public QObject, public RecordStore, public SyncJournal
{
    Q_OBJECT

public:
    using OpenResult = CacheDatabase::OpenResult;
    using Check = CacheDatabase::Check;

    explicit LocalStore(QObject *parent = nullptr);
    ~LocalStore() override;

    // Opens or creates the cache; a corrupt file is moved aside and a fresh one built, keeping
    // the pending edits that can still be read. A file that cannot be used for another reason (a
    // full disk, permissions, a lock, a newer schema) is left untouched and nothing is opened.
    // With Check::Deferred the integrity check is the caller's (DeferredCheck): the window need
    // not wait for a read of every page.
    OpenResult open(const QString &path, Check check = Check::BeforeUse);
    // The deferred check found damage: the recovery open() takes for it, then everything is
    // announced as changed (the records are the caller's to read again).
    OpenResult recoverFromDamage(const QString &damage);
    QString path() const;
    static int schemaVersion();

    std::optional<CachedOpportunity> opportunity(const QString &id) override;
    // The same, telling a record that is not there from one that could not be read.
    Result<std::optional<CachedOpportunity>> findOpportunity(const QString &id);
    // The shown records among `ids`, in their order (a bulk change's records, read at once); an
    // id without one is not there.
    Result<QList<CachedOpportunity>> findOpportunities(const QStringList &ids);
    Result<QList<CachedOpportunity>> opportunities() override;
    // The lean read for the item models (ModelRowReader): the newest rows, then pages in rowid
    // order; repeated texts shared through `pool`.
    Result<QList<OpportunityRow>> newestRows(int limit, StringPool &pool);
    Result<ModelRowReader::Page> rowsAfter(qint64 rowid, int limit, StringPool &pool);
    Result<QList<OpportunityRow>> rowsWithIds(const QStringList &ids, StringPool &pool);
    qint64 opportunityCount() override;
    Result<QList<Account>> accounts() override;
    std::optional<QList<OpportunityUpdate>> updates(const QString &opportunityId) override;
    std::optional<StoredHistory> history(const QString &opportunityId) override;
    Result<QList<OutboxEntry>> outbox() override;
    std::optional<OutboxEntry> entryFor(const QString &id) override;
    QByteArray etagOf(const QString &id) override;
    int pendingCount() override;
    std::optional<QString> renamedTo(const QString &oldId) override;
    QString setting(const QString &key) override;
    Status setSetting(const QString &key, const QString &value) override;
    std::optional<PullProgress> pullProgress() override;
    Status setPullProgress(const std::optional<PullProgress> &progress) override;
    Result<PeopleBook> people() const override;
    Result<QList<KnownPerson>> knownPeople() const override;
    Status setLocalPerson(const Person &person) override;
    Status setLocalMeId(const QString &id) override;

    Result<QString> createOpportunity(Opportunity opportunity) override;
    Status editOpportunity(const QString &id, const Opportunity &edited,
                           OpportunityFields fields) override;
    Status deleteOpportunity(const QString &id) override;
    Result<QStringList> applyBatch(const RecordBatch &batch) override;
    Status resolveConflict(const QString &id, const Opportunity &chosen) override;
    Status discardEdits(const QString &id) override;
    Status retryFailed(const QString &id = QString()) override;

    Status beginPull() override;
    Status stagePulled(const QList<Opportunity> &page) override;
    Status keepUnreadable(const QStringList &ids) override;
    Status commitPull(bool complete) override;
    Status keepPulledPage(const QList<Opportunity> &page,
                          const QHash<QString, QByteArray> &etags = {}) override;
    Status completePass() override;
    Status discardPass() override;
    Status keepUnreadableInPass(const QStringList &ids) override;
    Status applyServerDeletions(const QStringList &ids) override;
    Status storeAccounts(const QList<Account> &accounts) override;
    Status mergeAccounts(const QList<Account> &accounts, const QStringList &removedIds) override;
    Status storeServerPeople(const QList<Person> &people) override;
    Status storeServerMeId(const QString &id) override;
    Status storeUpdates(const QString &opportunityId, const QList<OpportunityUpdate> &updates,
                        const QString &recordVersion = QString()) override;
    Status mergeServerRecord(const Opportunity &server, const QByteArray &etag) override;
    Status markAttempt(qint64 sequence, const QJsonObject &body) override;
    Status settleAttempt(qint64 sequence) override;
    Status completeEntry(qint64 sequence, const Opportunity &server,
                         const QByteArray &etag) override;
    Status completeDelete(qint64 sequence) override;
    Status failEntry(qint64 sequence, const QString &error,
                     const FieldErrors &fieldErrors = {}) override;
    Status recordServerDeleted(const QString &id) override;

signals:
    void opportunitiesChanged(const QStringList &ids);
    void opportunitiesRemoved(const QStringList &ids);
    // A record created here got its server id.
    void opportunityIdChanged(const QString &oldId, const QString &newId);
    void accountsChanged();
    // Names or who "me" is changed (from the server or the user).
    void peopleChanged();
    void outboxChanged(int pendingCount);
    // A read of the cache failed (`reason` says what and why): what it answered is not the truth.
    void readFailed(const QString &reason);

private:
    struct Parts;
    // Announces what a committed change touched.
    Status announce(Result<StoreChanges> changes);
    // A read's result, announced by readFailed when it failed.
    template <typename T> Result<T> reported(Result<T> read);
    // A read's value, or `none` when it failed (announced by readFailed).
    template <typename T> T valueOr(Result<T> read, T none);

    std::unique_ptr<Parts> m_parts;
};
