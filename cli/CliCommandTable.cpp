#include "CliCommandTable.h"

#include "CliActions.h"
#include "CliExport.h"
#include "CliForecast.h"
#include "CliImport.h"
#include "CliPeople.h"
#include "CliRates.h"
#include "StageProbabilities.h"

namespace {

// The rule `move` follows, from the domain: "closed_won sets probability 100, closed_lost 0".
QString impliedProbabilities()
{
    QStringList rules;
    for (const Stage stage : Stages::all()) {
        if (const auto implied = StageProbabilities::implied(stage))
            rules.append((rules.isEmpty() ? QStringLiteral("%1 sets probability %2")
                                          : QStringLiteral("%1 %2"))
                             .arg(Stages::id(stage))
                             .arg(*implied));
    }
    return rules.join(QStringLiteral(", "));
}

QList<CliCommand> makeCommands()
{
    using A = CliArgument;
    const QString json = QStringLiteral("json");
    return {
        {QStringLiteral("sync"),
         {},
         QStringLiteral("send pending edits, then fetch everything"),
         {QStringLiteral("no-wait")},
         CliActions::sync},
        {QStringLiteral("list"),
         {},
         QStringLiteral("list cached opportunities (filters below)"),
         {QStringLiteral("stage"), QStringLiteral("search"), QStringLiteral("account"),
          QStringLiteral("owner"), QStringLiteral("archived"), QStringLiteral("stale"), json},
         CliActions::list},
        {QStringLiteral("show"),
         {A::Id},
         QStringLiteral("one opportunity with its history"),
         {json},
         CliActions::show},
        {QStringLiteral("forecast"),
         {},
         QStringLiteral("open deals' value by close month, won and lost by month (the app's "
                        "charts)"),
         {QStringLiteral("months"), QStringLiteral("by"), QStringLiteral("weighted"),
          QStringLiteral("currency"), json},
         CliForecast::run},
        {QStringLiteral("export"),
         {},
         QStringLiteral("the deals list shows, every field, as CSV"),
         {QStringLiteral("stage"), QStringLiteral("search"), QStringLiteral("account"),
          QStringLiteral("owner"), QStringLiteral("archived"), QStringLiteral("stale"),
          QStringLiteral("csv"), QStringLiteral("locale")},
         CliExport::run},
        {QStringLiteral("import"),
         {A::File},
         QStringLiteral("new deals from CSV, or (--update) changes by id"),
         {QStringLiteral("map"), QStringLiteral("update"), QStringLiteral("dry-run"),
          QStringLiteral("skip-invalid"), QStringLiteral("encoding"), QStringLiteral("separator")},
         CliImport::run},
        {QStringLiteral("new"),
         {A::NewRecord},
         QStringLiteral("create an opportunity (name=... required)"),
         {},
         CliActions::create},
        {QStringLiteral("set"),
         {A::Id, A::Changes},
         QStringLiteral("change fields (empty value clears)"),
         {},
         CliActions::set},
        {QStringLiteral("move"),
         {A::Id, A::Stage},
         QStringLiteral("change the stage (%1)").arg(impliedProbabilities()),
         {},
         CliActions::move},
        {QStringLiteral("delete"),
         {A::Id},
         QStringLiteral("delete permanently"),
         {},
         CliActions::remove},
        {QStringLiteral("pending"),
         {},
         QStringLiteral("edits waiting to be sent"),
         {},
         CliActions::pending},
        {QStringLiteral("status"),
         {},
         QStringLiteral("server, cache and sync state"),
         {},
         CliActions::status},
        {QStringLiteral("people"),
         {},
         QStringLiteral("who owns deals: id, name, email, source (server, you); * is you"),
         {json},
         CliPeople::list},
        {QStringLiteral("people set"),
         {A::PersonId, A::PersonName},
         QStringLiteral("your name for an owner id (empty NAME: the server's again)"),
         {},
         CliPeople::set},
        {QStringLiteral("people me"),
         {A::PersonId},
         QStringLiteral("your own owner id (the server's /users/me comes first)"),
         {},
         CliPeople::me},
        {QStringLiteral("rates"),
         {},
         QStringLiteral("the base currency and your exchange rates to it, with their dates"),
         {},
         CliRates::list},
        {QStringLiteral("rates base"),
         {A::Currency},
         QStringLiteral("the currency totals are added up in"),
         {},
         CliRates::base},
        {QStringLiteral("rates set"),
         {A::Currency, A::Rate},
         QStringLiteral("1 CUR = RATE in the base currency, dated today"),
         {},
         CliRates::set},
        {QStringLiteral("rates remove"),
         {A::Currency},
         QStringLiteral("forget CUR's rate"),
         {},
         CliRates::remove},
        {QStringLiteral("login"),
         {},
         QStringLiteral("store the API key (read from standard input) in the keychain"),
         {},
         CliActions::login},
    };
}

} // namespace

const QList<CliCommand> &CliCommandTable::commands()
{
    static const QList<CliCommand> table = makeCommands();
    return table;
}

const QList<CliCommandTable::Option> &CliCommandTable::options()
{
    static const QList<Option> table{
        {QStringLiteral("server"), QStringLiteral("url"),
         QStringLiteral("Server base URL; remembered in the profile for later commands (default: "
                        "the profile's, else the hosted API)."),
         true},
        {QStringLiteral("profile"), QStringLiteral("dir"), QStringLiteral("Profile folder."), true},
        {QStringLiteral("stage"), QStringLiteral("stage"), QStringLiteral("only this stage.")},
        {QStringLiteral("search"), QStringLiteral("text"),
         QStringLiteral("name or account name contains this (case and accents ignored).")},
        {QStringLiteral("account"), QStringLiteral("id"), QStringLiteral("only this account id.")},
        {QStringLiteral("owner"), QStringLiteral("id"), QStringLiteral("only this owner id.")},
        {QStringLiteral("archived"), {}, QStringLiteral("archived instead of live records.")},
        {QStringLiteral("stale"),
         {},
         QStringLiteral("only deals gone stale: no change for as many days as their stage "
                        "allows (the app's Settings).")},
        {QStringLiteral("months"), QStringLiteral("n"),
         QStringLiteral("close months shown from this one on, 1 to 24 (default %1).")
             .arg(ForecastOptions().months)},
        {QStringLiteral("by"), QStringLiteral("stage|owner"),
         QStringLiteral("one column per stage (default) or per owner.")},
        {QStringLiteral("weighted"), {}, QStringLiteral("value × probability instead of value.")},
        {QStringLiteral("currency"), QStringLiteral("cur"),
         QStringLiteral("the figures' currency (default: the base currency).")},
        {QStringLiteral("csv"), QStringLiteral("file"),
         QStringLiteral("write to this file (whole or not at all) instead of standard output.")},
        {QStringLiteral("locale"),
         {},
         QStringLiteral("your locale's numbers, dates and separator (German: ; 1234,50 "
                        "15.07.2026) instead of , 1234.50 2026-07-15.")},
        {QStringLiteral("map"), QStringLiteral("col=field"),
         QStringLiteral("fill FIELD from COL (a header or a number from 1; empty FIELD: skip "
                        "it), over the guess from the header; repeatable.")},
        {QStringLiteral("update"),
         {},
         QStringLiteral("a row with an id changes that deal (default: every row is new).")},
        {QStringLiteral("dry-run"), {}, QStringLiteral("check and report, write nothing.")},
        {QStringLiteral("skip-invalid"),
         {},
         QStringLiteral("write the valid rows even when some are invalid (still exits 6).")},
        {QStringLiteral("encoding"), QStringLiteral("name"),
         QStringLiteral("the file's encoding, utf-8 or latin1 (default: detected).")},
        {QStringLiteral("separator"), QStringLiteral("char"),
         QStringLiteral("the file's separator: , ; or tab (default: detected).")},
        {QStringLiteral("json"), {}, QStringLiteral("JSON output.")},
        {QStringLiteral("no-wait"),
         {},
         QStringLiteral("when the server's rate limit is reached, say when to try again and exit "
                        "(7) instead of waiting.")},
    };
    return table;
}

const CliCommand *CliCommandTable::find(const QString &name)
{
    for (const CliCommand &command : commands()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

QString CliCommandTable::description()
{
    QString text = QStringLiteral("kashew: your kashew.ai pipeline from a terminal, on the same "
                                  "local cache as kashew-desktop.\n\nCommands:\n");
    for (const CliCommand &command : commands())
        text += QStringLiteral("  ") + command.synopsis().leftJustified(25) + command.help +
                QLatin1Char('\n');
    return text +
           QStringLiteral(
               "\nIDs may be shortened to a unique prefix. Edits are stored at once and sent by "
               "'sync'.\n"
               "Exit codes: 0 ok, 1 failed, 2 usage, 3 not found, 4 offline, 5 key refused, 6 "
               "invalid value (also an edit the server refused), 7 rate limit reached (sync waits "
               "up to an hour for it unless --no-wait).");
}

QString CliCommandTable::optionHelp(const Option &option)
{
    if (option.global)
        return option.description;
    QStringList takers;
    for (const CliCommand &command : commands()) {
        if (command.options.contains(option.name))
            takers.append(command.name);
    }
    return takers.join(QStringLiteral(", ")) + QStringLiteral(": ") + option.description;
}
