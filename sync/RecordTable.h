#pragma once

#include "CachedOpportunity.h"
#include "Result.h"

#include <QStringList>
#include <optional>

class CacheDatabase;

// The cached opportunities, one row each: the record as shown (with the user's edits), the base
// they started from and where the record stands with the server. A row the user deleted stays
// hidden until the server has the delete.
class RecordTable final
{
public:
    explicit RecordTable(CacheDatabase &db)
        : m_db(db)
    {}

    // A shown record; none when there is no such row or it is hidden.
    Result<std::optional<CachedOpportunity>> find(const QString &id) const;
    // Hidden rows too, as pending (a delete waiting to go out).
    Result<std::optional<CachedOpportunity>> findAny(const QString &id) const;
    // The shown records among `ids`, in the order of `ids`; an id without one is not there or
    // hidden. A few statements for thousands of ids.
    Result<QList<CachedOpportunity>> findMany(const QStringList &ids) const;
    Result<QList<CachedOpportunity>> all() const;
    Result<qint64> count() const;
    // Hidden rows too; empty when unknown.
    Result<QByteArray> etagOf(const QString &id) const;

    // Writes the whole row, shown. `baseJson`: the base already in its stored form.
    Status write(const CachedOpportunity &record, const QString &baseJson = QString());
    // The row and its history.
    Status remove(const QString &id);
    Status setHidden(const QString &id, bool hidden, SyncState state);
    Status setEtag(const QString &id, const QByteArray &etag);
    // A delete goes out against the server's newest version.
    Status setServerVersion(const QString &id, const Opportunity &base, const QByteArray &etag);
    Status markFailed(const QString &id, const QString &error, const FieldErrors &fieldErrors);
    // The refused records with an entry in the outbox: all, or the one named.
    Result<QStringList> failedIds(const QString &id) const;
    // A refused record goes out again.
    Status clearFailure(const QString &id);

private:
    CacheDatabase &m_db;
};
