#include "VanishedRecords.h"

#include "CacheDatabase.h"
#include "MergePolicy.h"
#include "Outbox.h"
#include "RecordTable.h"
#include "ServerMerge.h"
#include "SqlNullText.h"
#include "SqlTransaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

std::optional<OutboxEntry::Operation> operationFromText(const QString &text)
{
    if (text.isNull())
        return std::nullopt;
    return OutboxEntry::operationFromName(text);
}

} // namespace

Status VanishedRecords::drop(const QString &condition, const QVariantList &values,
                             QStringList *changed, QStringList *removed)
{
    struct Gone
    {
        QString id;
        std::optional<OutboxEntry::Operation> operation;
        SyncState state = SyncState::Synced;
    };
    QList<Gone> gone;
    {
        QSqlQuery vanished = m_db.query();
        vanished.setForwardOnly(true);
        vanished.prepare(
            QStringLiteral("SELECT o.id, x.operation, o.sync_state FROM opportunities o"
                           " LEFT JOIN outbox x ON x.opportunity_id = o.id WHERE ") +
            condition);
        for (const QVariant &value : values)
            vanished.addBindValue(value);
        if (!vanished.exec())
            return CacheDatabase::failure(QStringLiteral("merging a pull"),
                                          vanished.lastError().text());
        while (vanished.next())
            gone.append({vanished.value(0).toString(),
                         operationFromText(SqlNullText::textOrNull(vanished.value(1))),
                         static_cast<SyncState>(vanished.value(2).toInt())});
    }
    for (const Gone &record : std::as_const(gone)) {
        switch (MergePolicy::vanished(record.operation, record.state)) {
        case MergePolicy::Vanished::Keep:
            break;
        case MergePolicy::Vanished::Remove:
            if (Status dropped = m_records.remove(record.id); !dropped)
                return dropped;
            if (record.operation) {
                if (Status dropped = m_outbox.removeFor(record.id); !dropped)
                    return dropped;
            }
            removed->append(record.id);
            break;
        case MergePolicy::Vanished::Conflict:
            if (Status marked = m_merge.markDeleted(record.id); !marked)
                return marked;
            changed->append(record.id);
            break;
        }
    }
    return {};
}

Result<StoreChanges> VanishedRecords::dropIds(const QStringList &ids)
{
    StoreChanges changes;
    changes.changed.emplace();
    SqlTransaction transaction(m_db.connectionName());
    for (const QString &id : ids) {
        if (Status dropped =
                drop(QStringLiteral("o.id = ?"), {id}, &*changes.changed, &changes.removed);
            !dropped)
            return Failure{dropped.error()};
    }
    if (Status committed = m_db.commit(transaction); !committed)
        return Failure{committed.error()};
    if (changes.changed->isEmpty())
        changes.changed.reset();
    changes.outbox = true;
    return changes;
}
