#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server: installs the server from Debian's
# packages when none is there, starts it as a non-root user on a free loopback port in a
# temporary directory, runs the command with TASKS_TEST_PG_URL set, and stops the server however
# the command ends.
#
#   scripts/test-postgres.sh npm test
#
# With TASKS_TEST_PG_URL already set, the command simply runs against that server.
set -uo pipefail

if [ -n "${TASKS_TEST_PG_URL:-}" ]; then exec "$@"; fi

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

BIN="$(find_bin)"
if [ -z "$BIN" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "PostgreSQL: installing the server from Debian's packages" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1
  BIN="$(find_bin)"
fi
if [ -z "$BIN" ]; then
  echo "PostgreSQL: no server could be found or installed; the PostgreSQL tests will be skipped" >&2
  exec "$@"
fi

# The server refuses to run as root: as root, run it as the package's "postgres" user (made here
# if the package did not make it); otherwise as whoever runs this script.
AS=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  AS=(runuser -u postgres --)
fi

DIR="$(mktemp -d "${TMPDIR:-/tmp}/tasks-pg-XXXXXX")"
chmod 755 "$DIR"
[ "$(id -u)" = 0 ] && chown postgres: "$DIR"
PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

# The server's user may not be allowed into the caller's working directory: run it from $DIR.
server() { (cd "$DIR" && "${AS[@]}" "$@"); }

stop() {
  server "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$DIR"
}
trap stop EXIT INT TERM

server "$BIN/initdb" -D "$DIR/data" -U tasks --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
  || server "$BIN/initdb" -D "$DIR/data" -U tasks --auth=trust --encoding=UTF8 --locale=C >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }
# A test server: durability is not wanted, speed is; many databases are made and dropped.
server "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }

echo "PostgreSQL: test server on 127.0.0.1:$PORT ($BIN)" >&2
TASKS_TEST_PG_URL="postgres://tasks@127.0.0.1:$PORT/postgres" "$@"
