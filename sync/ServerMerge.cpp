#include "ServerMerge.h"

#include "CacheDatabase.h"
#include "MergePolicy.h"
#include "Outbox.h"
#include "RecordTable.h"
#include "SqlTransaction.h"

Status ServerMerge::merge(const Opportunity &server, const QByteArray &etag, QStringList *changed)
{
    const auto cached = m_records.findAny(server.id);
    if (!cached)
        return Failure{cached.error()};
    const auto entry = m_outbox.entryFor(server.id);
    if (!entry)
        return Failure{entry.error()};
    const MergePolicy::Decision decision = MergePolicy::merge(server, etag, *cached, *entry);
    if (decision.etag) {
        if (Status stored = m_records.setEtag(server.id, *decision.etag); !stored)
            return stored;
    }
    if (decision.record) {
        changed->append(server.id);
        if (Status written = m_records.write(*decision.record); !written)
            return written;
    }
    switch (decision.entryChange) {
    case MergePolicy::Decision::EntryChange::Keep:
        return {};
    case MergePolicy::Decision::EntryChange::Remove:
        return m_outbox.remove((*entry)->sequence);
    case MergePolicy::Decision::EntryChange::Update: {
        OutboxEntry updated = **entry;
        updated.fields = decision.entryFields;
        return m_outbox.write(updated);
    }
    }
    Q_UNREACHABLE();
}

Status ServerMerge::markDeleted(const QString &id)
{
    const auto record = m_records.find(id);
    if (!record)
        return Failure{record.error()};
    if (!*record)
        return {};
    if (Status written = m_records.write(MergePolicy::deletedOnServer(**record)); !written)
        return written;
    return m_outbox.removeFor(id);
}

Result<StoreChanges> ServerMerge::mergeOne(const Opportunity &server, const QByteArray &etag)
{
    StoreChanges changes;
    changes.changed.emplace();
    changes.outbox = true;
    SqlTransaction transaction(m_db.connectionName());
    if (Status merged = merge(server, etag, &*changes.changed); !merged)
        return Failure{merged.error()};
    if (Status committed = m_db.commit(transaction); !committed)
        return Failure{committed.error()};
    return changes;
}

Result<StoreChanges> ServerMerge::deletedOnServer(const QString &id)
{
    SqlTransaction transaction(m_db.connectionName());
    if (Status marked = markDeleted(id); !marked)
        return Failure{marked.error()};
    if (Status committed = m_db.commit(transaction); !committed)
        return Failure{committed.error()};
    StoreChanges changes;
    changes.changed = QStringList{id};
    changes.outbox = true;
    return changes;
}
