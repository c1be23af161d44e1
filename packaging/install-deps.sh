#!/usr/bin/env bash
# Installs the Debian 12 packages kashew needs to build, test and run, when they are missing.
set -euo pipefail

packages=(
    cmake g++ make pkg-config
    lld                                     # links the many test executables in half the time
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql
    qt6-httpserver-dev qt6-websockets-dev   # Debian's HttpServer CMake package needs WebSockets
    zlib1g-dev                              # gzip: kashew-server compresses, ApiClient inflates
    libzstd-dev                             # zstd: kashew-server compresses for clients that ask
    libsqlite3-dev                          # bench_ui's floor: the SQLite C API itself
    qt6-charts-dev qtkeychain-qt6-dev qt6-tools-dev qt6-l10n-tools
    libqt6opengl6-dev                       # Debian's Qt6Charts CMake package needs it, not pulled in
    qt6-qpa-plugins libqt6svg6              # run time: the xcb platform, the SVG icon
    dpkg-dev appstream desktop-file-utils   # packages: dependencies, metadata checks
    xvfb xauth xdotool                      # a display for the demo, screenshots, smoke test
    postgresql                              # the *_pg tests' cluster: initdb, pg_ctl, pg_trgm
    nginx-light                             # tst_reverseproxy: the team set-up's proxy
    clang libclang-rt-14-dev libfuzzer-14-dev  # fuzz/: libFuzzer, ASan and UBSan runtimes
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
else
    command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
    sudo=(sudo)
fi
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
