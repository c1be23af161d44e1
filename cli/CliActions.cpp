#include "CliActions.h"

#include "BudgetText.h"
#include "CliCommands.h"
#include "CliEdit.h"
#include "CliOutput.h"
#include "CliRequest.h"
#include "CliSession.h"
#include "CliSync.h"
#include "KeychainCredentialStore.h"
#include "OpportunityValidation.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>

using CliOutput::err;
using CliOutput::out;

namespace {

int notFound(const QString &problem)
{
    err() << "kashew: " << problem << "\n";
    return CliCommands::NotFound;
}

// `set` and `move`: the record's edit, checked in what it changes, stored with its outbox entry.
int saveEdit(CliSession &session, const CliRequest &request)
{
    const auto found = session.findRecord(request.id);
    if (!found)
        return session.readFailure(found.error());
    const CliSession::RecordMatch &record = *found;
    if (!record)
        return notFound(record.error());
    const CliEdit::Edit edit = CliEdit::applied(record->opportunity, request.fields);
    // Only what this command sets: a field as the server sent it is not ours to refuse.
    if (const FieldErrors errors = validateOpportunityFields(edit.opportunity, edit.fields);
        !errors.isEmpty()) {
        for (const FieldError &error : errors)
            err() << "kashew: " << error.field << ": " << error.message << "\n";
        return CliCommands::InvalidValue;
    }
    LocalStore &store = session.store();
    if (const Status saved =
            store.editOpportunity(record->opportunity.id, edit.opportunity, edit.fields);
        !saved) {
        err() << "kashew: " << saved.error() << "\n";
        return CliCommands::Failed;
    }
    out() << "saved " << record->opportunity.id << " (" << store.pendingCount()
          << " pending; 'kashew sync' sends them)\n";
    return CliCommands::Ok;
}

// A record's JSON with "stale_days" for a stale deal.
QJsonObject recordJson(const CachedOpportunity &record, std::optional<int> staleDays)
{
    QJsonObject object = CliOutput::recordJson(record);
    if (staleDays)
        object.insert(QStringLiteral("stale_days"), *staleDays);
    return object;
}

} // namespace

namespace CliActions {

int sync(CliSession &session, const CliRequest &request)
{
    if (!session.loadKey())
        return CliCommands::NotAuthorized;
    CliSync::Options options;
    options.noWait = request.noWait;
    return CliSync::run(session.store(), session.client(), options);
}

int list(CliSession &session, const CliRequest &request)
{
    const auto deals = session.deals();
    if (!deals)
        return session.readFailure(deals.error());
    const StaleRule rule = session.staleRule();
    const QDate today = QDate::currentDate();
    QJsonArray json;
    for (const CachedOpportunity &record : deals->records) {
        if (!request.filter.accepts(record.opportunity))
            continue;
        const std::optional<int> stale = CliSession::staleDays(rule, record.opportunity, today);
        if (request.filter.staleOnly && !stale)
            continue;
        if (request.json)
            json.append(recordJson(record, stale));
        else
            CliOutput::printListLine(record, deals->people, stale);
    }
    if (request.json)
        out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
    return CliCommands::Ok;
}

int show(CliSession &session, const CliRequest &request)
{
    const auto found = session.findRecord(request.id);
    if (!found)
        return session.readFailure(found.error());
    const CliSession::RecordMatch &record = *found;
    if (!record)
        return notFound(record.error());
    const auto updates = session.store().updates(record->opportunity.id);
    const std::optional<int> stale =
        CliSession::staleDays(session.staleRule(), record->opportunity, QDate::currentDate());
    if (request.json) {
        QJsonObject object = recordJson(*record, stale);
        if (updates)
            object.insert(QStringLiteral("updates"), OpportunityJson::updatesToJson(*updates));
        out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return CliCommands::Ok;
    }
    const Result<PeopleBook> people = session.store().people();
    if (!people)
        return session.readFailure(people.error());
    CliOutput::printRecord(*record, updates, *people, stale);
    return CliCommands::Ok;
}

int create(CliSession &session, const CliRequest &request)
{
    const auto id = session.store().createOpportunity(request.fields.opportunity);
    if (!id) {
        err() << "kashew: " << id.error() << "\n";
        return CliCommands::Failed;
    }
    out() << *id << "\n";
    return CliCommands::Ok;
}

int set(CliSession &session, const CliRequest &request)
{
    return saveEdit(session, request);
}

int move(CliSession &session, const CliRequest &request)
{
    return saveEdit(session, request);
}

int remove(CliSession &session, const CliRequest &request)
{
    const auto found = session.findRecord(request.id);
    if (!found)
        return session.readFailure(found.error());
    const CliSession::RecordMatch &record = *found;
    if (!record)
        return notFound(record.error());
    if (const Status deleted = session.store().deleteOpportunity(record->opportunity.id);
        !deleted) {
        err() << "kashew: " << deleted.error() << "\n";
        return CliCommands::Failed;
    }
    out() << "deleted " << record->opportunity.id << "\n";
    return CliCommands::Ok;
}

int pending(CliSession &session, const CliRequest &)
{
    const auto outbox = session.store().outbox();
    if (!outbox)
        return session.readFailure(outbox.error());
    for (const OutboxEntry &entry : *outbox)
        CliOutput::printOutboxEntry(entry);
    return CliCommands::Ok;
}

int status(CliSession &session, const CliRequest &)
{
    LocalStore &store = session.store();
    int conflicts = 0;
    int failed = 0;
    const auto records = store.opportunities();
    if (!records)
        return session.readFailure(records.error());
    for (const CachedOpportunity &record : *records) {
        conflicts += record.state == SyncState::Conflict;
        failed += record.state == SyncState::Failed;
    }
    const QString last = store.setting(QStringLiteral("lastSyncAt"));
    out() << "server:      " << session.server().toString() << "\n"
          << "cache:       " << store.path() << "\n"
          << "records:     " << records->size() << "\n"
          << "pending:     " << store.pendingCount() << "\n"
          << "conflicts:   " << conflicts << "\n"
          << "failed:      " << failed << "\n"
          << "last sync:   " << (last.isEmpty() ? QStringLiteral("never") : last) << "\n";
    // The request budget as the app's status bar says it: both count in this cache.
    RequestGate *gate = session.gate();
    const Result<RequestGate::Usage> usage = gate->usage();
    if (!usage)
        return session.readFailure(usage.error());
    out() << "budget:      " << BudgetText::plan(*usage) << "\n";
    if (const QString left = BudgetText::left(*usage); !left.isEmpty())
        out() << "left:        " << left << "\n";
    const QDateTime room = gate->readFitsAt();
    if (room > QDateTime::currentDateTime())
        out() << "next sync:   " << BudgetText::timeOf(room) << " (the budget has room then)\n";
    if (const std::optional<PullProgress> pull = store.pullProgress())
        out() << "pull:        " << BudgetText::pull(*pull, room) << "\n";
    return CliCommands::Ok;
}

int login(CliSession &session, const CliRequest &)
{
    QTextStream in(stdin);
    const QString key = in.readLine().trimmed();
    if (key.isEmpty())
        return CliOutput::usage(QStringLiteral("give the API key on standard input"));
    KeychainCredentialStore keychain;
    QEventLoop loop;
    QString error;
    keychain.write(session.profile().credentialAccount(session.server()), key,
                   [&](const QString &problem) {
                       error = problem;
                       loop.quit();
                   });
    loop.exec();
    if (!error.isEmpty()) {
        err() << "kashew: the keychain refused the key: " << error
              << "\nUse KASHEW_API_KEY instead.\n";
        return CliCommands::Failed;
    }
    out() << "key stored in the keychain for " << session.server().toString() << "\n";
    return CliCommands::Ok;
}

} // namespace CliActions
