#pragma once

#include <QString>

// A command line that ends before any command runs (help, version, a usage error, a value the
// domain refuses): what to print and the exit code.
struct CliExit
{
    int code = 0;
    QString out;
    QString err;
    // --help-all: Qt prints its help with its own options and ends the process.
    bool qtHelp = false;
};
