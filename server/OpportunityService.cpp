#include "OpportunityService.h"

#include "ApiLimits.h"
#include "EntityTag.h"
#include "OpportunityDiff.h"
#include "OpportunityJson.h"
#include "OpportunityValidation.h"
#include "QueryParameters.h"
#include "ServerStore.h"
#include "SqlTransaction.h"

#include <QJsonDocument>
#include <QUuid>

namespace {

// If-Match: "*" or a list of entity tags, compared strongly (a weak tag never matches, as
// RFC 9110 says); empty means no precondition.
bool matches(const QByteArray &ifMatch, qint64 version)
{
    if (ifMatch.trimmed().isEmpty() || ifMatch.trimmed() == "*")
        return true;
    const QByteArray current = entityTag(version);
    for (const QByteArray &tag : ifMatch.split(',')) {
        if (tag.trimmed() == current)
            return true;
    }
    return false;
}

ApiResponse withEtag(ApiResponse response, qint64 version)
{
    response.headers.append({QByteArrayLiteral("ETag"), entityTag(version)});
    return response;
}

ApiResponse notFound()
{
    return ApiResponse::error(404, QStringLiteral("Opportunity not found"));
}

ApiResponse preconditionFailed()
{
    return ApiResponse::error(412, QStringLiteral("The opportunity has changed since the version "
                                                  "given in If-Match; fetch it again."));
}

std::optional<ApiResponse> badId(const QString &id)
{
    if (isUuid(id))
        return std::nullopt;
    return ApiResponse::validation(
        {{QStringLiteral("id"), QStringLiteral("value is not a valid UUID")}},
        QStringLiteral("path"));
}

// The request body as a JSON object, or the 422 that says why it is not one.
std::optional<QJsonObject> bodyObject(const QByteArray &body, ApiResponse *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = ApiResponse::validation(
            {{QString(), parseError.error != QJsonParseError::NoError
                             ? QStringLiteral("body is not valid JSON: ") + parseError.errorString()
                             : QStringLiteral("body must be a JSON object")}},
            QStringLiteral("body"));
        return std::nullopt;
    }
    return document.object();
}

} // namespace

OpportunityService::OpportunityService(ServerStore &store)
    : m_store(store)
{}

ApiResponse OpportunityService::databaseError(const QString &error)
{
    qWarning("kashew-server: database error: %s", qPrintable(error));
    return ApiResponse::error(500, QStringLiteral("Internal server error (database)."));
}

ApiResponse OpportunityService::list(const QUrlQuery &query, bool withEtags)
{
    QueryParameters parameters(query);
    const int page = parameters.page();
    const int pageSize = parameters.pageSize(20, ApiLimits::maxPageSize);
    OpportunityFilter filter;
    filter.setSearch(parameters.text(QStringLiteral("search")));
    const qsizetype errorsBeforeStage = parameters.errors().size();
    if (const auto stage = parameters.stage(QStringLiteral("status")))
        filter.stages = {*stage};
    // A bad stage is answered on its own, before the parameters that follow it are read.
    if (parameters.errors().size() > errorsBeforeStage)
        return ApiResponse::validation({parameters.errors().constLast()}, QStringLiteral("query"));
    filter.accountId = parameters.uuid(QStringLiteral("accountId"));
    filter.ownerId = parameters.text(QStringLiteral("ownerId"));
    filter.archived = parameters.boolean(QStringLiteral("isArchived"), false);
    if (!parameters.errors().isEmpty())
        return ApiResponse::validation(parameters.errors(), QStringLiteral("query"));

    // Each record's "etag" is what GET /opportunities/{id} sends in ETag: an edit's If-Match
    // needs no GET first.
    Result<QByteArray> body = m_store.listOpportunityPageJson(filter, page, pageSize, withEtags);
    if (!body)
        return databaseError(body.error());
    return {200, std::move(body).value(), {}};
}

ApiResponse OpportunityService::get(const QString &id)
{
    if (auto error = badId(id))
        return *error;
    const auto found = m_store.findOpportunity(id.toLower());
    if (!found)
        return databaseError(found.error());
    if (!found->has_value())
        return notFound();
    const ServerStore::StoredOpportunity &stored = **found;
    const auto updates = m_store.updates(stored.opportunity.id);
    if (!updates)
        return databaseError(updates.error());
    QJsonObject object = OpportunityJson::toResponse(stored.opportunity);
    object.insert(QStringLiteral("updates"), OpportunityJson::updatesToJson(*updates));
    return withEtag(ApiResponse::json(200, object), stored.version);
}

std::optional<ApiResponse> OpportunityService::checkWritable(Opportunity &opportunity)
{
    if (const FieldErrors errors = validateOpportunity(opportunity); !errors.isEmpty())
        return ApiResponse::validation(errors, QStringLiteral("body"));
    opportunity.accountId = opportunity.accountId.toLower();
    opportunity.accountName = QString();
    if (!opportunity.accountId.isEmpty()) {
        const auto account = m_store.findAccount(opportunity.accountId);
        if (!account)
            return databaseError(account.error());
        if (!account->has_value())
            return ApiResponse::validation(
                {{QStringLiteral("accountId"), QStringLiteral("no account has this id")}},
                QStringLiteral("body"));
        opportunity.accountName = (*account)->name;
    } else {
        opportunity.accountId = QString();
    }
    if (opportunity.leadId.isEmpty())
        opportunity.leadId = QString();
    return std::nullopt;
}

ApiResponse OpportunityService::create(const Caller &caller, const QByteArray &body,
                                       const QByteArray &idempotencyKey)
{
    SqlTransaction transaction(m_store.connectionName());
    if (!transaction.isActive())
        return databaseError(QStringLiteral("no transaction could be started"));
    const QString key = QString::fromUtf8(idempotencyKey.trimmed());
    if (!key.isEmpty()) {
        if (const Status locked = m_store.lockIdempotencyKey(caller.ownerId, key); !locked)
            return databaseError(locked.error());
        const auto found = m_store.rememberedResponse(caller.ownerId, key);
        if (!found)
            return databaseError(found.error());
        if (const std::optional<ServerStore::RememberedResponse> &remembered = *found) {
            ApiResponse replay{remembered->status, remembered->body, {}};
            replay.headers.append(
                {QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true")});
            // The headers of the first answer, as they stand now.
            const QString id = QJsonDocument::fromJson(remembered->body)
                                   .object()
                                   .value(QStringLiteral("id"))
                                   .toString();
            replay.headers.append({QByteArrayLiteral("Location"),
                                   QByteArrayLiteral("/api/v1/opportunities/") + id.toLatin1()});
            if (const auto current = m_store.findOpportunity(id); current && current->has_value())
                replay = withEtag(replay, (*current)->version);
            return replay;
        }
    }

    ApiResponse error;
    const auto object = bodyObject(body, &error);
    if (!object)
        return error;
    const OpportunityJson::Reading reading =
        OpportunityJson::read(*object, OpportunityJson::ReadMode::Request);
    if (!reading.ok())
        return ApiResponse::validation(reading.errors, QStringLiteral("body"));
    if (!reading.present.testFlag(OpportunityField::Name))
        return ApiResponse::validation({{QStringLiteral("name"), QStringLiteral("field required")}},
                                       QStringLiteral("body"));
    Opportunity opportunity = reading.opportunity;
    if (!reading.present.testFlag(OpportunityField::OwnerId))
        opportunity.ownerId = caller.ownerId;
    if (auto unfit = checkWritable(opportunity))
        return *unfit;

    opportunity.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    opportunity.createdAt = opportunity.updatedAt = m_store.nextTimestamp();
    OpportunityUpdate creation{QUuid::createUuid().toString(QUuid::WithoutBraces),
                               opportunity.createdAt, caller.ownerId,
                               OpportunityDiff::creation(opportunity)};
    if (const Status inserted = m_store.insertOpportunity(opportunity); !inserted)
        return databaseError(inserted.error());
    if (const Status recorded = m_store.insertUpdate(opportunity.id, creation); !recorded)
        return databaseError(recorded.error());
    ApiResponse created = ApiResponse::json(201, OpportunityJson::toResponse(opportunity));
    if (!key.isEmpty()) {
        if (const Status remembered =
                m_store.rememberResponse(caller.ownerId, key, {created.status, created.body});
            !remembered)
            return databaseError(remembered.error());
    }
    const auto cursor = m_store.changes().record(ChangeLog::Kind::Opportunity, {opportunity.id});
    if (!cursor)
        return databaseError(cursor.error());
    if (!transaction.commit())
        return databaseError(transaction.error());
    m_store.announceChanges(*cursor);
    created.headers.append(
        {QByteArrayLiteral("Location"),
         QByteArrayLiteral("/api/v1/opportunities/") + opportunity.id.toLatin1()});
    return withEtag(created, 1);
}

ApiResponse OpportunityService::update(const Caller &caller, const QString &id,
                                       const QByteArray &body, const QByteArray &ifMatch)
{
    if (auto error = badId(id))
        return *error;
    SqlTransaction transaction(m_store.connectionName());
    if (!transaction.isActive())
        return databaseError(QStringLiteral("no transaction could be started"));
    const auto found = m_store.findOpportunity(id.toLower(), ServerStore::Lock::ForUpdate);
    if (!found)
        return databaseError(found.error());
    if (!found->has_value())
        return notFound();
    const ServerStore::StoredOpportunity &stored = **found;
    if (!matches(ifMatch, stored.version))
        return preconditionFailed();

    ApiResponse error;
    const auto object = bodyObject(body, &error);
    if (!object)
        return error;
    const OpportunityJson::Reading reading =
        OpportunityJson::read(*object, OpportunityJson::ReadMode::Request);
    if (!reading.ok())
        return ApiResponse::validation(reading.errors, QStringLiteral("body"));

    const Opportunity &before = stored.opportunity;
    Opportunity after = before;
    OpportunityDiff::copyFields(reading.opportunity, &after, reading.present);
    if (auto unfit = checkWritable(after))
        return *unfit;
    const QList<FieldChange> changes = OpportunityDiff::changes(before, after);
    if (changes.isEmpty())
        return withEtag(ApiResponse::json(200, OpportunityJson::toResponse(before)),
                        stored.version);

    after.updatedAt = m_store.nextTimestamp();
    const qint64 version = stored.version + 1;
    const OpportunityUpdate update{QUuid::createUuid().toString(QUuid::WithoutBraces),
                                   after.updatedAt, caller.ownerId, changes};
    if (const Status updated = m_store.updateOpportunity(after, version); !updated)
        return databaseError(updated.error());
    if (const Status recorded = m_store.insertUpdate(after.id, update); !recorded)
        return databaseError(recorded.error());
    const auto cursor = m_store.changes().record(ChangeLog::Kind::Opportunity, {after.id});
    if (!cursor)
        return databaseError(cursor.error());
    if (!transaction.commit())
        return databaseError(transaction.error());
    m_store.announceChanges(*cursor);
    return withEtag(ApiResponse::json(200, OpportunityJson::toResponse(after)), version);
}

ApiResponse OpportunityService::remove(const QString &id, const QByteArray &ifMatch)
{
    if (auto error = badId(id))
        return *error;
    SqlTransaction transaction(m_store.connectionName());
    if (!transaction.isActive())
        return databaseError(QStringLiteral("no transaction could be started"));
    const auto found = m_store.findOpportunity(id.toLower(), ServerStore::Lock::ForUpdate);
    if (!found)
        return databaseError(found.error());
    if (!found->has_value())
        return notFound();
    const ServerStore::StoredOpportunity &stored = **found;
    if (!matches(ifMatch, stored.version))
        return preconditionFailed();
    if (const Status deleted = m_store.deleteOpportunity(stored.opportunity.id); !deleted)
        return databaseError(deleted.error());
    const auto cursor =
        m_store.changes().record(ChangeLog::Kind::Opportunity, {stored.opportunity.id}, true);
    if (!cursor)
        return databaseError(cursor.error());
    if (!transaction.commit())
        return databaseError(transaction.error());
    m_store.announceChanges(*cursor);
    return ApiResponse::empty(204);
}
