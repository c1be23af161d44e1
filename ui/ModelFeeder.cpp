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
    if (ids.size() > 2000)
        return reload();
    QList<OpportunityRow> rows;
    QStringList gone;
    for (const QString &id : ids) {
        // A record that cannot be read stays as shown; only one not there is gone.
        const auto record = m_store.findOpportunity(id);
        if (!record)
            continue;
        if (*record)
            rows.append(rowOf(**record));
        else
            gone.append(id);
    }
    m_model.upsertRows(rows);
    m_model.removeIds(gone);
}
