#pragma once

class CliSession;
struct CliRequest;

// One function per `kashew` command, as CliCommandTable dispatches them: each runs on an open
// session with its checked request and returns the exit code (CliCommands::ExitCode).
namespace CliActions {

int sync(CliSession &session, const CliRequest &request);
int list(CliSession &session, const CliRequest &request);
int show(CliSession &session, const CliRequest &request);
int create(CliSession &session, const CliRequest &request);
int set(CliSession &session, const CliRequest &request);
int move(CliSession &session, const CliRequest &request);
int remove(CliSession &session, const CliRequest &request);
int pending(CliSession &session, const CliRequest &request);
int status(CliSession &session, const CliRequest &request);
int login(CliSession &session, const CliRequest &request);

} // namespace CliActions
