#!/usr/bin/env bash
# Builds the libFuzzer target for the client's JSON readers with clang++ (AddressSanitizer and
# UBSan) and runs it for SECONDS on a copy of the seed corpus in fuzz/corpus/, which is never
# written to. Exits non-zero on any crash, leak, UB or invariant report, keeping the working
# folder with the input that caused it.
#
# Usage: fuzz/run.sh SECONDS [libFuzzer options...]
#   FUZZ_BUILD_DIR  where to build (default: a folder in /tmp named after this checkout)
#   FUZZ_WORK_DIR   the working corpus, kept and resumed from on the next run (default: a new
#                   temporary folder, removed after a clean run)
set -euo pipefail

if [ $# -lt 1 ] || ! [[ $1 =~ ^[0-9]+$ ]] || [ "$1" -eq 0 ]; then
    echo "usage: $0 SECONDS [libFuzzer options...]" >&2
    exit 2
fi
seconds=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
build=${FUZZ_BUILD_DIR:-${TMPDIR:-/tmp}/kashew-fuzz-$(printf %s "$here" | md5sum | cut -c1-8)}

echo "fuzz: building in $build"
mkdir -p "$build"
cmake -S "$here" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    >"$build/configure.log" 2>&1 || { cat "$build/configure.log" >&2; exit 1; }
cmake --build "$build" -j2 >"$build/build.log" 2>&1 || { cat "$build/build.log" >&2; exit 1; }

if [ -n "${FUZZ_WORK_DIR:-}" ]; then
    work=$FUZZ_WORK_DIR
    temporary=false
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/kashew-fuzz-run.XXXXXX")
    temporary=true
fi
mkdir -p "$work/corpus" "$work/artifacts"
cp -n "$here"/corpus/* "$work/corpus/"
log=$work/fuzz.log

export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
echo "fuzz: running for ${seconds}s on $(find "$work/corpus" -type f | wc -l) inputs in $work/corpus"
status=0
"$build/fuzz_json_readers" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=4096 -dict="$here/json.dict" -artifact_prefix="$work/artifacts/" \
    -print_final_stats=1 "$@" "$work/corpus" >"$log" 2>&1 || status=$?

# libFuzzer exits non-zero on what it catches; the log and the artifacts are checked as well.
if [ "$status" -ne 0 ] || [ -n "$(ls -A "$work/artifacts")" ] ||
    grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|invariant violated' \
        "$log"; then
    grep -vE '^#[0-9]+\s+(NEW|REDUCE|pulse|INITED)' "$log" | tail -n 80 >&2
    echo "fuzz: FAILED (exit $status); input and log kept in $work" >&2
    ls -l "$work/artifacts" >&2
    exit 1
fi
grep -E '^(Done|stat::)' "$log" || true
echo "fuzz: no crash, leak or UB in ${seconds}s"
if $temporary; then rm -rf "$work"; fi
