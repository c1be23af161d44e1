#pragma once

class CliSession;
struct CliRequest;

// The `kashew people` commands on the cache's people book: listing who owns deals, naming an
// owner id, saying which id is the user's. Like CliActions, each returns the exit code.
namespace CliPeople {

int list(CliSession &session, const CliRequest &request);
int set(CliSession &session, const CliRequest &request);
int me(CliSession &session, const CliRequest &request);

} // namespace CliPeople
