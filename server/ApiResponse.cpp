#include "ApiResponse.h"

#include <QJsonDocument>

ApiResponse ApiResponse::json(int status, const QJsonObject &object)
{
    return {status, QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

ApiResponse ApiResponse::empty(int status)
{
    return {status, {}, {}};
}

ApiResponse ApiResponse::error(int status, const QString &detail)
{
    return json(status, QJsonObject{{QStringLiteral("detail"), detail}});
}

ApiResponse ApiResponse::validation(const FieldErrors &errors, const QString &location)
{
    QJsonArray detail;
    for (const FieldError &error : errors) {
        QJsonArray loc{location};
        if (!error.field.isEmpty())
            loc.append(error.field);
        detail.append(QJsonObject{{QStringLiteral("loc"), loc},
                                  {QStringLiteral("msg"), error.message},
                                  {QStringLiteral("type"), QStringLiteral("value_error")}});
    }
    return json(422, QJsonObject{{QStringLiteral("detail"), detail}});
}
