#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the *_pg tests (CTest fixture "postgres"):
#   postgres-cluster.sh start DIR   initdb in a fresh temporary directory, start it on a free
#                                   loopback port, write DIR/cluster.env for ServerProcess
#   postgres-cluster.sh stop DIR    stop it and remove everything it wrote
# Test runs in one build folder at the same time (ctest twice, or ctest and a test by hand) share
# one cluster: each run holds it (DIR/holders: the ctest process id, or "hand" from a shell), and
# the last to let go stops it; a run killed before its cleanup is let go of when found dead.
# The data live outside the build tree (in /tmp) because PostgreSQL refuses to run as root: as
# root the cluster runs as the `postgres` system user, who may not enter a clone's folders.
# Speed over durability (fsync off): a crash loses the cluster, and a test run starts a new one.
set -euo pipefail

action=${1:-}
dir=${2:-}
if [ -z "$dir" ] || { [ "$action" != start ] && [ "$action" != stop ]; }; then
    echo "usage: $0 start|stop DIR" >&2
    exit 2
fi
# Debian 12's PostgreSQL 15, else the newest installed.
bindir=${KASHEW_PG_BINDIR:-/usr/lib/postgresql/15/bin}
if [ -z "${KASHEW_PG_BINDIR:-}" ] && [ ! -x "$bindir/initdb" ]; then
    bindir=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
env_file="$dir/cluster.env"
# The cluster's owner may not enter the caller's folder (a clone under /root, say).
cd /

# Runs a PostgreSQL program as the cluster's owner, without the lock's descriptor (9), which the
# server would otherwise hold for its whole life.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@" 9>&-
    else
        "$@" 9>&-
    fi
}

stop_cluster() {
    [ -f "$env_file" ] || return 0
    local root
    root=$(sed -n 's/^KASHEW_PG_ROOT=//p' "$env_file")
    if [ -n "$root" ] && [ -d "$root/data" ]; then
        as_owner "$bindir/pg_ctl" stop -D "$root/data" -m immediate -w >/dev/null 2>&1 || true
    fi
    # Only ever a folder this script made.
    case "$root" in
    */kashew-pg.*) rm -rf "$root" ;;
    esac
    rm -f "$env_file"
}

running() {
    local root
    root=$(sed -n 's/^KASHEW_PG_ROOT=//p' "$env_file" 2>/dev/null)
    [ -n "$root" ] && as_owner "$bindir/pg_ctl" status -D "$root/data" >/dev/null 2>&1
}

# One start or stop at a time in this folder.
exec 9>"$dir/lock"
flock 9
holders_file="$dir/holders"
if [ "$(cat "/proc/$PPID/comm" 2>/dev/null)" = ctest ]; then me=$PPID; else me=hand; fi
# The holders still there, without this one.
others() {
    [ -f "$holders_file" ] || return 0
    local holder
    while read -r holder; do
        [ "$holder" = "$me" ] && continue
        if [ "$holder" = hand ] || [ -d "/proc/$holder" ]; then echo "$holder"; fi
    done <"$holders_file"
}

if [ "$action" = stop ]; then
    remaining=$(others)
    if [ -n "$remaining" ] && running; then
        echo "$remaining" >"$holders_file"
        echo "postgres-cluster: still held by ${remaining//$'\n'/ }, left running"
    else
        stop_cluster
        rm -f "$holders_file"
    fi
    exit 0
fi

if running; then
    { others; echo "$me"; } >"$holders_file.new"
    mv "$holders_file.new" "$holders_file"
    echo "postgres-cluster: sharing the running cluster of $env_file"
    exit 0
fi
if [ ! -x "$bindir/initdb" ]; then
    echo "postgres-cluster: no $bindir/initdb; install Debian's postgresql (packaging/install-deps.sh)" >&2
    exit 1
fi
# A cluster left by an interrupted run goes first.
stop_cluster

root=$(mktemp -d /tmp/kashew-pg.XXXXXX)
chmod 700 "$root"
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 ||
        { echo "postgres-cluster: running as root needs the postgres system user" >&2; exit 1; }
    chown postgres: "$root"
fi
user=kashew_test
password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
# The password reaches initdb through a file only the owner reads, then the file goes.
(umask 077 && printf '%s\n' "$password" >"$root/pwfile")
[ "$(id -u)" -eq 0 ] && chown postgres: "$root/pwfile"
if ! as_owner "$bindir/initdb" -D "$root/data" -U "$user" --pwfile="$root/pwfile" \
    --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >"$root/initdb.log" 2>&1; then
    cat "$root/initdb.log" >&2
    rm -rf "$root"
    exit 1
fi
rm -f "$root/pwfile"

# A free port: a random one, again if another process took it first.
started=
for _ in $(seq 1 20); do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    if as_owner "$bindir/pg_ctl" start -D "$root/data" -l "$root/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$root \
            -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
            -c max_connections=200" >/dev/null; then
        started=1
        break
    fi
done
if [ -z "$started" ]; then
    echo "postgres-cluster: the cluster did not start" >&2
    cat "$root/server.log" >&2 || true
    rm -rf "$root"
    exit 1
fi

(umask 077 && cat >"$env_file.new" <<EOF
KASHEW_PG_HOST=127.0.0.1
KASHEW_PG_PORT=$port
KASHEW_PG_USER=$user
KASHEW_PG_PASSWORD=$password
KASHEW_PG_ROOT=$root
EOF
)
mv "$env_file.new" "$env_file"
{ others; echo "$me"; } >"$holders_file.new"
mv "$holders_file.new" "$holders_file"
echo "postgres-cluster: PostgreSQL on 127.0.0.1:$port (data in $root), settings in $env_file"
