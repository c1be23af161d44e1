#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>

// The kashew-server extensions a server names in the Kashew-Features header of its list
// responses (CONTRACT.md, "kashew-server extensions"). The hosted API sends no such header: it
// has none, and the client asks nothing beyond the plain API.
class ServerFeatures final
{
public:
    // GET /users and /users/me.
    static QString users() { return QStringLiteral("users"); }
    // GET /changes?since=&limit=: the change feed (commit-ordered cursors, tombstones, 410).
    static QString changes() { return QStringLiteral("changes"); }
    // The WebSocket /api/v1/events: "changes up to cursor N" as they commit.
    static QString events() { return QStringLiteral("events"); }
    // An `etag` on every item of a listing and the feed: a PUT needs no GET first.
    static QString etags() { return QStringLiteral("etags"); }

    // Reads a header's value: names separated by commas, in any case, spaces around them
    // ignored. An empty or absent header names none.
    static ServerFeatures fromHeader(const QByteArray &value);

    bool has(const QString &feature) const { return m_names.contains(feature.toLower()); }
    bool isEmpty() const { return m_names.isEmpty(); }

private:
    QSet<QString> m_names;
};
