#pragma once

#include "FieldError.h"
#include "Stage.h"

#include <QUrlQuery>
#include <optional>

// Reads list parameters from a request's query string, collecting one error per bad parameter.
class QueryParameters final
{
public:
    explicit QueryParameters(const QUrlQuery &query);

    // The decoded value ('+' is a space, as in forms); null when absent.
    QString text(const QString &name) const;
    // page (from 1) and pageSize (clamped to 1..maxPageSize).
    int page();
    int pageSize(int defaultSize, int maxPageSize);
    // A boolean parameter, `fallback` when absent.
    bool boolean(const QString &name, bool fallback);
    // A UUID parameter; null when absent.
    QString uuid(const QString &name);
    // A stage by its exact wire name (a typo must not silently list nothing); nullopt when
    // absent, empty or invalid.
    std::optional<Stage> stage(const QString &name);

    const FieldErrors &errors() const { return m_errors; }

private:
    std::optional<qint64> integer(const QString &name);

    QUrlQuery m_query;
    FieldErrors m_errors;
};
