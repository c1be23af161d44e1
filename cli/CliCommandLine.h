#pragma once

#include "CliExit.h"
#include "CliRequest.h"

#include <QStringList>
#include <variant>

// Reads a `kashew` command line against the command table, apart from running it: what it asks
// for, or how it ends at once (help, version, a usage error, a value the domain refuses). Needs
// no cache, profile or server.
class CliCommandLine final
{
public:
    // `arguments` as QCoreApplication::arguments() gives them, the program first.
    static std::variant<CliRequest, CliExit> parse(const QStringList &arguments);
    // What --help prints.
    static QString helpText();
    // --help-all: Qt prints the help with its own options and ends the process.
    [[noreturn]] static void showQtHelp(const QStringList &arguments);
};
