#include "ChangesRequests.h"

#include "AccountJson.h"
#include "OpportunityJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ChangesRequests", text);
}

// An integer the feed sent as a JSON number (or none).
std::optional<qint64> integerOf(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    const auto integer = static_cast<qint64>(number);
    if (static_cast<double>(integer) != number || integer < 0)
        return std::nullopt;
    return integer;
}

// One entry of the feed into `page`.
void readEntry(const QJsonObject &entry, qsizetype index, ChangesRequests::Page *page)
{
    const QString kind = entry.value(QStringLiteral("kind")).toString();
    const QString op = entry.value(QStringLiteral("op")).toString();
    const QJsonObject record = entry.value(QStringLiteral("record")).toObject();
    const bool deleted = op == QLatin1String("delete");
    const bool upserted = op == QLatin1String("upsert");
    if (kind == QLatin1String("account")) {
        // Names are a convenience: an account that cannot be read is left out, as the listing
        // of /accounts would be refused.
        if (deleted && !OpportunityJson::idOf(entry).isEmpty())
            page->deletedAccounts.append(OpportunityJson::idOf(entry));
        FieldErrors errors;
        const Account account = AccountJson::read(record, &errors);
        if (upserted && errors.isEmpty())
            page->accounts.append(account);
        return;
    }
    if (kind != QLatin1String("opportunity"))
        return; // a newer server's kind of record, which this client does not keep
    if (deleted) {
        const QString id = OpportunityJson::idOf(entry);
        if (!id.isEmpty()) {
            page->deleted.append(id);
            return;
        }
    } else if (upserted) {
        const OpportunityJson::Reading reading =
            OpportunityJson::read(record, OpportunityJson::ReadMode::Response);
        if (reading.ok()) {
            page->upserted.append(reading.opportunity);
            const QByteArray etag = entry.value(QStringLiteral("etag")).toString().toUtf8();
            if (!etag.isEmpty())
                page->etags.insert(reading.opportunity.id, etag);
            return;
        }
        const QString id = OpportunityJson::idOf(record);
        page->unreadable.append(
            {id, reading.errors, OpportunityJson::describeErrors(id, reading.errors)});
        if (id.isEmpty())
            page->unreadable.last().description +=
                QLatin1Char(' ') + tr("(entry %1 of the change feed)").arg(index + 1);
        return;
    }
    // A deletion without an id, or an operation this client does not know: the record it
    // names cannot be kept up to date.
    const QString id = deleted ? QString() : OpportunityJson::idOf(record);
    const FieldErrors errors{
        {deleted ? QStringLiteral("id") : QStringLiteral("op"),
         deleted ? QStringLiteral("is missing") : QStringLiteral("is not a known operation")}};
    page->unreadable.append({id, errors,
                             OpportunityJson::describeErrors(id, errors) + QLatin1Char(' ') +
                                 tr("(entry %1 of the change feed)").arg(index + 1)});
}

} // namespace

void ChangesRequests::read(qint64 since, int limit, PageCallback done)
{
    m_client.send(
        "GET", QStringLiteral("/changes"),
        {{QStringLiteral("since"), QString::number(since)},
         {QStringLiteral("limit"), QString::number(limit)}},
        {}, {}, [done](ApiError error, const ApiClient::Response &response) {
            Page page;
            if (!error.ok())
                return done(error, page);
            const QJsonObject object = response.json.object();
            const QJsonValue changes = object.value(QStringLiteral("changes"));
            const std::optional<qint64> cursor = integerOf(object.value(QStringLiteral("cursor")));
            if (!changes.isArray() || !cursor) {
                error.kind = ApiError::Kind::BadResponse;
                error.mayHaveLanded = false;
                error.message = tr("The server's change feed cannot be read: %1 is missing.")
                                    .arg(changes.isArray() ? QStringLiteral("cursor")
                                                           : QStringLiteral("changes"));
                return done(error, page);
            }
            page.cursor = *cursor;
            page.hasMore = object.value(QStringLiteral("hasMore")).toBool(false);
            for (const QString &name : {QStringLiteral("totalCount"), QStringLiteral("total")}) {
                if (const auto total = integerOf(object.value(name)))
                    page.total = *total;
            }
            const QJsonArray entries = changes.toArray();
            for (qsizetype i = 0; i < entries.size(); ++i)
                readEntry(entries.at(i).toObject(), i, &page);
            if (!page.unreadable.isEmpty()) {
                error.kind = ApiError::Kind::BadResponse;
                error.fieldErrors = page.unreadable.first().errors;
                error.message = ApiClient::unreadableMessage(page.unreadable);
            }
            done(error, page);
        });
}
