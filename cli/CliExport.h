#pragma once

class CliSession;
struct CliRequest;

// `kashew export`: the cached deals `kashew list` would show for the same filters, every field,
// as CSV (OpportunityCsv: neutral, or the user's locale's style with --locale), written whole to
// --csv FILE or to standard output.
namespace CliExport {

// Returns the exit code, as CliActions do.
int run(CliSession &session, const CliRequest &request);

} // namespace CliExport
