#pragma once

#include "DatabaseLocation.h"
#include "FaultInjector.h"
#include "UserDirectory.h"

#include <QHash>
#include <QHostAddress>
#include <QStringList>

// kashew-server's command line, parsed and checked.
struct ServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080;
    // An SQLite file (the default) or a PostgreSQL database (password from the configuration's
    // database_password or PGPASSWORD).
    DatabaseLocation database;
    // Deleted records' tombstones are kept this long for the change feed; a cursor older than a
    // forgotten tombstone is answered 410.
    qint64 keepTombstonesSeconds = 30 * 24 * 60 * 60;
    // Live events: a ping this often keeps connections open through proxies.
    int heartbeatSeconds = 20;
    QStringList apiKeys;
    QStringList readOnlyKeys;
    // Users declared with --user and in the configuration's [users] group.
    UserDirectory users;
    // The user each key names (KEY@ID, given without the @ID above); any other key stands for
    // its hashed id.
    QHash<QString, QString> keyUsers;
    int demoCount = 0;
    int requestsPerHour = 0;
    int writesPerDay = 0;
    // For tests: the request window in seconds (an hour on the hosted plans).
    int rateWindowSeconds = 3600;
    FaultInjector::Plan faults;
    bool logRequests = false;
    // 429 with only the detail text, as the hosted API documents it.
    bool omitRetryAfter = false;
    // Idempotency-Key is not honoured, as on servers that ignore it.
    bool ignoreIdempotencyKey = false;
    // Serves the hosted API's dialect only: no Kashew-Features, change feed, events or etags.
    bool noExtensions = false;
    // A connection that brings no whole request within this long is closed.
    int idleTimeoutSeconds = 30;
    // Connections open at once; more are answered 503 and closed.
    int maxConnections = 128;

    // Parses the application's arguments; on a mistake prints it with the usage and exits.
    static ServerOptions parse(const QStringList &arguments);
};
