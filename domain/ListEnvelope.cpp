#include "ListEnvelope.h"

#include "JsonValueReader.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace {

std::optional<qint64> readTotal(const QJsonValue &value)
{
    QString ignored;
    if (const auto number = JsonValueReader::integer(value, &ignored); number && *number >= 0)
        return *number;
    return std::nullopt;
}

} // namespace

ListEnvelope ListEnvelope::read(const QJsonDocument &document, const QString &resourceKey)
{
    ListEnvelope page;
    if (document.isArray()) {
        page.items = document.array();
        return page;
    }
    if (!document.isObject()) {
        page.error = QCoreApplication::translate("ListEnvelope", "the response is not JSON");
        return page;
    }
    const QJsonObject object = document.object();
    const QString keys[] = {resourceKey, QStringLiteral("data"), QStringLiteral("items"),
                            QStringLiteral("results")};
    bool found = false;
    for (const QString &key : keys) {
        const QJsonValue value = object.value(key);
        if (value.isArray()) {
            page.items = value.toArray();
            found = true;
            break;
        }
    }
    if (!found) {
        page.error =
            QCoreApplication::translate("ListEnvelope", "%1: expected a list").arg(resourceKey);
        return page;
    }
    for (const QString &key :
         {QStringLiteral("totalCount"), QStringLiteral("total_count"), QStringLiteral("total")}) {
        if (object.contains(key)) {
            page.totalCount = readTotal(object.value(key));
            break;
        }
    }
    if (!page.totalCount && object.value(QStringLiteral("pagination")).isObject())
        page.totalCount = readTotal(
            object.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("total")));
    return page;
}
