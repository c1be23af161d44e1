#include "CliCommands.h"

#include "ApiClient.h"
#include "CliOutput.h"
#include "CliSync.h"
#include "JsonValueReader.h"
#include "KeychainCredentialStore.h"
#include "LocalStore.h"
#include "OpportunityDiff.h"
#include "OpportunityFilter.h"
#include "OpportunityJson.h"
#include "OpportunityValidation.h"
#include "Profile.h"
#include "StageProbabilities.h"
#include "SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTimer>

namespace {

using CliOutput::err;
using CliOutput::out;
using CliOutput::usage;

// A unique record from a full id or the start of one.
std::optional<CachedOpportunity> findRecord(LocalStore &store, const QString &idOrPrefix,
                                            QString *problem)
{
    if (auto exact = store.opportunity(idOrPrefix))
        return exact;
    // The id `new` printed, after a sync gave the record the server's id.
    if (const auto renamed = store.renamedTo(idOrPrefix)) {
        if (auto exact = store.opportunity(*renamed))
            return exact;
    }
    std::optional<CachedOpportunity> found;
    for (const CachedOpportunity &record : store.opportunities()) {
        if (record.opportunity.id.startsWith(idOrPrefix, Qt::CaseInsensitive)) {
            if (found) {
                *problem =
                    QStringLiteral("'%1' matches more than one opportunity; give more of the id")
                        .arg(idOrPrefix);
                return std::nullopt;
            }
            found = record;
        }
    }
    if (!found)
        *problem = QStringLiteral("no opportunity with id '%1'").arg(idOrPrefix);
    return found;
}

// "field=value" pairs read through the same tolerant reader and validation as everything else.
std::optional<OpportunityJson::Reading> readAssignments(const QStringList &assignments,
                                                        QString *problem)
{
    QJsonObject object;
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            *problem = QStringLiteral("expected field=value, not '%1'").arg(assignment);
            return std::nullopt;
        }
        const QString field = assignment.left(equals);
        const auto known = OpportunityFieldNames::fromName(field);
        if (!known || !OpportunityFieldNames::writable().testFlag(*known)) {
            *problem =
                QStringLiteral(
                    "'%1' is not a field you can set (name, accountId, leadId, value, currency, "
                    "stage, probability, expectedCloseDate, description, ownerId, isArchived)")
                    .arg(field);
            return std::nullopt;
        }
        const QString value = assignment.mid(equals + 1);
        const bool clears = value.isEmpty() && *known != OpportunityField::Name;
        object.insert(OpportunityFieldNames::camelCase(*known),
                      clears ? QJsonValue(QJsonValue::Null) : QJsonValue(value));
    }
    const OpportunityJson::Reading reading =
        OpportunityJson::read(object, OpportunityJson::ReadMode::Request);
    if (!reading.ok()) {
        *problem =
            reading.errors.first().field + QStringLiteral(": ") + reading.errors.first().message;
        return std::nullopt;
    }
    return reading;
}

// Everything a command needs: the profile, its cache for the chosen server, and the key.
struct Session
{
    Profile profile;
    QUrl server;
    LocalStore store;
    ApiClient client;
    QString keyError;

    explicit Session(const QString &profileDir)
        : profile(profileDir)
    {}

    bool open(const QUrl &serverOverride)
    {
        server = serverOverride.isEmpty() ? profile.serverUrl() : serverOverride;
        const LocalStore::OpenResult opened = store.open(profile.cachePath(server));
        if (!opened.recoveryMessage.isEmpty())
            err() << "kashew: " << opened.recoveryMessage << "\n";
        if (!opened.ok) {
            err() << "kashew: " << opened.error << "\n";
            return false;
        }
        // Given once, the server is the profile's from then on (as in the app): later commands
        // without --server read and sync the same cache.
        if (!serverOverride.isEmpty() && serverOverride != profile.serverUrl())
            profile.setServerUrl(serverOverride);
        return true;
    }

    // The key from KASHEW_API_KEY, else from the keychain.
    bool loadKey()
    {
        QString key = qEnvironmentVariable("KASHEW_API_KEY");
        if (key.isEmpty()) {
            KeychainCredentialStore keychain;
            QEventLoop loop;
            keychain.read(profile.credentialAccount(server),
                          [&](const std::optional<QString> &stored, const QString &error) {
                              key = stored.value_or(QString());
                              keyError = error;
                              loop.quit();
                          });
            loop.exec();
        }
        if (key.isEmpty()) {
            err() << "kashew: no API key for " << server.toString()
                  << (keyError.isEmpty() ? QString()
                                         : QStringLiteral(" (keychain: %1)").arg(keyError))
                  << ". Set KASHEW_API_KEY or run 'kashew login'.\n";
            return false;
        }
        ApiClient::Settings settings;
        settings.baseUrl = server;
        settings.apiKey = key;
        client.setSettings(settings);
        return true;
    }
};

int runList(Session &session, const QCommandLineParser &parser)
{
    OpportunityFilter filter;
    filter.setSearch(parser.value(QStringLiteral("search")));
    if (parser.isSet(QStringLiteral("stage"))) {
        const auto stage = Stages::fromId(parser.value(QStringLiteral("stage")));
        if (!stage)
            return usage(
                QStringLiteral("unknown stage '%1'").arg(parser.value(QStringLiteral("stage"))));
        filter.stages = {*stage};
    }
    filter.accountId = parser.value(QStringLiteral("account"));
    filter.ownerId = parser.value(QStringLiteral("owner"));
    filter.archived = parser.isSet(QStringLiteral("archived"));
    QJsonArray json;
    for (const CachedOpportunity &record : session.store.opportunities()) {
        if (!filter.accepts(record.opportunity))
            continue;
        if (parser.isSet(QStringLiteral("json"))) {
            json.append(CliOutput::recordJson(record));
            continue;
        }
        CliOutput::printListLine(record);
    }
    if (parser.isSet(QStringLiteral("json")))
        out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
    return CliCommands::Ok;
}

int runShow(Session &session, const QString &id, bool asJson)
{
    QString problem;
    const auto record = findRecord(session.store, id, &problem);
    if (!record) {
        err() << "kashew: " << problem << "\n";
        return CliCommands::NotFound;
    }
    const auto updates = session.store.updates(record->opportunity.id);
    if (asJson) {
        QJsonObject object = CliOutput::recordJson(*record);
        if (updates)
            object.insert(QStringLiteral("updates"), OpportunityJson::updatesToJson(*updates));
        out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return CliCommands::Ok;
    }
    CliOutput::printRecord(*record, updates);
    return CliCommands::Ok;
}

int editRecord(Session &session, const CachedOpportunity &record,
               const OpportunityJson::Reading &reading)
{
    Opportunity edited = record.opportunity;
    OpportunityDiff::copyFields(reading.opportunity, &edited, reading.present);
    // Only what this command sets: a field as the server sent it is not ours to refuse.
    if (const FieldErrors errors = validateOpportunityFields(edited, reading.present);
        !errors.isEmpty()) {
        for (const FieldError &error : errors)
            err() << "kashew: " << error.field << ": " << error.message << "\n";
        return CliCommands::InvalidValue;
    }
    if (!session.store.editOpportunity(record.opportunity.id, edited, reading.present)) {
        err() << "kashew: " << session.store.lastError() << "\n";
        return CliCommands::Failed;
    }
    out() << "saved " << record.opportunity.id << " (" << session.store.pendingCount()
          << " pending; 'kashew sync' sends them)\n";
    return CliCommands::Ok;
}

} // namespace

int CliCommands::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "kashew: your kashew.ai pipeline from a terminal, on the same local cache as "
        "kashew-desktop.\n\n"
        "Commands:\n"
        "  sync                     send pending edits, then fetch everything\n"
        "  list                     list cached opportunities (filters below)\n"
        "  show ID                  one opportunity with its history\n"
        "  new field=value...       create an opportunity (name=... required)\n"
        "  set ID field=value...    change fields (empty value clears)\n"
        "  move ID STAGE            change the stage (closed_won sets probability 100, closed_lost "
        "0)\n"
        "  delete ID                delete permanently\n"
        "  pending                  edits waiting to be sent\n"
        "  status                   server, cache and sync state\n"
        "  login                    store the API key (read from standard input) in the "
        "keychain\n\n"
        "IDs may be shortened to a unique prefix. Edits are stored at once and sent by 'sync'.\n"
        "Exit codes: 0 ok, 1 failed, 2 usage, 3 not found, 4 offline, 5 key refused, 6 invalid "
        "value (also an edit the server refused), 7 rate limit reached (sync waits up to an hour "
        "for it unless --no-wait)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("server"),
         QStringLiteral("Server base URL; remembered in the profile for later commands (default: "
                        "the profile's, else the hosted API)."),
         QStringLiteral("url")},
        {QStringLiteral("profile"), QStringLiteral("Profile folder."), QStringLiteral("dir")},
        {QStringLiteral("stage"), QStringLiteral("list: only this stage."),
         QStringLiteral("stage")},
        {QStringLiteral("search"), QStringLiteral("list: name contains this."),
         QStringLiteral("text")},
        {QStringLiteral("account"), QStringLiteral("list: only this account id."),
         QStringLiteral("id")},
        {QStringLiteral("owner"), QStringLiteral("list: only this owner id."),
         QStringLiteral("id")},
        {QStringLiteral("archived"), QStringLiteral("list: archived instead of live records.")},
        {QStringLiteral("json"), QStringLiteral("list, show: JSON output.")},
        {QStringLiteral("no-wait"),
         QStringLiteral("sync: when the server's rate limit is reached, say when to try again and "
                        "exit (7) instead of waiting.")},
    });
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("What to do (see above)."));
    parser.process(arguments);
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usage(QStringLiteral("no command given"));
    const QString command = positional.first();
    const QStringList rest = positional.mid(1);
    const QUrl serverOverride = parser.isSet(QStringLiteral("server"))
                                    ? QUrl(parser.value(QStringLiteral("server")))
                                    : QUrl();
    if (parser.isSet(QStringLiteral("server")) &&
        (!serverOverride.isValid() || serverOverride.scheme().isEmpty()))
        return usage(QStringLiteral("--server needs a URL such as https://kashew.ai/api/v1"));

    Session session(parser.value(QStringLiteral("profile")));
    if (!session.open(serverOverride))
        return Failed;
    const auto finish = [](int code) {
        out().flush();
        err().flush();
        return code;
    };

    if (command == QLatin1String("sync")) {
        if (!session.loadKey())
            return finish(NotAuthorized);
        CliSync::Options options;
        options.noWait = parser.isSet(QStringLiteral("no-wait"));
        return finish(CliSync::run(session.store, session.client, options));
    }
    if (command == QLatin1String("list"))
        return finish(runList(session, parser));
    if (command == QLatin1String("show") && rest.size() == 1)
        return finish(runShow(session, rest.first(), parser.isSet(QStringLiteral("json"))));
    if (command == QLatin1String("new") && !rest.isEmpty()) {
        QString problem;
        const auto reading = readAssignments(rest, &problem);
        if (!reading)
            return finish((err() << "kashew: " << problem << "\n", InvalidValue));
        if (!reading->present.testFlag(OpportunityField::Name))
            return finish((err() << "kashew: name: Name is required.\n", InvalidValue));
        if (const FieldErrors errors = validateOpportunity(reading->opportunity); !errors.isEmpty())
            return finish((err() << "kashew: " << errors.first().field << ": "
                                 << errors.first().message << "\n",
                           InvalidValue));
        const auto id = session.store.createOpportunity(reading->opportunity);
        if (!id)
            return finish((err() << "kashew: " << session.store.lastError() << "\n", Failed));
        out() << *id << "\n";
        return finish(Ok);
    }
    if ((command == QLatin1String("set") && rest.size() >= 2) ||
        (command == QLatin1String("move") && rest.size() == 2)) {
        QString problem;
        const auto record = findRecord(session.store, rest.first(), &problem);
        if (!record)
            return finish((err() << "kashew: " << problem << "\n", NotFound));
        QStringList assignments = rest.mid(1);
        if (command == QLatin1String("move")) {
            const auto stage = Stages::fromId(rest.at(1));
            if (!stage)
                return finish((err() << "kashew: stage: unknown stage '" << rest.at(1) << "'\n",
                               InvalidValue));
            assignments = {QStringLiteral("stage=") + Stages::id(*stage)};
            if (const auto implied = StageProbabilities::implied(*stage))
                assignments.append(QStringLiteral("probability=%1").arg(*implied));
        }
        const auto reading = readAssignments(assignments, &problem);
        if (!reading)
            return finish((err() << "kashew: " << problem << "\n", InvalidValue));
        return finish(editRecord(session, *record, *reading));
    }
    if (command == QLatin1String("delete") && rest.size() == 1) {
        QString problem;
        const auto record = findRecord(session.store, rest.first(), &problem);
        if (!record)
            return finish((err() << "kashew: " << problem << "\n", NotFound));
        if (!session.store.deleteOpportunity(record->opportunity.id))
            return finish((err() << "kashew: " << session.store.lastError() << "\n", Failed));
        out() << "deleted " << record->opportunity.id << "\n";
        return finish(Ok);
    }
    if (command == QLatin1String("pending")) {
        for (const OutboxEntry &entry : session.store.outbox())
            CliOutput::printOutboxEntry(entry);
        return finish(Ok);
    }
    if (command == QLatin1String("status")) {
        int conflicts = 0, failed = 0;
        const QList<CachedOpportunity> records = session.store.opportunities();
        for (const CachedOpportunity &record : records) {
            conflicts += record.state == SyncState::Conflict;
            failed += record.state == SyncState::Failed;
        }
        const QString last = session.store.setting(QStringLiteral("lastSyncAt"));
        out() << "server:      " << session.server.toString() << "\n"
              << "cache:       " << session.store.path() << "\n"
              << "records:     " << records.size() << "\n"
              << "pending:     " << session.store.pendingCount() << "\n"
              << "conflicts:   " << conflicts << "\n"
              << "failed:      " << failed << "\n"
              << "last sync:   " << (last.isEmpty() ? QStringLiteral("never") : last) << "\n";
        return finish(Ok);
    }
    if (command == QLatin1String("login")) {
        QTextStream in(stdin);
        const QString key = in.readLine().trimmed();
        if (key.isEmpty())
            return finish(usage(QStringLiteral("give the API key on standard input")));
        KeychainCredentialStore keychain;
        QEventLoop loop;
        QString error;
        keychain.write(session.profile.credentialAccount(session.server), key,
                       [&](const QString &problem) {
                           error = problem;
                           loop.quit();
                       });
        loop.exec();
        if (!error.isEmpty())
            return finish((err() << "kashew: the keychain refused the key: " << error
                                 << "\nUse KASHEW_API_KEY instead.\n",
                           Failed));
        out() << "key stored in the keychain for " << session.server.toString() << "\n";
        return finish(Ok);
    }
    return finish(usage(QStringLiteral("unknown command or wrong arguments: %1")
                            .arg(positional.join(QLatin1Char(' ')))));
}
