#pragma once

#include "Opportunity.h"
#include "Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>

class CacheDatabase;

// Writes a pass's pulled records into the cache through SQLite's C API, inside the caller's
// transaction: QtSql names every positional value it binds (a QString::arg per value), which
// was an eighth of a first sync's time. The values are OpportunityColumns', as a QSqlQuery
// binds them.
class PulledRowWriter final
{
public:
    explicit PulledRowWriter(CacheDatabase &db)
        : m_db(db)
    {}

    // The ids of `page`, in `order` (indexes into it), into the one-column table `table`;
    // ids there already stay.
    Status insertIds(const QString &table, const QList<Opportunity> &page,
                     const QList<qsizetype> &order);
    // The records of `page` in `order` the cache does not have yet, as the server's rows with
    // their etags (NULL where none); sets `*inserted` to those written, in `order`.
    Status insertNew(const QList<Opportunity> &page, const QList<qsizetype> &order,
                     const QHash<QString, QByteArray> &etags, QList<bool> *inserted);

private:
    CacheDatabase &m_db;
};
