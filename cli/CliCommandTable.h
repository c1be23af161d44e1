#pragma once

#include "CliCommand.h"

#include <QList>
#include <QString>

// The `kashew` commands and their options, one entry each: the help text, the check of which
// options a command takes, the parser and the dispatch come from here.
class CliCommandTable final
{
public:
    struct Option
    {
        QString name;
        // Empty for a switch.
        QString valueName;
        QString description;
        // Taken by every command (--server, --profile); the others by the commands that list them.
        bool global = false;
    };

    // In the order the help lists them.
    static const QList<CliCommand> &commands();
    static const QList<Option> &options();
    // Null for a name no command has.
    static const CliCommand *find(const QString &name);
    // The help's text above the option list: what kashew is, each command with its line, the
    // exit codes.
    static QString description();
    // The option's help line: its description, after the commands that take it unless global.
    static QString optionHelp(const Option &option);
};
