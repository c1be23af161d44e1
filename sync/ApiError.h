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
    // The request never left this computer: the connection was refused, the host unknown, or
    // the client refused to send it.
    bool unsent = false;

    bool ok() const { return kind == Kind::None; }
    // Whether the server may have carried the request out although no good answer came back:
    // not when it was never sent, nor when the server refused it (4xx).
    bool mayHaveBeenApplied() const
    {
        return !ok() && !unsent && !(httpStatus >= 400 && httpStatus < 500);
    }
    // Worth trying again later without anything changing on our side.
    bool isTransient() const
    {
        return kind == Kind::Network || kind == Kind::Timeout || kind == Kind::Server ||
               kind == Kind::RateLimited;
    }
};
