#!/usr/bin/env bash
# The installed packages as a user meets them: kashew-server and kashew answer --version, the
# server runs from the configuration the package generated, and the installed kashew-desktop
# starts on an X display (xvfb-run, QT_QPA_PLATFORM=xcb), syncs the server's deals into its cache,
# shows its window, and quits cleanly on Ctrl+Q. Needs the packages installed (see .ci/run).
set -euo pipefail

for tool in kashew-server kashew kashew-desktop xvfb-run xdotool; do
    command -v "$tool" >/dev/null || { echo "smoke-test: $tool is not installed" >&2; exit 1; }
done
kashew-server --version
kashew --version
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM kashew-desktop --version # no display needed

if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify /usr/lib/systemd/system/kashew-server.service
fi

conf=/etc/kashew-server/kashew-server.conf
key=$(sed -n 's/^api_key=//p' "$conf")
[ -n "$key" ] || { echo "smoke-test: the package left no api_key in $conf" >&2; exit 1; }

work=$(mktemp -d -t kashew-smoke.XXXXXX)
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# The packaged configuration, on a free port and a scratch database so as not to touch the
# service's own.
kashew-server --config "$conf" --listen 127.0.0.1:0 --database "$work/server.sqlite" \
    --demo 300 >"$work/server.log" 2>&1 &
server_pid=$!
url=
for _ in $(seq 1 300); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/api/v1' "$work/server.log" || true)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { echo "smoke-test: kashew-server did not start" >&2; cat "$work/server.log" >&2; exit 1; }
if grep -q "$key" "$work/server.log"; then
    echo "smoke-test: kashew-server logged its key in full" >&2
    exit 1
fi

export KASHEW_API_KEY="$key" QT_QPA_PLATFORM=xcb
xvfb-run -a -s "-screen 0 1366x860x24" bash -euo pipefail -c '
    kashew-desktop --version
    kashew-desktop --profile "$1/profile" --server "$2" --view board >"$1/desktop.log" 2>&1 &
    app=$!
    window=$(timeout 30 xdotool search --sync --onlyvisible --class kashew-desktop | head -n 1)
    [ -n "$window" ] || { echo "smoke-test: no kashew-desktop window" >&2; exit 1; }
    echo "kashew-desktop window: $(xdotool getwindowname "$window")"
    for _ in $(seq 1 100); do     # the first sync fills the cache
        kashew --profile "$1/profile" --server "$2" list --json >"$1/list.json" 2>/dev/null || true
        grep -q "\"id\"" "$1/list.json" 2>/dev/null && break
        sleep 0.2
    done
    kill -0 "$app" || { echo "smoke-test: kashew-desktop quit by itself" >&2; cat "$1/desktop.log" >&2; exit 1; }
    xdotool windowfocus --sync "$window" key ctrl+q
    for _ in $(seq 1 75); do kill -0 "$app" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$app" 2>/dev/null; then echo "smoke-test: Ctrl+Q did not close it" >&2; kill "$app"; exit 1; fi
    wait "$app" || { echo "smoke-test: kashew-desktop exited with $?" >&2; cat "$1/desktop.log" >&2; exit 1; }
' smoke "$work" "$url"

count=$(kashew --profile "$work/profile" --server "$url" list --json | grep -c '"id"' || true)
echo "kashew-desktop cached $count live deals from the server"
[ "$count" -gt 0 ] || { echo "smoke-test: nothing reached the desktop's cache" >&2; exit 1; }
echo "smoke-test: ok"
