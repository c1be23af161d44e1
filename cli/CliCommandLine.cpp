#include "CliCommandLine.h"

#include "CliCommandTable.h"
#include "CliCommands.h"
#include "CliEdit.h"
#include "CliForecast.h"
#include "CliOutput.h"
#include "CurrencyRates.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>
#include <cmath>
#include <cstdlib>

namespace {

void configure(QCommandLineParser &parser)
{
    parser.setApplicationDescription(CliCommandTable::description());
    parser.addHelpOption();
    parser.addVersionOption();
    for (const CliCommandTable::Option &option : CliCommandTable::options())
        parser.addOption(
            QCommandLineOption(option.name, CliCommandTable::optionHelp(option), option.valueName));
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("What to do (see above)."));
}

CliExit usage(const QString &message)
{
    return CliExit{CliCommands::Usage, {}, CliOutput::usageText(message)};
}

CliExit invalid(const QString &problem)
{
    return CliExit{CliCommands::InvalidValue, {}, QStringLiteral("kashew: %1\n").arg(problem)};
}

// The options into the request: each command was checked to take only its own.
std::variant<CliRequest, CliExit> readOptions(const QCommandLineParser &parser, CliRequest request)
{
    request.json = parser.isSet(QStringLiteral("json"));
    request.noWait = parser.isSet(QStringLiteral("no-wait"));
    request.filter.setSearch(parser.value(QStringLiteral("search")));
    if (parser.isSet(QStringLiteral("stage"))) {
        const QString text = parser.value(QStringLiteral("stage"));
        const auto stage = Stages::fromId(text);
        if (!stage)
            return usage(QStringLiteral("unknown stage '%1'").arg(text));
        request.filter.stages = {*stage};
    }
    request.filter.accountId = parser.value(QStringLiteral("account"));
    request.filter.ownerId = parser.value(QStringLiteral("owner"));
    request.filter.archived = parser.isSet(QStringLiteral("archived"));
    request.filter.staleOnly = parser.isSet(QStringLiteral("stale"));
    const Result<ForecastOptions> forecast = CliForecast::readOptions(parser);
    if (!forecast)
        return usage(forecast.error());
    request.forecast = *forecast;
    const Result<CliCsvOptions> csv = CliCsvOptions::read(parser);
    if (!csv)
        return usage(csv.error());
    request.csv = *csv;
    return request;
}

// The command's arguments into the request, each read as its kind.
std::variant<CliRequest, CliExit> readArguments(const QStringList &arguments, CliRequest request)
{
    const QList<CliArgument> &kinds = request.command->arguments;
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        const QString &argument = arguments.at(i);
        switch (kinds.at(i)) {
        case CliArgument::Id:
            request.id = argument;
            break;
        case CliArgument::Stage: {
            const auto stage = Stages::fromId(argument);
            if (!stage)
                return invalid(QStringLiteral("stage: unknown stage '%1'").arg(argument));
            request.fields = CliEdit::movedTo(*stage);
            break;
        }
        case CliArgument::PersonId:
            request.person.id = argument.trimmed();
            if (request.person.id.isEmpty())
                return invalid(QStringLiteral("id: is empty"));
            break;
        case CliArgument::Currency:
            request.currency = argument.toUpper();
            if (!CurrencyRates::isCurrencyCode(request.currency))
                return usage(
                    QStringLiteral("CUR: '%1' is not a currency code (three letters, such as EUR)")
                        .arg(argument));
            break;
        case CliArgument::Rate: {
            bool ok = false;
            request.rate = QLocale::c().toDouble(argument, &ok);
            if (!ok || !std::isfinite(request.rate) || request.rate <= 0)
                return usage(QStringLiteral("RATE: '%1' is not a positive number (what 1 CUR is "
                                            "worth in the base currency, such as 1.1612)")
                                 .arg(argument));
            break;
        }
        case CliArgument::File:
            request.csv.importFile = argument;
            break;
        case CliArgument::PersonName:
            request.person.name = arguments.mid(i).join(QLatin1Char(' ')).trimmed();
            break;
        case CliArgument::Changes:
        case CliArgument::NewRecord: {
            const QStringList assignments = arguments.mid(i);
            const auto read = kinds.at(i) == CliArgument::NewRecord ? CliEdit::readNew(assignments)
                                                                    : CliEdit::read(assignments);
            if (!read)
                return invalid(read.error());
            request.fields = *read;
            break;
        }
        }
    }
    return request;
}

} // namespace

std::variant<CliRequest, CliExit> CliCommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    configure(parser);
    // An unknown option is a usage error (exit 2), not the 1 QCommandLineParser::process() uses.
    if (!parser.parse(arguments))
        return CliExit{
            CliCommands::Usage, {}, QStringLiteral("kashew: %1\n").arg(parser.errorText())};
    if (parser.isSet(QStringLiteral("version")))
        return CliExit{CliCommands::Ok,
                       QCoreApplication::applicationName() + QLatin1Char(' ') +
                           QCoreApplication::applicationVersion() + QLatin1Char('\n'),
                       {}};
    if (parser.isSet(QStringLiteral("help")))
        return CliExit{CliCommands::Ok, parser.helpText(), {}};
    if (parser.isSet(QStringLiteral("help-all")))
        return CliExit{CliCommands::Ok, {}, {}, true};

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usage(QStringLiteral("no command given"));
    CliRequest request;
    request.profileDir = parser.value(QStringLiteral("profile"));
    if (parser.isSet(QStringLiteral("server"))) {
        request.server = QUrl(parser.value(QStringLiteral("server")));
        if (!request.server.isValid() || request.server.scheme().isEmpty())
            return usage(QStringLiteral("--server needs a URL such as https://kashew.ai/api/v1"));
    }
    // A command of two words ("people set") before one of one ("people").
    request.command = positional.size() > 1
                          ? CliCommandTable::find(positional.mid(0, 2).join(QLatin1Char(' ')))
                          : nullptr;
    const qsizetype words = request.command ? 2 : 1;
    if (!request.command)
        request.command = CliCommandTable::find(positional.first());
    const QStringList rest = positional.mid(words);
    if (!request.command || rest.size() < request.command->minArguments() ||
        (request.command->maxArguments() >= 0 && rest.size() > request.command->maxArguments()))
        return usage(QStringLiteral("unknown command or wrong arguments: %1")
                         .arg(positional.join(QLatin1Char(' '))));
    for (const CliCommandTable::Option &option : CliCommandTable::options()) {
        if (!option.global && parser.isSet(option.name) &&
            !request.command->options.contains(option.name))
            return usage(QStringLiteral("--%1 is not an option of '%2'")
                             .arg(option.name, request.command->name));
    }
    auto read = readOptions(parser, std::move(request));
    if (CliRequest *withOptions = std::get_if<CliRequest>(&read))
        return readArguments(rest, std::move(*withOptions));
    return read;
}

QString CliCommandLine::helpText()
{
    QCommandLineParser parser;
    configure(parser);
    return parser.helpText();
}

void CliCommandLine::showQtHelp(const QStringList &arguments)
{
    QCommandLineParser parser;
    configure(parser);
    parser.process(arguments);
    // process() ends the process for --help-all; this is not reached.
    std::exit(CliCommands::Failed);
}
