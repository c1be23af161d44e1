#pragma once

class CliSession;
struct CliRequest;

// `kashew import FILE`: the file read (CsvReader), its columns mapped (ImportMapping's guess,
// then each --map), every row checked against the cache's deals, accounts and people
// (ImportPlan), and the report said: a summary line on standard output, each invalid row and
// each likely duplicate on standard error. Unless --dry-run, the valid rows are written as one
// LocalStore::applyBatch, as pending edits that `kashew sync` sends, like `new` and `set` -- and
// only when every row is valid, or with --skip-invalid. An invalid row exits 6.
namespace CliImport {

// Returns the exit code, as CliActions do.
int run(CliSession &session, const CliRequest &request);

} // namespace CliImport
