#pragma once

#include "Account.h"
#include "CachedOpportunity.h"
#include "FieldError.h"
#include "OpportunityUpdate.h"
#include "OutboxEntry.h"
#include "Person.h"
#include "PullProgress.h"
#include "Result.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <optional>

// What the SyncEngine needs of the cache: the journal of pending work (the outbox and the
// bookkeeping of each send, so that after a crash or a lost answer a retry knows what may have
// landed) and the applying of the server's state (pulls staged then committed, single records,
// accounts, histories).
class SyncJournal
{
public:
    virtual ~SyncJournal() = default;

    // The outbox, oldest first, or why it cannot be read.
    virtual Result<QList<OutboxEntry>> outbox() = 0;
    virtual std::optional<OutboxEntry> entryFor(const QString &id) = 0;
    virtual std::optional<CachedOpportunity> opportunity(const QString &id) = 0;
    // The ETag of a record, hidden (pending delete) ones included.
    virtual QByteArray etagOf(const QString &id) = 0;
    virtual QString setting(const QString &key) = 0;
    virtual Status setSetting(const QString &key, const QString &value) = 0;
    // The unfinished full pass (none: no pass is under way), and setting or ending it.
    virtual std::optional<PullProgress> pullProgress() = 0;
    virtual Status setPullProgress(const std::optional<PullProgress> &progress) = 0;

    // Counts a send before it happens and marks it in doubt. Nothing may be sent when this fails.
    virtual Status markAttempt(qint64 sequence, const QJsonObject &body) = 0;
    // The last send certainly changed nothing on the server (never sent, or refused).
    virtual Status settleAttempt(qint64 sequence) = 0;
    // The server accepted the entry and answered with its state of the record.
    virtual Status completeEntry(qint64 sequence, const Opportunity &server,
                                 const QByteArray &etag) = 0;
    virtual Status completeDelete(qint64 sequence) = 0;
    // The server refused the entry for good (422, 403): the record is marked Failed, keeping the
    // sentence and the fields at fault.
    virtual Status failEntry(qint64 sequence, const QString &error,
                             const FieldErrors &fieldErrors = {}) = 0;
    // The server deleted a record that has local edits: it becomes a conflict.
    virtual Status recordServerDeleted(const QString &id) = 0;

    // Stages one page of a pull; nothing visible changes until commitPull().
    virtual Status beginPull() = 0;
    virtual Status stagePulled(const QList<Opportunity> &page) = 0;
    // Records the server listed but kashew cannot read: their cached copies stay as they are,
    // and commitPull() does not take them for deleted.
    virtual Status keepUnreadable(const QStringList &ids) = 0;
    // Merges the staged records into the cache in one transaction; with `complete`, records the
    // server no longer has are removed (or become conflicts when edited here).
    virtual Status commitPull(bool complete) = 0;
    // A pass over all records in several requests (a feed bootstrap, a listing resumed across
    // budget windows): each page is kept at once, marked seen, merged like a pull's; only
    // completePass() takes records the pass did not see for deleted. `etags`: a version per
    // record where the server gave one (kashew-server's `etag` per item).
    virtual Status keepPulledPage(const QList<Opportunity> &page,
                                  const QHash<QString, QByteArray> &etags = {}) = 0;
    virtual Status completePass() = 0;
    virtual Status discardPass() = 0;
    // Records of a pass's page that could not be read: seen, so that completePass() does not
    // take them for deleted; their cached copies stay as they were.
    virtual Status keepUnreadableInPass(const QStringList &ids) = 0;
    // Records the server deleted (the change feed's deletions, by id): untouched ones are removed,
    // ones edited here become conflicts, as a complete pull's vanished records (MergePolicy).
    virtual Status applyServerDeletions(const QStringList &ids) = 0;
    // Merges one record fetched from the server (after a 412, say), as a pull would.
    virtual Status mergeServerRecord(const Opportunity &server, const QByteArray &etag) = 0;
    virtual Status storeAccounts(const QList<Account> &accounts) = 0;
    // Accounts changed or added (`accounts`) and deleted (`removedIds`) on the server, the others
    // kept (the change feed's; storeAccounts() replaces them all).
    virtual Status mergeAccounts(const QList<Account> &accounts, const QStringList &removedIds) = 0;
    // What the server's /users listed, replacing what it listed before (the user's own names
    // stay).
    virtual Status storeServerPeople(const QList<Person> &people) = 0;
    // The owner id the server's /users/me answered for the key.
    virtual Status storeServerMeId(const QString &id) = 0;
    // `recordVersion`: RecordVersion::of the record the history was fetched for; without it the
    // history counts as older than the record, to be fetched again when next shown.
    virtual Status storeUpdates(const QString &opportunityId,
                                const QList<OpportunityUpdate> &updates,
                                const QString &recordVersion = QString()) = 0;

protected:
    SyncJournal() = default;
    SyncJournal(const SyncJournal &) = default;
    SyncJournal &operator=(const SyncJournal &) = default;
};
