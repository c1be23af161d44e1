#pragma once

#include "ApiClient.h"
#include "Person.h"

#include <optional>

// kashew-server's people routes, /users and /users/me, which the hosted API does not have. An
// answer without error and without a value means the server has no such resource (404, 405 or
// 501), which is not a failure; a failure (network, 5xx, a body that cannot be read) comes as
// the error, naming the field that could not be read.
class UsersRequests final
{
public:
    using PeopleCallback = ApiClient::Callback<std::optional<QList<Person>>>;
    using MeCallback = ApiClient::Callback<std::optional<Person>>;

    explicit UsersRequests(ApiClient &client)
        : m_client(client)
    {}

    // Every page of /users.
    void listUsers(PeopleCallback done);
    // The calling key's own user.
    void fetchMe(MeCallback done);

    // Whether an error says the server has no such resource rather than that it failed.
    static bool isNoSuchResource(const ApiError &error);

private:
    struct Listing;
    static void listPage(ApiClient &client, const std::shared_ptr<Listing> &listing, int page);

    ApiClient &m_client;
};
