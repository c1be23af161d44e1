#!/usr/bin/env bash
# Regenerates the README's screenshot from demo data: kashew-server with demo records, the app
# under a virtual X display, a grab of the screen. Needs xvfb and imagemagick's import.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT_DIR:-resources/screenshots}
mkdir -p "$out"
command -v import >/dev/null || { echo "screenshots: install imagemagick" >&2; exit 1; }
if [ "${1:-}" != "--inside-display" ]; then
    exec xvfb-run -a -s "-screen 0 1360x820x24" "$0" --inside-display
fi
lang=${SHOT_LANG:-en_US.UTF-8}
for view in list board; do
    home=$(mktemp -d)
    # A fresh settings home: the window opens at its default layout, in English (SHOT_LANG=de_DE.UTF-8
    # for German).
    (sleep "${SHOT_DELAY:-12}"; import -window root "$out/$view.png"; pkill -f "build/app/kashew-desktop" || true) &
    HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" LANG=$lang LANGUAGE=${lang%%_*} \
        KASHEW_VIEW=$view DEMO_COUNT=${DEMO_COUNT:-2000} packaging/run-demo.sh >/dev/null 2>&1 || true
    wait
    rm -rf "$home"
    echo "wrote $out/$view.png"
done
