#pragma once

#include "ApiKeyring.h"
#include "ApiResponse.h"
#include "UserDirectory.h"

#include <QUrlQuery>

// kashew-server's users resource (an extension; the hosted API has none): GET /users lists the
// people behind the keys, GET /users/me answers the calling key's own user.
class UserService final
{
public:
    explicit UserService(UserDirectory directory);

    ApiResponse list(const QUrlQuery &query) const;
    ApiResponse me(const Caller &caller) const;

private:
    UserDirectory m_directory;
};
