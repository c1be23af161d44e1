#include "UsersRequests.h"

#include "ApiLimits.h"
#include "ListEnvelope.h"
#include "PersonJson.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UsersRequests", text);
}

ApiError badResponse(const FieldErrors &errors)
{
    ApiError error;
    error.kind = ApiError::Kind::BadResponse;
    error.mayHaveLanded = false;
    error.fieldErrors = errors;
    error.message = tr("The server sent a person whose %1 cannot be read: %2")
                        .arg(errors.first().field, errors.first().message);
    return error;
}

} // namespace

// One listing of every page, shared by the requests of its pages.
struct UsersRequests::Listing
{
    PeopleCallback done;
    QList<Person> people;
    QSet<QString> ids;
};

bool UsersRequests::isNoSuchResource(const ApiError &error)
{
    return error.httpStatus == 404 || error.httpStatus == 405 || error.httpStatus == 501;
}

void UsersRequests::listUsers(PeopleCallback done)
{
    auto listing = std::make_shared<Listing>();
    listing->done = std::move(done);
    listPage(m_client, listing, 1);
}

void UsersRequests::listPage(ApiClient &client, const std::shared_ptr<Listing> &listing, int page)
{
    constexpr int pageSize = ApiLimits::maxPageSize;
    client.send(
        "GET", QStringLiteral("/users"),
        {{QStringLiteral("page"), QString::number(page)},
         {QStringLiteral("pageSize"), QString::number(pageSize)}},
        {}, {},
        [&client, listing, page](const ApiError &error, const ApiClient::Response &response) {
            if (!error.ok()) {
                if (isNoSuchResource(error))
                    return listing->done(ApiError{}, std::nullopt);
                return listing->done(error, std::nullopt);
            }
            const ListEnvelope envelope =
                ListEnvelope::read(response.json, QStringLiteral("users"));
            if (!envelope.ok()) {
                ApiError bad;
                bad.kind = ApiError::Kind::BadResponse;
                bad.message = envelope.error;
                return listing->done(bad, std::nullopt);
            }
            bool newOnes = false;
            for (const QJsonValue &item : envelope.items) {
                FieldErrors errors;
                const Person person = PersonJson::read(item.toObject(), &errors);
                if (!errors.isEmpty())
                    return listing->done(badResponse(errors), std::nullopt);
                if (listing->ids.contains(person.id))
                    continue;
                listing->ids.insert(person.id);
                listing->people.append(person);
                newOnes = true;
            }
            // A server that ignores paging sends the same page again: that is the end too.
            const qsizetype count = listing->people.size();
            const bool more = newOnes && (envelope.totalCount ? count < *envelope.totalCount
                                                              : envelope.items.size() >= pageSize);
            if (more)
                return listPage(client, listing, page + 1);
            listing->done(ApiError{}, listing->people);
        });
}

void UsersRequests::fetchMe(MeCallback done)
{
    m_client.send("GET", QStringLiteral("/users/me"), {}, {}, {},
                  [done](const ApiError &error, const ApiClient::Response &response) {
                      if (!error.ok()) {
                          if (isNoSuchResource(error))
                              return done(ApiError{}, std::nullopt);
                          return done(error, std::nullopt);
                      }
                      QJsonObject object = response.json.object();
                      // Some servers wrap a single object.
                      for (const QString &key : {QStringLiteral("user"), QStringLiteral("data")}) {
                          if (object.value(key).isObject())
                              object = object.value(key).toObject();
                      }
                      FieldErrors errors;
                      const Person me = PersonJson::read(object, &errors);
                      if (!errors.isEmpty())
                          return done(badResponse(errors), std::nullopt);
                      done(ApiError{}, me);
                  });
}
