#pragma once

#include <QList>
#include <QString>

// A problem with one field of a record, named as on the wire in requests (camelCase).
struct FieldError
{
    QString field;
    QString message;

    friend bool operator==(const FieldError &a, const FieldError &b)
    {
        return a.field == b.field && a.message == b.message;
    }
};

using FieldErrors = QList<FieldError>;
