#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for the store tests and
# prints the DSN to export as NEWSGRAPH_TEST_PG. Installs Debian's postgresql
# when missing. Idempotent: a cluster already running on the port is reused.
#   export NEWSGRAPH_TEST_PG=$(bash .ci/postgres.sh)
set -euo pipefail
PORT=${NEWSGRAPH_PG_PORT:-54329}
DIR=${NEWSGRAPH_PG_DIR:-/tmp/newsgraph-pg}
DB=newsgraph_test
DSN="postgres://postgres@127.0.0.1:$PORT/$DB?sslmode=disable"

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if [ -z "$(bindir)" ]; then
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null
	apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
BIN=$(bindir)
# initdb and postgres refuse to run as root: run them as the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
	if [ ! -s "$DIR/PG_VERSION" ]; then
		mkdir -p "$DIR"
		[ "$(id -u)" = 0 ] && chown postgres "$DIR"
		as_pg "$BIN/initdb" -D "$DIR" -U postgres -A trust --no-sync >/dev/null
	fi
	# fsync off: a test cluster trades durability for speed.
	as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/log" -w -o "-c listen_addresses=127.0.0.1 -p $PORT -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
fi
if ! "$BIN/../bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" postgres | grep -q 1; then
	"$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE $DB" postgres
fi
echo "$DSN"
