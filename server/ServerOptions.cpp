#include "ServerOptions.h"

#include "ApiKeyring.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void exitWithUsage(const QCommandLineParser &parser, const QString &message)
{
    std::fprintf(stderr, "kashew-server: %s\n\n%s", qPrintable(message),
                 qPrintable(parser.helpText()));
    std::exit(2);
}

double parseRate(const QCommandLineParser &parser, const QString &text, const QString &option)
{
    bool ok = false;
    const double rate = text.toDouble(&ok);
    if (!ok || rate < 0 || rate > 1)
        exitWithUsage(
            parser, QStringLiteral("--%1 takes a share from 0 to 1, not \"%2\"").arg(option, text));
    return rate;
}

int parseCount(const QCommandLineParser &parser, const QString &text, const QString &option)
{
    bool ok = false;
    const int count = text.toInt(&ok);
    if (!ok || count < 0)
        exitWithUsage(
            parser,
            QStringLiteral("--%1 takes a whole number of 0 or more, not \"%2\"").arg(option, text));
    return count;
}

// "30d", "12h", "90m", "45s", or days alone: a duration in seconds of at least one second.
qint64 parseDuration(const QCommandLineParser &parser, const QString &text, const QString &option)
{
    static const QRegularExpression form(QStringLiteral("^\\s*(\\d{1,9})\\s*([smhd]?)\\s*$"));
    const QRegularExpressionMatch match = form.match(text);
    if (!match.hasMatch() || match.captured(1).toLongLong() < 1)
        exitWithUsage(parser, QStringLiteral("--%1 takes a duration such as 30d, 12h, 90m or 45s, "
                                             "not \"%2\"")
                                  .arg(option, text));
    const QString unit = match.captured(2);
    const qint64 scale = unit == QLatin1String("s")   ? 1
                         : unit == QLatin1String("m") ? 60
                         : unit == QLatin1String("h") ? 60 * 60
                                                      : 24 * 60 * 60;
    return match.captured(1).toLongLong() * scale;
}

// The [server] group of a configuration file, every value as text, and its [users].
struct ConfigFile
{
    QMap<QString, QString> values;
    UserDirectory users;

    bool has(const QString &key) const { return values.contains(key); }
    QString value(const QString &key) const { return values.value(key).trimmed(); }
    // Several keys in one value, separated by commas or spaces.
    QStringList list(const QString &key) const
    {
        return value(key).split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    }
    // listen and port as the command line's host:port.
    QString listen() const
    {
        const QString host = value(QStringLiteral("listen"));
        const QString port = value(QStringLiteral("port"));
        return (host.isEmpty() ? QStringLiteral("127.0.0.1") : host) + QLatin1Char(':') +
               (port.isEmpty() ? QStringLiteral("8080") : port);
    }
};

ConfigFile readConfig(const QCommandLineParser &parser, const QString &path)
{
    if (!QFileInfo(path).isReadable())
        exitWithUsage(parser, QStringLiteral("--config: cannot read %1").arg(path));
    const QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        exitWithUsage(parser, QStringLiteral("--config: %1 is not a valid INI file").arg(path));
    const QStringList known{QStringLiteral("listen"),        QStringLiteral("port"),
                            QStringLiteral("database"),      QStringLiteral("api_key"),
                            QStringLiteral("read_only_key"), QStringLiteral("rate_limit"),
                            QStringLiteral("idle_timeout"),  QStringLiteral("max_connections"),
                            QStringLiteral("database_password"),
                            QStringLiteral("keep_tombstones"), QStringLiteral("heartbeat")};
    ConfigFile file;
    const QLatin1String usersGroup("users/");
    for (const QString &key : settings.allKeys()) {
        // An unquoted value with commas reads as a list.
        const QVariant value = settings.value(key);
        const bool isList = value.typeId() == QMetaType::QStringList;
        if (key.startsWith(usersGroup)) {
            // "ID=Name <email>": INI keys keep ids such as auth0|5f1c as they are.
            const QString id = key.mid(usersGroup.size());
            const auto user = UserDirectory::parse(
                id + QLatin1Char('=') +
                (isList ? value.toStringList().join(QStringLiteral(", ")) : value.toString()));
            if (!user)
                exitWithUsage(parser,
                              QStringLiteral("--config: %1 [users]: %2").arg(path, user.error()));
            file.users.add(*user);
            continue;
        }
        const QString name = key.section(QLatin1Char('/'), 1);
        if (!key.startsWith(QLatin1String("server/")) || !known.contains(name))
            exitWithUsage(parser,
                          QStringLiteral("--config: %1 has an unknown setting \"%2\"; "
                                         "[server] takes %3, and [users] takes ID=Name <email>")
                              .arg(path, key, known.join(QStringLiteral(", "))));
        file.values.insert(name,
                           isList ? value.toStringList().join(QLatin1Char(',')) : value.toString());
    }
    if (file.has(QStringLiteral("port")) && !file.has(QStringLiteral("listen")))
        file.values.insert(QStringLiteral("listen"), QString());
    return file;
}

// Takes the user off keys given as KEY@ID (split at the last '@'), into `keyUsers`; the user
// must be declared. Returns the keys alone.
QStringList takeKeyUsers(const QCommandLineParser &parser, const QStringList &keys,
                         const QString &option, const UserDirectory &users,
                         QHash<QString, QString> *keyUsers)
{
    QStringList bare;
    for (const QString &text : keys) {
        const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
        const QString key = at < 0 ? text : text.left(at);
        if (at >= 0) {
            const QString id = text.mid(at + 1);
            if (!users.find(id))
                exitWithUsage(parser, QStringLiteral("%1 %2@%3: no --user or [users] entry "
                                                     "declares the user \"%3\"")
                                          .arg(option, ApiKeyring::masked(key), id));
            keyUsers->insert(key, id);
        }
        bare.append(key);
    }
    return bare;
}

} // namespace

ServerOptions ServerOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "kashew-server: a self-hostable server for the kashew.ai Opportunities API (/api/v1).\n"
        "Serves plain HTTP; for exposure beyond this machine put a TLS reverse proxy in front."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address and port to listen on; port 0 picks a "
                                                   "free one (default 127.0.0.1:8080)."),
                                    QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8080"));
    const QCommandLineOption database(
        QStringLiteral("database"),
        QStringLiteral("SQLite database file (created if missing), or a PostgreSQL database: "
                       "postgresql://USER@HOST:PORT/DB (the password from the configuration's "
                       "database_password or PGPASSWORD, never here)."),
        QStringLiteral("file|url"));
    const QCommandLineOption keepTombstones(
        QStringLiteral("keep-tombstones"),
        QStringLiteral("Keep deleted records in the change feed this long, e.g. 30d, 12h, 90s "
                       "(default 30d); a client whose cursor is older downloads everything "
                       "again."),
        QStringLiteral("DURATION"), QStringLiteral("30d"));
    const QCommandLineOption heartbeat(
        QStringLiteral("heartbeat"),
        QStringLiteral("Ping live-event connections every SECONDS (1 to 3600, default 20), so "
                       "that proxies keep them open."),
        QStringLiteral("SECONDS"), QStringLiteral("20"));
    const QCommandLineOption apiKey(
        QStringLiteral("api-key"),
        QStringLiteral("Accept this key for reading and writing (repeatable); KEY@ID makes it a "
                       "key of the user ID (see --user)."),
        QStringLiteral("key[@ID]"));
    const QCommandLineOption readOnlyKey(
        QStringLiteral("read-only-key"),
        QStringLiteral("Accept this key for reading only (repeatable); KEY@ID as for --api-key."),
        QStringLiteral("key[@ID]"));
    const QCommandLineOption user(
        QStringLiteral("user"),
        QStringLiteral("Declare a user, the owner id their keys write, listed by GET /users "
                       "(repeatable; the email is optional), e.g. \"auth0|5f1c=Ana Souza "
                       "<ana@example.com>\"."),
        QStringLiteral("ID=Name <email>"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Fill an empty database with N realistic "
                                                 "opportunities (fixed seed)."),
                                  QStringLiteral("N"));
    const QCommandLineOption rateLimit(
        QStringLiteral("rate-limit"),
        QStringLiteral("Emulate a hosted plan: requests per hour and, optionally, writes per day "
                       "per key; past it, 429 with Retry-After."),
        QStringLiteral("REQUESTS_PER_HOUR[,WRITES_PER_DAY]"));
    const QCommandLineOption rateWindow(
        QStringLiteral("rate-window"),
        QStringLiteral("For testing: count --rate-limit's requests over this many seconds "
                       "instead of an hour."),
        QStringLiteral("SECONDS"), QStringLiteral("3600"));
    const QCommandLineOption faultError(
        QStringLiteral("fault-error"),
        QStringLiteral("For testing: answer 500 without doing the work to this share of requests."),
        QStringLiteral("share"));
    const QCommandLineOption faultCut(
        QStringLiteral("fault-cut"),
        QStringLiteral("For testing: do the work, then cut the connection halfway through the "
                       "response, for this share of requests."),
        QStringLiteral("share"));
    const QCommandLineOption faultDelay(
        QStringLiteral("fault-delay"),
        QStringLiteral("For testing: do the work, then hold the response back MS milliseconds, "
                       "for this share of requests."),
        QStringLiteral("share,MS"));
    const QCommandLineOption faultSeed(QStringLiteral("fault-seed"),
                                       QStringLiteral("For testing: seed of the fault choices."),
                                       QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption noRetryAfter(
        QStringLiteral("no-retry-after"),
        QStringLiteral(
            "Answer 429 without a Retry-After header, only the detail text, as the hosted "
            "API documents it."));
    const QCommandLineOption ignoreIdempotency(
        QStringLiteral("ignore-idempotency-key"),
        QStringLiteral("For testing: do not honour Idempotency-Key, as some servers do not."));
    const QCommandLineOption noExtensions(
        QStringLiteral("no-extensions"),
        QStringLiteral("For testing: serve only what the hosted API has (no Kashew-Features "
                       "header, change feed, live events or per-item etags)."));
    const QCommandLineOption faultMalformed(
        QStringLiteral("fault-malformed"),
        QStringLiteral(
            "For testing: do the work, then send a response whose records cannot be read "
            "(an unknown stage; other bodies become HTML), for this share of requests."),
        QStringLiteral("share"));
    const QCommandLineOption idleTimeout(
        QStringLiteral("idle-timeout"),
        QStringLiteral("Close a connection that brings no whole request within this many seconds "
                       "(1 to 3600; more time for a large body as it arrives; default 30)."),
        QStringLiteral("SECONDS"), QStringLiteral("30"));
    const QCommandLineOption maxConnections(
        QStringLiteral("max-connections"),
        QStringLiteral("Connections open at once; past it, a new one is answered 503 with "
                       "Retry-After and closed (default 128)."),
        QStringLiteral("N"), QStringLiteral("128"));
    const QCommandLineOption logRequests(QStringLiteral("log-requests"),
                                         QStringLiteral("Log every request to standard error."));
    const QCommandLineOption config(
        QStringLiteral("config"),
        QStringLiteral("Read listen, port, database, database_password, api_key, read_only_key, "
                       "rate_limit, idle_timeout, max_connections, keep_tombstones and heartbeat "
                       "from the [server] group of this INI "
                       "file (the packaged service's way, so that keys stay off the command "
                       "line), and users (ID=Name <email>) from its [users] group; options given "
                       "here win."),
        QStringLiteral("file"));
    parser.addOptions({config, listen, database, apiKey, readOnlyKey, user, demo, rateLimit,
                       rateWindow, faultError, faultCut, faultDelay, faultSeed, noRetryAfter,
                       ignoreIdempotency, faultMalformed, idleTimeout, maxConnections,
                       logRequests, keepTombstones, heartbeat, noExtensions});
    parser.process(arguments);
    if (!parser.positionalArguments().isEmpty())
        exitWithUsage(parser, QStringLiteral("unexpected argument \"%1\"")
                                  .arg(parser.positionalArguments().constFirst()));

    const ConfigFile file =
        parser.isSet(config) ? readConfig(parser, parser.value(config)) : ConfigFile();
    ServerOptions options;
    const QString listenText = parser.isSet(listen) || !file.has(QStringLiteral("listen"))
                                   ? parser.value(listen)
                                   : file.listen();
    const qsizetype colon = listenText.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = colon < 0 ? 0 : listenText.mid(colon + 1).toUInt(&portOk);
    QString host = colon < 0 ? QString() : listenText.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (!portOk || port > 65535 || !options.address.setAddress(host))
        exitWithUsage(parser,
                      parser.isSet(listen) || !file.has(QStringLiteral("listen"))
                          ? QStringLiteral("--listen takes host:port, e.g. 127.0.0.1:8080, not "
                                           "\"%1\"")
                                .arg(listenText)
                          : QStringLiteral("listen and port in %1 must be an address and a port "
                                           "from 0 to 65535, not \"%2\"")
                                .arg(parser.value(config), listenText));
    options.port = static_cast<quint16>(port);

    QString databaseText =
        parser.isSet(database) ? parser.value(database) : file.value(QStringLiteral("database"));
    if (databaseText.isEmpty())
        databaseText = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                       QStringLiteral("/kashew-server.sqlite");
    const auto location = DatabaseLocation::parse(databaseText);
    if (!location)
        exitWithUsage(parser, (parser.isSet(database) ? QStringLiteral("--database: ")
                                                      : QStringLiteral("database in %1: ")
                                                            .arg(parser.value(config))) +
                                  location.error());
    options.database = *location;
    if (options.database.isPostgres()) {
        options.database.password = file.has(QStringLiteral("database_password"))
                                        ? file.value(QStringLiteral("database_password"))
                                        : qEnvironmentVariable("PGPASSWORD");
    }
    const QString keepText =
        parser.isSet(keepTombstones) || !file.has(QStringLiteral("keep_tombstones"))
            ? parser.value(keepTombstones)
            : file.value(QStringLiteral("keep_tombstones"));
    options.keepTombstonesSeconds = parseDuration(parser, keepText, QStringLiteral("keep-tombstones"));
    const QString heartbeatText = parser.isSet(heartbeat) || !file.has(QStringLiteral("heartbeat"))
                                      ? parser.value(heartbeat)
                                      : file.value(QStringLiteral("heartbeat"));
    options.heartbeatSeconds = parseCount(parser, heartbeatText, QStringLiteral("heartbeat"));
    if (options.heartbeatSeconds < 1 || options.heartbeatSeconds > 3600)
        exitWithUsage(parser,
                      QStringLiteral("--heartbeat takes seconds from 1 to 3600, not \"%1\"")
                          .arg(heartbeatText));
    // The file's users and the command line's together; the command line wins for an id.
    options.users = file.users;
    for (const QString &declaration : parser.values(user)) {
        const auto declared = UserDirectory::parse(declaration);
        if (!declared)
            exitWithUsage(parser, QStringLiteral("--user: %1").arg(declared.error()));
        options.users.add(*declared);
    }
    const auto keysFrom = [&](const QCommandLineOption &option, const QString &setting) {
        return parser.isSet(option)
                   ? takeKeyUsers(parser, parser.values(option),
                                  QStringLiteral("--") + option.names().constFirst(), options.users,
                                  &options.keyUsers)
                   : takeKeyUsers(parser, file.list(setting),
                                  QStringLiteral("%1 in %2").arg(setting, parser.value(config)),
                                  options.users, &options.keyUsers);
    };
    options.apiKeys = keysFrom(apiKey, QStringLiteral("api_key"));
    options.readOnlyKeys = keysFrom(readOnlyKey, QStringLiteral("read_only_key"));
    for (const QString &key : options.apiKeys + options.readOnlyKeys) {
        if (key.trimmed().isEmpty() || key.contains(QLatin1Char(' ')))
            exitWithUsage(parser, QStringLiteral("an API key must be non-empty, without spaces"));
    }
    if (options.apiKeys.isEmpty() && options.readOnlyKeys.isEmpty())
        exitWithUsage(parser, parser.isSet(config)
                                  ? QStringLiteral("%1 sets no api_key or read_only_key, and no "
                                                   "--api-key is given: every request needs one")
                                        .arg(parser.value(config))
                                  : QStringLiteral("give at least one --api-key or "
                                                   "--read-only-key: every request needs one"));
    if (parser.isSet(demo))
        options.demoCount = parseCount(parser, parser.value(demo), QStringLiteral("demo"));
    const QString rateLimitText = parser.isSet(rateLimit)
                                      ? parser.value(rateLimit)
                                      : file.value(QStringLiteral("rate_limit"));
    if (!rateLimitText.isEmpty()) {
        const QStringList parts = rateLimitText.split(QLatin1Char(','));
        if (parts.size() > 2)
            exitWithUsage(parser, QStringLiteral("--rate-limit takes REQUESTS_PER_HOUR or "
                                                 "REQUESTS_PER_HOUR,WRITES_PER_DAY"));
        options.requestsPerHour = parseCount(parser, parts.at(0), QStringLiteral("rate-limit"));
        if (parts.size() == 2)
            options.writesPerDay = parseCount(parser, parts.at(1), QStringLiteral("rate-limit"));
    }
    options.rateWindowSeconds =
        parseCount(parser, parser.value(rateWindow), QStringLiteral("rate-window"));
    if (options.rateWindowSeconds < 1)
        exitWithUsage(parser, QStringLiteral("--rate-window takes at least 1 second"));
    const QString idleText = parser.isSet(idleTimeout) || !file.has(QStringLiteral("idle_timeout"))
                                 ? parser.value(idleTimeout)
                                 : file.value(QStringLiteral("idle_timeout"));
    options.idleTimeoutSeconds = parseCount(parser, idleText, QStringLiteral("idle-timeout"));
    if (options.idleTimeoutSeconds < 1 || options.idleTimeoutSeconds > 3600)
        exitWithUsage(parser, QStringLiteral("--idle-timeout takes seconds from 1 to 3600, not "
                                             "\"%1\"")
                                  .arg(idleText));
    const QString connectionsText =
        parser.isSet(maxConnections) || !file.has(QStringLiteral("max_connections"))
            ? parser.value(maxConnections)
            : file.value(QStringLiteral("max_connections"));
    options.maxConnections = parseCount(parser, connectionsText, QStringLiteral("max-connections"));
    if (options.maxConnections < 1)
        exitWithUsage(parser, QStringLiteral("--max-connections takes a whole number of 1 or "
                                             "more, not \"%1\"")
                                  .arg(connectionsText));
    if (parser.isSet(faultError))
        options.faults.errorRate =
            parseRate(parser, parser.value(faultError), QStringLiteral("fault-error"));
    if (parser.isSet(faultCut))
        options.faults.cutRate =
            parseRate(parser, parser.value(faultCut), QStringLiteral("fault-cut"));
    if (parser.isSet(faultDelay)) {
        const QStringList parts = parser.value(faultDelay).split(QLatin1Char(','));
        if (parts.size() != 2)
            exitWithUsage(parser, QStringLiteral("--fault-delay takes share,MS, e.g. 0.2,1500"));
        options.faults.delayRate = parseRate(parser, parts.at(0), QStringLiteral("fault-delay"));
        options.faults.delayMs = parseCount(parser, parts.at(1), QStringLiteral("fault-delay"));
    }
    options.faults.seed = static_cast<quint32>(
        parseCount(parser, parser.value(faultSeed), QStringLiteral("fault-seed")));
    options.logRequests = parser.isSet(logRequests);
    options.omitRetryAfter = parser.isSet(noRetryAfter);
    options.ignoreIdempotencyKey = parser.isSet(ignoreIdempotency);
    options.noExtensions = parser.isSet(noExtensions);
    if (parser.isSet(faultMalformed))
        options.faults.malformedRate =
            parseRate(parser, parser.value(faultMalformed), QStringLiteral("fault-malformed"));
    return options;
}
