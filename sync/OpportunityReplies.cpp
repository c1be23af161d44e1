#include "OpportunityReplies.h"

#include "ListEnvelope.h"
#include "OpportunityJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace {

// Translated in this class's context, where lupdate files the tr() calls.
QString tr(const char *text)
{
    return QCoreApplication::translate("OpportunityReplies", text);
}

} // namespace

ApiClient::OpportunityPage
OpportunityReplies::readPage(const QJsonDocument &json, const ServerFeatures &features,
                             bool archived, ApiClient::PageRequest pageRequest, ApiError *error)
{
    ApiClient::OpportunityPage page;
    page.requestedPageSize = pageRequest.pageSize;
    const ListEnvelope envelope = ListEnvelope::read(json, QStringLiteral("opportunities"));
    if (!envelope.ok()) {
        error->kind = ApiError::Kind::BadResponse;
        error->message = envelope.error;
        return page;
    }
    page.totalCount = envelope.totalCount;
    const bool withEtags = features.has(ServerFeatures::etags());
    page.items.reserve(envelope.items.size());
    page.order.reserve(envelope.items.size());
    for (qsizetype i = 0; i < envelope.items.size(); ++i) {
        const QJsonObject object = envelope.items.at(i).toObject();
        const auto reading = OpportunityJson::readListed(object, archived);
        page.order.append(OpportunityJson::idOf(object));
        if (withEtags) {
            if (const QJsonValue etag = object.value(QStringLiteral("etag")); etag.isString())
                page.etags.insert(page.order.constLast(), etag.toString().toUtf8());
        }
        if (reading.ok()) {
            page.items.append(reading.opportunity);
            if (!reading.present.testFlag(OpportunityField::IsArchived))
                page.archivedByFilter.insert(reading.opportunity.id);
            continue;
        }
        // One record that cannot be read costs only itself: it is left out and named.
        const QString id = OpportunityJson::idOf(object);
        QString description = OpportunityJson::describeErrors(id, reading.errors);
        if (id.isEmpty())
            description +=
                QLatin1Char(' ') + tr("(item %1 of page %2)").arg(i + 1).arg(pageRequest.page);
        page.unreadable.append({id, reading.errors, description});
    }
    if (!page.unreadable.isEmpty()) {
        error->kind = ApiError::Kind::BadResponse;
        error->fieldErrors = page.unreadable.first().errors;
        error->message = ApiClient::unreadableMessage(page.unreadable);
    }
    return page;
}

std::optional<ApiClient::Detail>
OpportunityReplies::readDetail(const QJsonDocument &json, const QByteArray &etag, ApiError *error)
{
    QJsonObject object = json.object();
    // Some servers wrap a single record too.
    for (const QString &key : {QStringLiteral("opportunity"), QStringLiteral("data")}) {
        if (object.value(key).isObject())
            object = object.value(key).toObject();
    }
    const auto reading = OpportunityJson::read(object, OpportunityJson::ReadMode::Response);
    if (!reading.ok()) {
        error->kind = ApiError::Kind::BadResponse;
        error->fieldErrors = reading.errors;
        error->message = tr("The server sent an opportunity kashew cannot read: %1")
                             .arg(OpportunityJson::describeErrors(OpportunityJson::idOf(object),
                                                                  reading.errors));
        return std::nullopt;
    }
    ApiClient::Detail detail;
    detail.opportunity = reading.opportunity;
    detail.present = reading.present;
    detail.etag = etag;
    FieldErrors updateErrors;
    detail.updates =
        OpportunityJson::readUpdates(object.value(QStringLiteral("updates")), &updateErrors);
    return detail;
}
