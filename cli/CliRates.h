#pragma once

class CliSession;
struct CliRequest;

// The `kashew rates` commands on the profile's base currency and exchange rates, the same
// settings the desktop app's Settings ▸ Money edits. Like CliActions, each returns the exit code.
namespace CliRates {

// The base currency, each rate with the day it was set, and each currency of the cache that
// has none.
int list(CliSession &session, const CliRequest &request);
int base(CliSession &session, const CliRequest &request);
// Dated today, unless it is the rate already set: then it keeps its day.
int set(CliSession &session, const CliRequest &request);
int remove(CliSession &session, const CliRequest &request);

} // namespace CliRates
