#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QString>
#include <optional>

// One page of a list response, unwrapped from whichever envelope the server uses:
// {"<resource>": [...]}, {"data"|"items"|"results": [...]}, or a bare array; the total as
// totalCount, total, pagination.total, or absent.
struct ListEnvelope
{
    QJsonArray items;
    std::optional<qint64> totalCount;
    // Empty when the page was readable; otherwise why not.
    QString error;

    bool ok() const { return error.isEmpty(); }

    static ListEnvelope read(const QJsonDocument &document, const QString &resourceKey);
};
