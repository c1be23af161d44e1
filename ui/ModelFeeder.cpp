#include "ModelFeeder.h"

#include "LocalStore.h"
#include "OpportunityListModel.h"

#include <QSet>
#include <limits>

namespace {

bool sameRow(const OpportunityRow &a, const OpportunityRow &b)
{
    return a.state == b.state && a.syncError == b.syncError && a.opportunity == b.opportunity;
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
    m_pageTimer.setSingleShot(true);
    m_pageTimer.setInterval(0);
    connect(&m_pageTimer, &QTimer::timeout, this, &ModelFeeder::nextPage);
}

void ModelFeeder::reload()
{
    // A cache that cannot be read is not an empty pipeline: the list keeps what it shows, and the
    // store's readFailed says why (the window's banner).
    // One page of everything: read straight into the list the model keeps, which grows in place
    // (realloc), rather than pages copied into it and freed. Not squeezed: the room it grew
    // beyond its rows is address space never touched, where a squeeze would copy every row once
    // more and hold both copies at its peak.
    auto page = m_store.rowsAfter(0, std::numeric_limits<int>::max(), m_pool);
    if (!page)
        return;
    QList<OpportunityRow> rows = std::move(page).value().rows;
    const bool wasPaging = m_paging;
    m_paging = false; // everything is read: a page still scheduled has nothing to add
    m_pageTimer.stop();
    m_model.resetRows(std::move(rows));
    if (wasPaging)
        finishPaging();
}

void ModelFeeder::loadFirstScreen(int count)
{
    auto rows = m_store.newestRows(count, m_pool);
    if (!rows)
        return;
    m_model.resetRows(std::move(rows).value());
}

void ModelFeeder::pageIn(int pageSize)
{
    m_pageSize = pageSize;
    m_cursor = 0;
    m_paging = true;
    m_pageTimer.start();
}

void ModelFeeder::nextPage()
{
    if (!m_paging)
        return;
    auto page = m_store.rowsAfter(m_cursor, m_pageSize, m_pool);
    if (!page) { // readFailed says why; what is shown stays
        finishPaging();
        return;
    }
    m_cursor = page->last;
    QList<OpportunityRow> rows = std::move(page).value().rows;
    // Rows the model has already (the first screen, a change announced meanwhile) and that
    // read the same are left alone: no dataChanged for what did not change.
    rows.removeIf([this](const OpportunityRow &row) {
        const int at = m_model.rowOf(row.opportunity.id);
        return at >= 0 && sameRow(m_model.rowAt(at), row);
    });
    m_model.upsertRows(std::move(rows));
    if (page->end)
        finishPaging();
    else
        m_pageTimer.start();
}

void ModelFeeder::finishPaging()
{
    m_paging = false;
    m_model.announceLoaded();
    emit pagingFinished();
}

void ModelFeeder::refresh(const QStringList &ids)
{
    // One lean read of all the ids (a bulk change names thousands), not one per id nor the whole
    // cache. A read that fails leaves the rows as shown; an id not read is gone.
    auto rows = m_store.rowsWithIds(ids, m_pool);
    if (!rows)
        return;
    QSet<QString> found;
    found.reserve(rows->size());
    for (const OpportunityRow &row : *rows)
        found.insert(row.opportunity.id);
    QStringList gone;
    for (const QString &id : ids) {
        if (!found.contains(id))
            gone.append(id);
    }
    m_model.upsertRows(std::move(rows).value());
    m_model.removeIds(gone);
}
