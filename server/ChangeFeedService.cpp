#include "ChangeFeedService.h"

#include "AccountJson.h"
#include "EntityTag.h"
#include "OpportunityJson.h"
#include "QueryParameters.h"
#include "ServerStore.h"

#include <QDateTime>
#include <algorithm>
#include <limits>

namespace {

ApiResponse databaseError(const QString &error)
{
    qWarning("kashew-server: database error: %s", qPrintable(error));
    return ApiResponse::error(500, QStringLiteral("Internal server error (database)."));
}

// An integer parameter from `minimum` to `maximum`, `fallback` when absent; a bad one adds an
// error naming it.
qint64 boundedInteger(const QueryParameters &parameters, const QString &name, qint64 fallback,
                      qint64 minimum, qint64 maximum, FieldErrors &errors)
{
    const QString text = parameters.text(name);
    if (text.isNull())
        return fallback;
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok) {
        errors.append({name, QStringLiteral("value is not a valid integer")});
        return fallback;
    }
    if (value < minimum || value > maximum) {
        errors.append(
            {name,
             maximum == std::numeric_limits<qint64>::max()
                 ? QStringLiteral("ensure this value is at least %1").arg(minimum)
                 : QStringLiteral("ensure this value is from %1 to %2").arg(minimum).arg(maximum)});
        return fallback;
    }
    return value;
}

QJsonObject entryToJson(const ChangeLog::Entry &entry)
{
    QJsonObject object{{QStringLiteral("cursor"), entry.cursor},
                       {QStringLiteral("kind"), ChangeLog::kindName(entry.kind)}};
    if (entry.deleted) {
        object.insert(QStringLiteral("op"), QStringLiteral("delete"));
        object.insert(QStringLiteral("id"), entry.id);
        return object;
    }
    object.insert(QStringLiteral("op"), QStringLiteral("upsert"));
    if (entry.kind == ChangeLog::Kind::Account) {
        object.insert(QStringLiteral("record"), AccountJson::toResponse(entry.account));
    } else {
        object.insert(QStringLiteral("record"), OpportunityJson::toResponse(entry.opportunity));
        // As GET /opportunities/{id} sends it in ETag, for a later If-Match.
        object.insert(QStringLiteral("etag"), QString::fromLatin1(entityTag(entry.version)));
    }
    return object;
}

} // namespace

ChangeFeedService::ChangeFeedService(ServerStore &store, qint64 keepTombstonesSeconds)
    : m_store(store)
    , m_keepTombstonesSeconds(keepTombstonesSeconds)
{}

ApiResponse ChangeFeedService::read(const QUrlQuery &query)
{
    const QueryParameters parameters(query);
    FieldErrors errors;
    const qint64 since = boundedInteger(parameters, QStringLiteral("since"), 0, 0,
                                        std::numeric_limits<qint64>::max(), errors);
    const auto limit = static_cast<int>(
        boundedInteger(parameters, QStringLiteral("limit"), defaultLimit, 1, maxLimit, errors));
    if (!errors.isEmpty())
        return ApiResponse::validation(errors, QStringLiteral("query"));

    // Forgotten before reading, so that the horizon this read checks covers them.
    const auto forgotten = m_store.changes().forgetTombstones(QDateTime::currentSecsSinceEpoch() -
                                                              m_keepTombstonesSeconds);
    if (!forgotten)
        return databaseError(forgotten.error());
    const auto page = m_store.changes().read(since, limit);
    if (!page)
        return databaseError(page.error());
    if (!page->followable)
        return ApiResponse::error(
            410, QStringLiteral("This cursor can no longer be followed: the deletions after it "
                                "were forgotten, or it comes from another database. Read the "
                                "changes again from since=0."));

    QJsonArray changes;
    for (const ChangeLog::Entry &entry : page->entries)
        changes.append(entryToJson(entry));
    qint64 cursor = page->entries.isEmpty() ? since : page->entries.constLast().cursor;
    // A bootstrap skips tombstones: past its last live record there may be only those (and the
    // horizon after them), which the client need not read.
    if (since == 0 && !page->hasMore)
        cursor = std::max(cursor, page->clock.last);
    return ApiResponse::json(200, QJsonObject{{QStringLiteral("changes"), changes},
                                              {QStringLiteral("cursor"), cursor},
                                              {QStringLiteral("hasMore"), page->hasMore}});
}
