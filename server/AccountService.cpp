#include "AccountService.h"

#include "AccountJson.h"
#include "ApiLimits.h"
#include "JsonValueReader.h"
#include "OpportunityFilter.h"
#include "OpportunityValidation.h"
#include "QueryParameters.h"
#include "ServerStore.h"
#include "SqlTransaction.h"

#include <QJsonDocument>
#include <QUuid>

namespace {

const QStringList accountStatuses{QStringLiteral("Active"), QStringLiteral("Inactive")};

} // namespace

AccountService::AccountService(ServerStore &store)
    : m_store(store)
{}

ApiResponse AccountService::databaseError(const QString &error)
{
    qWarning("kashew-server: database error: %s", qPrintable(error));
    return ApiResponse::error(500, QStringLiteral("Internal server error (database)."));
}

ApiResponse AccountService::list(const QUrlQuery &query)
{
    QueryParameters parameters(query);
    const int page = parameters.page();
    const int pageSize = parameters.pageSize(100, ApiLimits::maxPageSize);
    AccountFilter filter;
    // Folded as accounts' name_folded is: accents and case aside.
    filter.search = OpportunityFilter::fold(parameters.text(QStringLiteral("search")).trimmed());
    filter.status = parameters.text(QStringLiteral("status"));
    if (!filter.status.isEmpty() && !accountStatuses.contains(filter.status))
        return ApiResponse::validation(
            {{QStringLiteral("status"), QStringLiteral("expected Active or Inactive")}},
            QStringLiteral("query"));
    filter.type = parameters.text(QStringLiteral("type"));
    filter.ownerId = parameters.text(QStringLiteral("ownerId"));
    filter.archived = parameters.boolean(QStringLiteral("isArchived"), false);
    if (!parameters.errors().isEmpty())
        return ApiResponse::validation(parameters.errors(), QStringLiteral("query"));
    const auto result = m_store.listAccounts(filter, page, pageSize);
    if (!result)
        return databaseError(result.error());
    QJsonArray items;
    for (const Account &account : result->items)
        items.append(AccountJson::toResponse(account));
    return ApiResponse::json(200, QJsonObject{{QStringLiteral("accounts"), items},
                                              {QStringLiteral("totalCount"), result->totalCount},
                                              {QStringLiteral("page"), page},
                                              {QStringLiteral("pageSize"), pageSize}});
}

ApiResponse AccountService::get(const QString &id)
{
    if (!isUuid(id))
        return ApiResponse::validation(
            {{QStringLiteral("id"), QStringLiteral("value is not a valid UUID")}},
            QStringLiteral("path"));
    const auto found = m_store.findAccount(id.toLower());
    if (!found)
        return databaseError(found.error());
    if (!found->has_value())
        return ApiResponse::error(404, QStringLiteral("Account not found"));
    return ApiResponse::json(200, AccountJson::toResponse(**found));
}

ApiResponse AccountService::create(const Caller &caller, const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return ApiResponse::validation({{QString(), QStringLiteral("body must be a JSON object")}},
                                       QStringLiteral("body"));
    // The reader wants the server-owned fields; the request does not carry them.
    QJsonObject object = document.object();
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    object.insert(QStringLiteral("id"), id);
    object.remove(QStringLiteral("created_at"));
    object.remove(QStringLiteral("createdAt"));
    FieldErrors errors;
    Account account = AccountJson::read(object, &errors);
    if (errors.isEmpty()) {
        if (const QString error = nameError(account.name); !error.isEmpty())
            errors.append({QStringLiteral("name"), error});
        if (!accountStatuses.contains(account.status))
            errors.append(
                {QStringLiteral("status"), QStringLiteral("expected Active or Inactive")});
    }
    if (!errors.isEmpty())
        return ApiResponse::validation(errors, QStringLiteral("body"));
    if (account.ownerId.isEmpty())
        account.ownerId = caller.ownerId;
    account.createdAt = QDateTime::currentDateTimeUtc();
    SqlTransaction transaction(m_store.connectionName());
    if (const Status inserted = m_store.insertAccount(account); !inserted)
        return databaseError(inserted.error());
    const auto cursor = m_store.changes().record(ChangeLog::Kind::Account, {account.id});
    if (!cursor)
        return databaseError(cursor.error());
    if (!transaction.commit())
        return databaseError(transaction.error());
    m_store.announceChanges(*cursor);
    return ApiResponse::json(201, AccountJson::toResponse(account));
}
