#include "ModelFeeder.h"

#include "LocalStore.h"
#include "OpportunityListModel.h"

#include <QSet>

namespace {

OpportunityRow rowOf(const CachedOpportunity &record)
{
    return OpportunityRow{record.opportunity, record.state, record.syncError};
}

} // namespace

ModelFeeder::ModelFeeder(LocalStore &store, OpportunityListModel &model, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_model(model)
{
    connect(&store, &LocalStore::opportunitiesChanged, this, &ModelFeeder::refresh);
    connect(&store, &LocalStore::opportunitiesRemoved, &model, &OpportunityListModel::removeIds);
    connect(&store, &LocalStore::opportunityIdChanged, &model, &OpportunityListModel::renameId);
}

void ModelFeeder::reload()
{
    // A cache that cannot be read is not an empty pipeline: the list keeps what it shows, and the
    // store's readFailed says why (the window's banner).
    const auto records = m_store.opportunities();
    if (!records)
        return;
    QList<OpportunityRow> rows;
    rows.reserve(records->size());
    for (const CachedOpportunity &record : *records)
        rows.append(rowOf(record));
    m_model.resetRows(std::move(rows));
}

void ModelFeeder::refresh(const QStringList &ids)
{
    // One read of all the ids (a bulk change names thousands), not one per id nor the whole
    // cache. A read that fails leaves the rows as shown; an id not read is gone.
    const auto records = m_store.findOpportunities(ids);
    if (!records)
        return;
    QList<OpportunityRow> rows;
    rows.reserve(records->size());
    QSet<QString> found;
    found.reserve(records->size());
    for (const CachedOpportunity &record : *records) {
        rows.append(rowOf(record));
        found.insert(record.opportunity.id);
    }
    QStringList gone;
    for (const QString &id : ids) {
        if (!found.contains(id))
            gone.append(id);
    }
    m_model.upsertRows(rows);
    m_model.removeIds(gone);
}
