#include "LocalStore.h"

#include "AccountTable.h"
#include "CacheSchema.h"
#include "HistoryTable.h"
#include "LocalEdits.h"
#include "ModelRowReader.h"
#include "Outbox.h"
#include "PeopleTable.h"
#include "PullStaging.h"
#include "PushBookkeeping.h"
#include "RecordTable.h"
#include "ServerMerge.h"
#include "SettingsTable.h"
#include "VanishedRecords.h"

// The parts, each over the one connection; the tables before what builds on them.
struct LocalStore::Parts
{
    CacheDatabase db;
    RecordTable records{db};
    Outbox outbox{db};
    AccountTable accounts{db};
    HistoryTable histories{db};
    SettingsTable settings{db};
    PeopleTable people{db, settings};
    ServerMerge merge{db, records, outbox};
    PullStaging pull{db, records, outbox, merge};
    VanishedRecords vanished{db, records, outbox, merge};
    PushBookkeeping push{db, records, outbox};
    LocalEdits edits{db, records, outbox, accounts};
};

LocalStore::LocalStore(QObject *parent)
    : QObject(parent)
    , m_parts(std::make_unique<Parts>())
{}

LocalStore::~LocalStore() = default;

LocalStore::OpenResult LocalStore::open(const QString &path, Check check)
{
    return m_parts->db.open(path, check);
}

LocalStore::OpenResult LocalStore::recoverFromDamage(const QString &damage)
{
    OpenResult result = m_parts->db.recoverFromDamage(damage);
    if (result.ok) {
        emit accountsChanged();
        emit peopleChanged();
        emit outboxChanged(pendingCount());
    }
    return result;
}

QString LocalStore::path() const
{
    return m_parts->db.path();
}

int LocalStore::schemaVersion()
{
    return CacheSchema::version();
}

template <typename T> Result<T> LocalStore::reported(Result<T> read)
{
    if (!read)
        emit readFailed(read.error());
    return read;
}

template <typename T> T LocalStore::valueOr(Result<T> read, T none)
{
    if (!read) {
        emit readFailed(read.error());
        return none;
    }
    return std::move(read).value();
}

Status LocalStore::announce(Result<StoreChanges> changes)
{
    if (!changes)
        return Failure{changes.error()};
    if (changes->renamed)
        emit opportunityIdChanged(changes->renamed->first, changes->renamed->second);
    if (changes->changed)
        emit opportunitiesChanged(*changes->changed);
    if (!changes->removed.isEmpty())
        emit opportunitiesRemoved(changes->removed);
    if (changes->accounts)
        emit accountsChanged();
    if (changes->people)
        emit peopleChanged();
    if (changes->outbox)
        emit outboxChanged(pendingCount());
    return {};
}

std::optional<CachedOpportunity> LocalStore::opportunity(const QString &id)
{
    return valueOr(m_parts->records.find(id), std::optional<CachedOpportunity>());
}

Result<std::optional<CachedOpportunity>> LocalStore::findOpportunity(const QString &id)
{
    return reported(m_parts->records.find(id));
}

Result<QList<CachedOpportunity>> LocalStore::findOpportunities(const QStringList &ids)
{
    return reported(m_parts->records.findMany(ids));
}

Result<QList<CachedOpportunity>> LocalStore::opportunities()
{
    return reported(m_parts->records.all());
}

Result<QList<OpportunityRow>> LocalStore::newestRows(int limit, StringPool &pool)
{
    return reported(ModelRowReader(m_parts->db, pool).newest(limit));
}

Result<ModelRowReader::Page> LocalStore::rowsAfter(qint64 rowid, int limit, StringPool &pool)
{
    return reported(ModelRowReader(m_parts->db, pool).after(rowid, limit));
}

Result<QList<OpportunityRow>> LocalStore::rowsWithIds(const QStringList &ids, StringPool &pool)
{
    return reported(ModelRowReader(m_parts->db, pool).withIds(ids));
}

qint64 LocalStore::opportunityCount()
{
    return valueOr(m_parts->records.count(), qint64(0));
}

Result<QList<Account>> LocalStore::accounts()
{
    return reported(m_parts->accounts.all());
}

std::optional<StoredHistory> LocalStore::history(const QString &opportunityId)
{
    return valueOr(m_parts->histories.find(opportunityId), std::optional<StoredHistory>());
}

std::optional<QList<OpportunityUpdate>> LocalStore::updates(const QString &opportunityId)
{
    std::optional<StoredHistory> stored = history(opportunityId);
    if (!stored)
        return std::nullopt;
    return std::move(stored->updates);
}

Result<QList<OutboxEntry>> LocalStore::outbox()
{
    return reported(m_parts->outbox.all());
}

std::optional<OutboxEntry> LocalStore::entryFor(const QString &id)
{
    return valueOr(m_parts->outbox.entryFor(id), std::optional<OutboxEntry>());
}

QByteArray LocalStore::etagOf(const QString &id)
{
    return valueOr(m_parts->records.etagOf(id), QByteArray());
}

int LocalStore::pendingCount()
{
    return valueOr(m_parts->outbox.count(), 0);
}

std::optional<QString> LocalStore::renamedTo(const QString &oldId)
{
    return valueOr(m_parts->push.renamedTo(oldId), std::optional<QString>());
}

QString LocalStore::setting(const QString &key)
{
    return valueOr(m_parts->settings.value(key), std::optional<QString>()).value_or(QString());
}

Status LocalStore::setSetting(const QString &key, const QString &value)
{
    return m_parts->settings.setValue(key, value);
}

std::optional<PullProgress> LocalStore::pullProgress()
{
    return PullProgress::fromJson(setting(QStringLiteral("pull/progress")).toUtf8());
}

Status LocalStore::setPullProgress(const std::optional<PullProgress> &progress)
{
    return setSetting(QStringLiteral("pull/progress"),
                      progress ? QString::fromUtf8(progress->toJson()) : QString());
}

Result<PeopleBook> LocalStore::people() const
{
    return m_parts->people.book();
}

Result<QList<KnownPerson>> LocalStore::knownPeople() const
{
    return m_parts->people.all();
}

Status LocalStore::setLocalPerson(const Person &person)
{
    return announce(m_parts->people.setLocalName(person.id, person.name));
}

Status LocalStore::setLocalMeId(const QString &id)
{
    return announce(m_parts->people.setLocalMeId(id));
}

Status LocalStore::storeServerPeople(const QList<Person> &people)
{
    return announce(m_parts->people.replaceServerPeople(people));
}

Status LocalStore::storeServerMeId(const QString &id)
{
    return announce(m_parts->people.setServerMeId(id));
}

Result<QString> LocalStore::createOpportunity(Opportunity opportunity)
{
    Result<StoreChanges> created = m_parts->edits.create(std::move(opportunity));
    const QString id = created ? created->changed->first() : QString();
    if (Status announced = announce(std::move(created)); !announced)
        return Failure{announced.error()};
    return id;
}

Status LocalStore::editOpportunity(const QString &id, const Opportunity &edited,
                                   OpportunityFields fields)
{
    return announce(m_parts->edits.edit(id, edited, fields));
}

Status LocalStore::deleteOpportunity(const QString &id)
{
    return announce(m_parts->edits.remove(id));
}

Result<QStringList> LocalStore::applyBatch(const RecordBatch &batch)
{
    QStringList created;
    if (Status applied = announce(m_parts->edits.apply(batch, &created)); !applied)
        return Failure{applied.error()};
    return created;
}

Status LocalStore::resolveConflict(const QString &id, const Opportunity &chosen)
{
    return announce(m_parts->edits.resolveConflict(id, chosen));
}

Status LocalStore::discardEdits(const QString &id)
{
    return announce(m_parts->edits.discard(id));
}

Status LocalStore::retryFailed(const QString &id)
{
    return announce(m_parts->edits.retryFailed(id));
}

Status LocalStore::beginPull()
{
    return m_parts->pull.begin();
}

Status LocalStore::stagePulled(const QList<Opportunity> &page)
{
    return m_parts->pull.stage(page);
}

Status LocalStore::keepUnreadable(const QStringList &ids)
{
    return m_parts->pull.keepUnreadable(ids);
}

Status LocalStore::commitPull(bool complete)
{
    return announce(m_parts->pull.commit(complete));
}

Status LocalStore::keepPulledPage(const QList<Opportunity> &page,
                                  const QHash<QString, QByteArray> &etags)
{
    return announce(m_parts->pull.keepPage(page, etags));
}

Status LocalStore::completePass()
{
    return announce(m_parts->pull.completePass());
}

Status LocalStore::discardPass()
{
    return m_parts->pull.discardPass();
}

Status LocalStore::keepUnreadableInPass(const QStringList &ids)
{
    return m_parts->pull.markSeen(ids);
}

Status LocalStore::applyServerDeletions(const QStringList &ids)
{
    return announce(m_parts->vanished.dropIds(ids));
}

Status LocalStore::mergeServerRecord(const Opportunity &server, const QByteArray &etag)
{
    return announce(m_parts->merge.mergeOne(server, etag));
}

Status LocalStore::recordServerDeleted(const QString &id)
{
    return announce(m_parts->merge.deletedOnServer(id));
}

Status LocalStore::storeAccounts(const QList<Account> &accounts)
{
    return announce(m_parts->accounts.replace(accounts));
}

Status LocalStore::mergeAccounts(const QList<Account> &accounts, const QStringList &removedIds)
{
    return announce(m_parts->accounts.merge(accounts, removedIds));
}

Status LocalStore::storeUpdates(const QString &opportunityId,
                                const QList<OpportunityUpdate> &updates,
                                const QString &recordVersion)
{
    return announce(m_parts->histories.store(opportunityId, updates, recordVersion));
}

Status LocalStore::markAttempt(qint64 sequence, const QJsonObject &body)
{
    return m_parts->outbox.markAttempt(sequence, body);
}

Status LocalStore::settleAttempt(qint64 sequence)
{
    return m_parts->outbox.settle(sequence);
}

Status LocalStore::completeEntry(qint64 sequence, const Opportunity &server, const QByteArray &etag)
{
    return announce(m_parts->push.complete(sequence, server, etag));
}

Status LocalStore::completeDelete(qint64 sequence)
{
    return announce(m_parts->push.completeDelete(sequence));
}

Status LocalStore::failEntry(qint64 sequence, const QString &error, const FieldErrors &fieldErrors)
{
    return announce(m_parts->push.fail(sequence, error, fieldErrors));
}
