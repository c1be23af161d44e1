#!/usr/bin/env bash
# Regenerates the README's screenshots from demo data: kashew-server with demo records, the app
# under a virtual X display of the given size, a grab of the screen. Needs xvfb and imagemagick's
# import. Only what it started is stopped (its own process group), never another running app.
#   packaging/screenshots.sh                          list.png and board.png, 1360x820, English
#   SHOT_SIZE=1024x700 SHOT_LANG=de_DE.UTF-8 SHOT_SUFFIX=-de-1024 SHOT_VIEWS=board packaging/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT_DIR:-resources/screenshots}
size=${SHOT_SIZE:-1360x820}
mkdir -p "$out"
command -v import >/dev/null || { echo "screenshots: install imagemagick" >&2; exit 1; }
if [ "${1:-}" != "--inside-display" ]; then
    exec xvfb-run -a -s "-screen 0 ${size}x24" "$0" --inside-display
fi
lang=${SHOT_LANG:-en_US.UTF-8}
for view in ${SHOT_VIEWS:-list board}; do
    home=$(mktemp -d)
    # A fresh settings home: the window opens at its default layout, fitted to the screen.
    HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
        LANG=$lang LANGUAGE=${lang%%_*} KASHEW_VIEW=$view DEMO_COUNT=${DEMO_COUNT:-2000} \
        setsid packaging/run-demo.sh >/dev/null 2>&1 &
    demo=$!
    sleep "${SHOT_DELAY:-12}"
    import -window root "$out/$view${SHOT_SUFFIX:-}.png"
    kill -- "-$demo" 2>/dev/null || true
    wait "$demo" 2>/dev/null || true
    rm -rf "$home"
    echo "wrote $out/$view${SHOT_SUFFIX:-}.png"
done
