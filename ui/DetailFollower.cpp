#include "DetailFollower.h"

#include "DetailPanel.h"
#include "HistoryFormatter.h"
#include "LocalStore.h"
#include "OpportunityListModel.h"
#include "RecordVersion.h"
#include "SyncEngine.h"

DetailFollower::DetailFollower(LocalStore &store, SyncEngine &engine,
                               const OpportunityListModel &model, DetailPanel &panel,
                               QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_engine(engine)
    , m_model(model)
    , m_panel(panel)
{
    connect(&engine, &SyncEngine::detailFetched, this, &DetailFollower::fetched);
    connect(&engine, &SyncEngine::finished, this, &DetailFollower::syncFinished);
    connect(&store, &LocalStore::accountsChanged, this, [this] { m_accountNames.reset(); });
    // New names or avatars for the owner and the people in the history.
    connect(&model, &OpportunityListModel::peopleChanged, this, [this] {
        if (const auto record = m_id.isEmpty() ? std::nullopt : m_store.opportunity(m_id))
            render(record, m_store.history(m_id));
    });
}

std::optional<CachedOpportunity> DetailFollower::show(const QString &id, bool online)
{
    m_id = id;
    m_online = online;
    const auto record = id.isEmpty() ? std::nullopt : m_store.opportunity(id);
    const auto history = record ? m_store.history(id) : std::nullopt;
    render(record, history);
    if (record)
        fetchIfStale(*record, history);
    return record;
}

void DetailFollower::render(const std::optional<CachedOpportunity> &record,
                            const std::optional<StoredHistory> &history)
{
    const auto account = [this, &record](const QString &accountId) {
        const QString name = accountName(accountId);
        // An account the cache does not list (its list may be unavailable): the record's own.
        if (name.isEmpty() && record && accountId == record->opportunity.accountId)
            return record->opportunity.accountName;
        return name;
    };
    const auto owner = [this](const QString &ownerId) {
        return m_model.ownerName(ownerId);
    };
    m_panel.showRecord(record, history ? std::optional(history->updates) : std::nullopt,
                       m_model.people(), HistoryFormatter(account, owner));
}

void DetailFollower::fetchIfStale(const CachedOpportunity &record,
                                  const std::optional<StoredHistory> &history)
{
    // Edits not yet on the server have no history there; once pushed the record is newer than
    // its history and that brings it here.
    if (!m_online || record.state != SyncState::Synced)
        return;
    // The server cannot answer now: the stored history stays until a sync goes through.
    const ApiError::Kind problem = m_engine.lastError().kind;
    if (m_engine.state() == SyncEngine::State::Offline ||
        (m_engine.state() == SyncEngine::State::Error &&
         (problem == ApiError::Kind::RateLimited || problem == ApiError::Kind::Unauthorized)))
        return;
    const QString &id = record.opportunity.id;
    const QString version = RecordVersion::of(record.opportunity);
    if ((history && history->recordVersion == version) || m_inFlight.contains(id))
        return;
    const QString asked = id + QLatin1Char(' ') + version;
    if (m_asked.contains(asked))
        return;
    m_asked.insert(asked);
    m_inFlight.insert(id, asked);
    m_engine.fetchDetail(id);
}

void DetailFollower::fetched(const QString &id, const ApiError &error)
{
    // An answer stored in the cache shows itself (the cache names the record as changed).
    const QString asked = m_inFlight.take(id);
    if (!error.ok() && !asked.isEmpty())
        m_failed.insert(asked);
}

void DetailFollower::syncFinished(bool ok)
{
    if (!ok)
        return;
    // The server answers again: what failed may be asked once more, and the record shown may
    // have been passed over while the server could not answer.
    m_asked.subtract(m_failed);
    m_failed.clear();
    if (m_id.isEmpty())
        return;
    if (const auto record = m_store.opportunity(m_id))
        fetchIfStale(*record, m_store.history(m_id));
}

QString DetailFollower::accountName(const QString &id)
{
    if (!m_accountNames) {
        // Unreadable accounts are read again next time; the store says why meanwhile.
        const auto accounts = m_store.accounts();
        if (!accounts)
            return QString();
        QHash<QString, QString> names;
        for (const Account &account : *accounts)
            names.insert(account.id, account.name);
        m_accountNames = std::move(names);
    }
    return m_accountNames->value(id);
}
