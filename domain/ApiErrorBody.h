#pragma once

#include "FieldError.h"

#include <QByteArray>
#include <QString>

// The body of an error response: {"detail": "text"} or {"detail": [{"loc", "msg", "type"}]}.
struct ApiErrorBody
{
    // The detail text, or the field messages joined into one sentence.
    QString message;
    // Field-level errors from a validation list, named by the last element of "loc".
    FieldErrors fieldErrors;

    static ApiErrorBody read(const QByteArray &body);
};
