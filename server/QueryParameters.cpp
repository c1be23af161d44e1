#include "QueryParameters.h"

#include "JsonValueReader.h"
#include "OpportunityValidation.h"

#include <QCoreApplication>
#include <algorithm>

QueryParameters::QueryParameters(const QUrlQuery &query)
    : m_query(query)
{}

QString QueryParameters::text(const QString &name) const
{
    if (!m_query.hasQueryItem(name))
        return QString();
    QString encoded = m_query.queryItemValue(name, QUrl::FullyEncoded);
    encoded.replace(QLatin1Char('+'), QLatin1Char(' '));
    return QUrl::fromPercentEncoding(encoded.toUtf8());
}

std::optional<qint64> QueryParameters::integer(const QString &name)
{
    const QString value = text(name);
    if (value.isNull())
        return std::nullopt;
    bool ok = false;
    const qint64 number = value.trimmed().toLongLong(&ok);
    if (!ok) {
        m_errors.append(
            {name, QCoreApplication::translate("QueryParameters", "value is not a valid integer")});
        return std::nullopt;
    }
    return number;
}

int QueryParameters::page()
{
    const auto page = integer(QStringLiteral("page"));
    if (page && (*page < 1 || *page > 1000000000)) {
        m_errors.append(
            {QStringLiteral("page"),
             QCoreApplication::translate("QueryParameters", "ensure this value is at least 1")});
        return 1;
    }
    return static_cast<int>(page.value_or(1));
}

int QueryParameters::pageSize(int defaultSize, int maxPageSize)
{
    const auto size = integer(QStringLiteral("pageSize"));
    return static_cast<int>(std::clamp<qint64>(size.value_or(defaultSize), 1, maxPageSize));
}

bool QueryParameters::boolean(const QString &name, bool fallback)
{
    const QString value = text(name);
    if (value.isNull())
        return fallback;
    const auto parsed = JsonValueReader::parseBoolean(value);
    if (!parsed) {
        m_errors.append(
            {name, QCoreApplication::translate("QueryParameters", "value could not be parsed to a "
                                                                  "boolean")});
        return fallback;
    }
    return *parsed;
}

QString QueryParameters::uuid(const QString &name)
{
    const QString value = text(name);
    if (value.isEmpty())
        return QString();
    if (!isUuid(value)) {
        m_errors.append(
            {name, QCoreApplication::translate("QueryParameters", "value is not a valid UUID")});
        return QString();
    }
    return value.toLower();
}

std::optional<Stage> QueryParameters::stage(const QString &name)
{
    const QString value = text(name);
    if (value.isEmpty())
        return std::nullopt;
    const auto stage = Stages::fromId(value);
    if (!stage || Stages::id(*stage) != value) {
        m_errors.append({name, QStringLiteral("value is not a valid stage: expected one of "
                                              "prospecting, qualification, proposal, negotiation, "
                                              "closed_won, closed_lost")});
        return std::nullopt;
    }
    return stage;
}
