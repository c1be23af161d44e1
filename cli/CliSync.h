#pragma once

class ApiClient;
class LocalStore;

// `kashew sync`: pushes the profile's pending edits, then pulls everything, and says what went
// wrong in terms of records and fields. Returns the command's exit code (CliCommands::ExitCode).
class CliSync final
{
public:
    struct Options
    {
        // A rate limit's wait is not waited out: the command says when to try again and exits.
        bool noWait = false;
    };

    // `client` holds the server and key already.
    static int run(LocalStore &store, ApiClient &client, const Options &options);
};
