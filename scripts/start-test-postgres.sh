#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the tests (Debian's postgresql package):
# initdb into a new temporary folder, pg_ctl start on 127.0.0.1 at a free port, a test
# database. Prints the line to evaluate:
#
#   eval "$(scripts/start-test-postgres.sh)"     # sets HYPERLAB_TEST_POSTGRES_URL
#   swift test --filter PostgreSQL
#   scripts/start-test-postgres.sh --stop "$HYPERLAB_TEST_POSTGRES_DIR"
#
# An outage, for the tests of workers that reconnect: --halt FOLDER stops the server and keeps
# its data; --restart FOLDER starts it again on the same port.
#
# The server trusts connections from loopback only (no password): it is for tests, not data.
# Run as root, it runs the server as the `postgres` user (PostgreSQL refuses root).
set -euo pipefail

bin=""
for candidate in /usr/lib/postgresql/*/bin; do
    [ -x "$candidate/initdb" ] && bin="$candidate"
done
if [ -z "$bin" ]; then
    echo "start-test-postgres: no PostgreSQL server found under /usr/lib/postgresql" >&2
    echo "hint: apt-get install postgresql (Debian), then run this again" >&2
    exit 1
fi

as_server_user() {
    if [ "$(id -u)" = 0 ]; then
        su postgres -s /bin/sh -c "$*"
    else
        sh -c "$*"
    fi
}

# Starts the server in folder $1 on port $2. The server outlives this script, so it gets none of
# the caller's descriptors beyond the standard three: a caller that waits for those to close
# (Foundation's Process does, for a child's) would otherwise wait for the server to stop.
start_server() {
    (
        for fd in /proc/self/fd/*; do
            n="${fd##*/}"
            if [ "$n" -gt 2 ] 2>/dev/null; then eval "exec $n>&-" 2>/dev/null || true; fi
        done
        as_server_user "'$bin/pg_ctl' -D '$1/data' -l '$1/server.log' -w \
            -o \"-c listen_addresses=127.0.0.1 -p $2 -k '$1' -c fsync=off\" start" >/dev/null
    ) || {
        cat "$1/server.log" >&2
        exit 1
    }
}

case "${1:-}" in
--stop)
    folder="${2:?usage: start-test-postgres.sh --stop FOLDER}"
    as_server_user "'$bin/pg_ctl' -D '$folder/data' -m fast stop" >/dev/null
    rm -rf "$folder"
    exit 0
    ;;
--halt)
    folder="${2:?usage: start-test-postgres.sh --halt FOLDER}"
    as_server_user "'$bin/pg_ctl' -D '$folder/data' -m fast stop" >/dev/null
    exit 0
    ;;
--restart)
    folder="${2:?usage: start-test-postgres.sh --restart FOLDER}"
    start_server "$folder" "$(cat "$folder/port")"
    exit 0
    ;;
esac

folder="$(mktemp -d /tmp/hyperlab-postgres.XXXXXX)"
chmod 755 "$folder"
[ "$(id -u)" = 0 ] && chown postgres: "$folder"

# A free port: ask the kernel for one.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000)))"
user="$( [ "$(id -u)" = 0 ] && echo postgres || id -un)"

as_server_user "'$bin/initdb' -D '$folder/data' -U '$user' --auth=trust -E UTF8 --locale=C.UTF-8" >"$folder/initdb.log" 2>&1 || {
    cat "$folder/initdb.log" >&2
    exit 1
}
echo "$port" >"$folder/port"
start_server "$folder" "$port"
"$bin/createdb" -h 127.0.0.1 -p "$port" -U "$user" hyperlab_test

echo "export HYPERLAB_TEST_POSTGRES_URL=postgresql://$user@127.0.0.1:$port/hyperlab_test"
echo "export HYPERLAB_TEST_POSTGRES_DIR=$folder"
