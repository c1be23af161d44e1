#pragma once

#include <QStringList>

// The `kashew` commands, on the same profile and cache as the desktop app: the command line read
// against the command table, then the command run. Returns the exit code.
class CliCommands final
{
public:
    enum ExitCode
    {
        Ok = 0,
        Failed = 1,
        Usage = 2,
        NotFound = 3,
        Offline = 4,
        NotAuthorized = 5,
        InvalidValue = 6,
        // The server's rate limit: `sync --no-wait`, or a wait longer than an hour.
        RateLimited = 7,
    };

    static int run(const QStringList &arguments);
};
