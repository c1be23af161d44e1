#include "ApiErrorBody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

ApiErrorBody ApiErrorBody::read(const QByteArray &body)
{
    ApiErrorBody error;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonValue detail = document.object().value(QStringLiteral("detail"));
    if (detail.isString()) {
        error.message = detail.toString();
    } else if (detail.isArray()) {
        QStringList sentences;
        for (const QJsonValue &entry : detail.toArray()) {
            if (entry.isString()) {
                sentences.append(entry.toString());
                continue;
            }
            const QJsonObject item = entry.toObject();
            const QJsonArray loc = item.value(QStringLiteral("loc")).toArray();
            const QString field = loc.isEmpty() ? QString() : loc.last().toVariant().toString();
            const QString message = item.value(QStringLiteral("msg")).toString();
            error.fieldErrors.append({field, message});
            sentences.append(field.isEmpty() ? message : field + QStringLiteral(": ") + message);
        }
        error.message = sentences.join(QStringLiteral("; "));
    } else if (detail.isObject()) {
        error.message =
            QString::fromUtf8(QJsonDocument(detail.toObject()).toJson(QJsonDocument::Compact));
    }
    return error;
}
