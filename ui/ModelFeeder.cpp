#include "ModelFeeder.h"

#include "LocalStore.h"
#include "OpportunityListModel.h"

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
    QList<OpportunityRow> rows;
    const QList<CachedOpportunity> records = m_store.opportunities();
    rows.reserve(records.size());
    for (const CachedOpportunity &record : records)
        rows.append(rowOf(record));
    m_model.resetRows(std::move(rows));
}

void ModelFeeder::refresh(const QStringList &ids)
{
    if (ids.size() > 2000)
        return reload();
    QList<OpportunityRow> rows;
    QStringList gone;
    for (const QString &id : ids) {
        if (const auto record = m_store.opportunity(id))
            rows.append(rowOf(*record));
        else
            gone.append(id);
    }
    m_model.upsertRows(rows);
    m_model.removeIds(gone);
}
