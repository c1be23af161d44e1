#pragma once

#include "ApiError.h"

#include <QByteArray>

class QNetworkReply;

// What a finished reply means as an ApiError: the HTTP status and the body's detail read into a
// kind, a sentence and, for a 429, how long to wait (Retry-After, else the detail text).
class ReplyError final
{
public:
    // `timedOut`: the transfer timeout ended the reply. No error for a 2xx that arrived whole.
    static ApiError of(QNetworkReply *reply, const QByteArray &body, bool timedOut);
};
