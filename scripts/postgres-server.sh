#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL server on loopback for tests and benchmarks.
#   scripts/postgres-server.sh start [DIR] [PORT]   prints the DATABASE_URL to use
#   scripts/postgres-server.sh stop  [DIR]
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:-/tmp/keypoint-pg}
port=${3:-55432}
bin=$(dirname "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | tail -n 1)")
[ -x "$bin/initdb" ] || { echo "initdb not found: install Debian's postgresql package" >&2; exit 1; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

case "$cmd" in
  start)
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then useradd --system --no-create-home postgres; fi
    mkdir -p "$dir/sock"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_postgres "'$bin/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 --no-locale" >"$dir/initdb.log" 2>&1
    fi
    as_postgres "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -o \"-h 127.0.0.1 -p $port -k $dir/sock -c max_connections=200\" -w start" >/dev/null
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_postgres "'$bin/pg_ctl' -D '$dir/data' -m fast stop" >/dev/null || true
    ;;
  *) echo "usage: $0 start|stop [DIR] [PORT]" >&2; exit 2 ;;
esac
