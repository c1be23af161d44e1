#pragma once

#include "ApiError.h"
#include "CachedOpportunity.h"
#include "StoredHistory.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <optional>

class DetailPanel;
class LocalStore;
class OpportunityListModel;
class SyncEngine;

// Shows the selected record in the detail panel and keeps its updates history current. The
// history is fetched when it is missing or older than the record (changed since by a pull, or by
// an edit of ours once pushed, in this session or an earlier one). Each version of a record is
// fetched at most once per session, and a failed fetch is tried again only after a sync went
// through, so neither a failing server nor being offline makes it loop; meanwhile the stored
// history is shown as it is. The panel shows a newer history when the cache says it arrived.
class DetailFollower final : public QObject
{
    Q_OBJECT

public:
    explicit DetailFollower(LocalStore &store, SyncEngine &engine,
                            const OpportunityListModel &model, DetailPanel &panel,
                            QObject *parent = nullptr);

    // Shows `id` (none when empty or not in the cache) and fetches its history if it needs to
    // and `online` (the app has a server). Returns the record shown.
    std::optional<CachedOpportunity> show(const QString &id, bool online);

private:
    // Shows the record and its history as stored, fetching nothing.
    void render(const std::optional<CachedOpportunity> &record,
                const std::optional<StoredHistory> &history);
    void fetchIfStale(const CachedOpportunity &record, const std::optional<StoredHistory> &history);
    void fetched(const QString &id, const ApiError &error);
    void syncFinished(bool ok);
    QString accountName(const QString &id);

    LocalStore &m_store;
    SyncEngine &m_engine;
    const OpportunityListModel &m_model;
    DetailPanel &m_panel;
    QString m_id;
    bool m_online = false;
    // Record versions ("id version") whose history was asked for in this session.
    QSet<QString> m_asked;
    // Of those, the ones whose fetch failed: asked again once a sync went through.
    QSet<QString> m_failed;
    // Fetches under way: record id to the version asked for.
    QHash<QString, QString> m_inFlight;
    std::optional<QHash<QString, QString>> m_accountNames;
};
