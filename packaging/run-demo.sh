#!/usr/bin/env bash
# Starts kashew-server on a free loopback port with demo data, a temporary database and a fresh
# API key, then kashew-desktop on a temporary profile connected to it; stops the server when the
# app closes. With --server-only, or without a display, it keeps the server running and says how
# to reach it.
set -euo pipefail
build=${BUILD_DIR:-build}
server="$build/server/kashew-server"
desktop="$build/app/kashew-desktop"
cli="$build/app/kashew"
[ -x "$server" ] || { echo "run-demo: $server is missing; build first (see README.md)" >&2; exit 1; }

workdir=$(mktemp -d -t kashew-demo.XXXXXX)
key="kshw_demo_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
log="$workdir/server.log"
# The key belongs to a named user, so the app shows "me" by name among the demo's owners.
me='auth0|64b7c0ffee'
"$server" --listen 127.0.0.1:0 --database "$workdir/demo.sqlite" \
    --user "$me=Maya Lindqvist <maya.lindqvist@example.com>" --api-key "$key@$me" \
    --demo "${DEMO_COUNT:-5000}" >"$log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$workdir"; }
trap cleanup EXIT INT TERM

url=
for _ in $(seq 1 600); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/api/v1' "$log" || true)
    [ -n "$url" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
done
[ -n "$url" ] || { echo "run-demo: kashew-server did not start" >&2; cat "$log" >&2; exit 1; }
cat "$log"

# The demo's rates, entered as a user would (round example figures, not market data), so the
# totals add up in one currency. DEMO_RATES=0 leaves them out to show the app without rates.
if [ "${DEMO_RATES:-1}" != 0 ] && [ -x "$cli" ]; then
    "$cli" --profile "$workdir/profile" rates base USD >/dev/null
    for rate in EUR=1.08 GBP=1.27 JPY=0.0067 CHF=1.13 SEK=0.095; do
        "$cli" --profile "$workdir/profile" rates set "${rate%%=*}" "${rate#*=}" >/dev/null
    done
fi

if [ "${1:-}" != "--server-only" ] && [ -x "$desktop" ]; then
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "${QT_QPA_PLATFORM:-}" = offscreen ]; then
        echo "Starting kashew-desktop on $url (the server stops when you close it)"
        KASHEW_API_KEY="$key" "$desktop" --profile "$workdir/profile" --server "$url" ${KASHEW_VIEW:+--view "$KASHEW_VIEW"}
        exit 0
    fi
    echo "No display to show kashew-desktop on. Run this under a desktop session, or with a virtual"
    echo "display: xvfb-run -a $0   (xvfb is installed by packaging/install-deps.sh)."
    echo "Meanwhile the server keeps running for the 'kashew' command:"
fi
cat <<MSG

kashew-server is running with demo data.
  URL: $url
  Key: $key
Try:
  curl -H 'Authorization: Bearer $key' '$url/opportunities?pageSize=3&status=negotiation'
  curl -H 'Authorization: Bearer $key' '$url/users/me'
  KASHEW_API_KEY=$key $build/app/kashew --profile $workdir/profile --server $url sync
Press Ctrl+C to stop it (its temporary database goes with it).
MSG
wait "$pid"
