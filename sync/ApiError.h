#pragma once

#include "FieldError.h"

#include <QString>

// Why a request to the API did not succeed, as a value the UI can turn into a sentence and a
// way on.
struct ApiError
{
    enum class Kind
    {
        None,
        // No connection: offline, refused, DNS. Retried; the app stays usable.
        Network,
        // The server did not answer in time.
        Timeout,
        // 401: the key is wrong or revoked.
        Unauthorized,
        // 403: the key may only read.
        Forbidden,
        // 404
        NotFound,
        // 412: the record changed on the server since we last saw it.
        PreconditionFailed,
        // 422: fieldErrors says which fields.
        Validation,
        // 429: retryAfterSeconds says how long to wait.
        RateLimited,
        // Not sent: the key's request budget (RequestBudget, counted by the client) has nothing
        // left for it; retryAfterSeconds says when the window frees enough. Never reached the
        // server (mayHaveLanded is false).
        OverBudget,
        // 5xx
        Server,
        // A response that could not be read; message names the field.
        BadResponse,
        // The key would have gone over plain http:// to a remote host.
        Insecure,
        // Any other status.
        Other,
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString message;
    FieldErrors fieldErrors;
    int retryAfterSeconds = 0;
    // Whether the server may have carried the request out although no good answer came back.
    // Unless known otherwise it may have; it certainly was not when every attempt of it never
    // left this computer (refused connection, unknown host, refused by the client) or was
    // refused by the server (4xx).
    bool mayHaveLanded = true;

    bool ok() const { return kind == Kind::None; }
    bool mayHaveBeenApplied() const { return !ok() && mayHaveLanded; }
    // Worth trying again later without anything changing on our side.
    bool isTransient() const
    {
        return kind == Kind::Network || kind == Kind::Timeout || kind == Kind::Server ||
               kind == Kind::RateLimited || kind == Kind::OverBudget;
    }
};
