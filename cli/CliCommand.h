#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class CliSession;
struct CliRequest;

// What one argument of a command is: the parser reads and checks each kind the same way for
// every command that takes it.
enum class CliArgument
{
    // An opportunity's id or the start of one.
    Id,
    // A stage's wire name ("closed_won").
    Stage,
    // One or more field=value pairs that change a record.
    Changes,
    // One or more field=value pairs that make a new record.
    NewRecord,
    // A person's (owner's) id, whole: people are not looked up by a prefix.
    PersonId,
    // A person's name: the rest of the arguments, joined by spaces (may be empty).
    PersonName,
    // An ISO 4217 currency code ("EUR"; read in capitals).
    Currency,
    // What one unit of a currency is worth in the base currency: a positive number ("1.1612").
    Rate,
    // A file to read (`import`).
    File,
};

// One entry of the `kashew` command table: the help, the option check, the parser and the
// dispatch all read it.
struct CliCommand
{
    QString name;
    QList<CliArgument> arguments;
    // The help's line for it.
    QString help;
    // The options it takes besides the global ones (--server, --profile).
    QStringList options;
    // Runs it on an open session; returns the exit code (CliCommands::ExitCode).
    int (*run)(CliSession &session, const CliRequest &request) = nullptr;

    // "set ID field=value...": the name and its arguments as the help shows them.
    QString synopsis() const;
    qsizetype minArguments() const { return arguments.size(); }
    // -1: no limit (a list of field=value pairs ends the arguments).
    qsizetype maxArguments() const;
};
