#pragma once

#include "ApiKeyring.h"
#include "ApiResponse.h"

#include <QUrlQuery>

class ServerStore;

// The Accounts resource, as far as the client needs it: list, read and create.
class AccountService final
{
public:
    explicit AccountService(ServerStore &store);

    ApiResponse list(const QUrlQuery &query);
    ApiResponse get(const QString &id);
    ApiResponse create(const Caller &caller, const QByteArray &body);

private:
    // A 500 for a failed database operation; `error` goes to the log only.
    static ApiResponse databaseError(const QString &error);

    ServerStore &m_store;
};
