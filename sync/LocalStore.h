#pragma once

#include "Account.h"
#include "CachedOpportunity.h"
#include "OpportunityUpdate.h"
#include "OutboxEntry.h"
#include "StoredHistory.h"

#include <QObject>
#include <QStringList>
#include <map>
#include <memory>
#include <optional>

class QSqlQuery;
class SqlTransaction;

// The client's single source of truth: a SQLite cache of opportunities, accounts, updates
// histories, the outbox of pending edits and sync state. An edit writes the new row and its
// outbox entry in one transaction. Signals name the records that changed. Its parts, one file
// each: the cache file (LocalStoreOpening.cpp), the user's edits (LocalStoreEdits.cpp), the
// sync's side (LocalStoreSync.cpp) and the updates histories (LocalStoreHistory.cpp); reading and
// the outbox's rows here.
class LocalStore final : public QObject
{
    Q_OBJECT

public:
    struct OpenResult
    {
        bool ok = false;
        // Set when the file was unreadable and moved aside; says where and what was kept.
        QString recoveryMessage;
        QString error;
    };

    explicit LocalStore(QObject *parent = nullptr);
    ~LocalStore() override;

    // Opens or creates the cache; a corrupt file is moved aside and a fresh one built, keeping
    // the pending edits that can still be read. A file that cannot be used for another reason (a
    // full disk, permissions, a lock, a newer schema) is left untouched and nothing is opened.
    OpenResult open(const QString &path);
    QString path() const { return m_path; }
    QString lastError() const { return m_lastError; }
    static int schemaVersion();

    // Reading.
    std::optional<CachedOpportunity> opportunity(const QString &id);
    QList<CachedOpportunity> opportunities();
    qint64 opportunityCount();
    QList<Account> accounts();
    std::optional<QList<OpportunityUpdate>> updates(const QString &opportunityId);
    // The history with the record version it was fetched for (LocalStoreHistory.cpp).
    std::optional<StoredHistory> history(const QString &opportunityId);

    // Edits by the user: row and outbox entry in one transaction. Return false on failure
    // (lastError() says why) with nothing changed.
    std::optional<QString> createOpportunity(Opportunity opportunity);
    bool editOpportunity(const QString &id, const Opportunity &edited, OpportunityFields fields);
    bool deleteOpportunity(const QString &id);
    // Settles a conflict: `chosen` gives the values of the conflicting fields (the others keep
    // both sides' changes); what then differs from the server goes out as a normal edit.
    bool resolveConflict(const QString &id, const Opportunity &chosen);

    // Gives up the unsent edits of a record: it goes back to the server's state (a record never
    // sent goes away).
    bool discardEdits(const QString &id);

    // The outbox, oldest first.
    QList<OutboxEntry> outbox();
    std::optional<OutboxEntry> entryFor(const QString &id);
    // The ETag of a record, hidden (pending delete) ones included.
    QByteArray etagOf(const QString &id);
    int pendingCount();

    // Applying the server's state (SyncEngine).
    // Stages one page of a pull; nothing visible changes until commitPull().
    bool beginPull();
    bool stagePulled(const QList<Opportunity> &page);
    // Records the server listed but kashew cannot read: their cached copies stay as they are,
    // and commitPull() does not take them for deleted.
    bool keepUnreadable(const QStringList &ids);
    // Merges the staged records into the cache in one transaction; with `complete`, records the
    // server no longer has are removed (or become conflicts when edited here).
    bool commitPull(bool complete);
    bool storeAccounts(const QList<Account> &accounts);
    // `recordVersion`: RecordVersion::of the record the history was fetched for; without it the
    // history counts as older than the record, to be fetched again when next shown.
    bool storeUpdates(const QString &opportunityId, const QList<OpportunityUpdate> &updates,
                      const QString &recordVersion = QString());
    // Merges one record fetched from the server (after a 412, say), as a pull would.
    bool mergeServerRecord(const Opportunity &server, const QByteArray &etag);
    // Counts a send before it happens and marks it in doubt, so that after a crash or a lost
    // answer a retry knows it may have landed. Nothing may be sent when this fails.
    bool markAttempt(qint64 sequence, const QJsonObject &body);
    // The last send certainly changed nothing on the server (never sent, or refused).
    bool settleAttempt(qint64 sequence);
    // The server accepted the entry and answered with its state of the record.
    bool completeEntry(qint64 sequence, const Opportunity &server, const QByteArray &etag);
    bool completeDelete(qint64 sequence);
    // The server refused the entry for good (422, 403): the record is marked Failed.
    bool failEntry(qint64 sequence, const QString &error);
    // The server deleted a record that has local edits: it becomes a conflict.
    bool recordServerDeleted(const QString &id);
    // Sends the refused (Failed) edits again: after a new key, or when the user asks.
    bool retryFailed(const QString &id = QString());

    // The server's id of a record created here under `oldId`, once the server has it.
    std::optional<QString> renamedTo(const QString &oldId);

    // Small persistent settings of the sync (last sync time, ...).
    QString setting(const QString &key);
    bool setSetting(const QString &key, const QString &value);

signals:
    void opportunitiesChanged(const QStringList &ids);
    void opportunitiesRemoved(const QStringList &ids);
    // A record created here got its server id.
    void opportunityIdChanged(const QString &oldId, const QString &newId);
    void accountsChanged();
    void outboxChanged(int pendingCount);

private:
    struct OpenProblem
    {
        enum class Kind
        {
            // Damaged: moved aside, and what can be read is salvaged.
            Corrupt,
            // Sound, but written by a newer kashew.
            NewerSchema,
            // Sound or unknown, but not usable now (a full disk, permissions, a lock).
            Unusable,
        };
        Kind kind = Kind::Unusable;
        QString text;
    };
    bool openAt(const QString &path, OpenProblem *problem);
    OpenResult salvage(const QString &path, const QString &damage);
    bool fail(const QString &what, const QString &error);
    // Commits, or says why it could not in lastError().
    bool commit(SqlTransaction &transaction);
    // `baseJson`: the base already in its stored form, to spare serializing it again.
    bool writeRow(const CachedOpportunity &record, const QString &baseJson = QString());
    // A statement prepared once per connection and reused.
    QSqlQuery &prepared(const QString &sql);
    bool removeRow(const QString &id);
    std::optional<OutboxEntry> entry(qint64 sequence);
    bool writeEntry(const OutboxEntry &entry);
    bool removeEntry(qint64 sequence);
    // Inside the caller's transaction, without signals.
    bool markServerDeleted(const QString &id);
    // The pull's merge rule for one server record against the cached one.
    bool merge(const Opportunity &server, const QByteArray &etag, QStringList *changed);
    void notifyOutbox();

    std::map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    QString m_connectionName;
    QString m_path;
    QString m_lastError;
};
