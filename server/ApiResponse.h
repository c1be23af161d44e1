#pragma once

#include "FieldError.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

// One HTTP response as kashew-server builds it, before faults and transport.
struct ApiResponse
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static ApiResponse json(int status, const QJsonObject &object);
    static ApiResponse empty(int status);
    // {"detail": "text"}
    static ApiResponse error(int status, const QString &detail);
    // 422 with {"detail": [{"loc": [location, field], "msg", "type"}]}
    static ApiResponse validation(const FieldErrors &errors, const QString &location);
};
