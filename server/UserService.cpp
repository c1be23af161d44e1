#include "UserService.h"

#include "ApiLimits.h"
#include "QueryParameters.h"

namespace {

// An unknown name or email is null, so that a client tells it from an empty one.
QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject toJson(const Person &person)
{
    return QJsonObject{{QStringLiteral("id"), person.id},
                       {QStringLiteral("name"), textOrNull(person.name)},
                       {QStringLiteral("email"), textOrNull(person.email)}};
}

} // namespace

UserService::UserService(UserDirectory directory)
    : m_directory(std::move(directory))
{}

ApiResponse UserService::list(const QUrlQuery &query) const
{
    QueryParameters parameters(query);
    const int page = parameters.page();
    const int pageSize = parameters.pageSize(100, ApiLimits::maxPageSize);
    if (!parameters.errors().isEmpty())
        return ApiResponse::validation(parameters.errors(), QStringLiteral("query"));
    const QList<Person> users = m_directory.sorted();
    QJsonArray items;
    const qsizetype first = qsizetype(page - 1) * pageSize;
    for (qsizetype i = first; i < users.size() && i < first + pageSize; ++i)
        items.append(toJson(users.at(i)));
    return ApiResponse::json(200, QJsonObject{{QStringLiteral("users"), items},
                                              {QStringLiteral("totalCount"), users.size()},
                                              {QStringLiteral("page"), page},
                                              {QStringLiteral("pageSize"), pageSize}});
}

ApiResponse UserService::me(const Caller &caller) const
{
    // Every key's user is in the directory; an id alone is the fallback all the same.
    const std::optional<Person> found = m_directory.find(caller.ownerId);
    return ApiResponse::json(200, toJson(found ? *found : Person{caller.ownerId, {}, {}}));
}
