#!/usr/bin/env bash
# Throwaway PostgreSQL and Redis servers on loopback for the tests.
#   .ci/services.sh start   -> starts both, prints `export ...` lines for the tests
#   .ci/services.sh stop    -> stops both and removes their data
set -euo pipefail

ROOT="${ZOOMPORTAL_SERVICES_ROOT:-/tmp/zoomportal-services}"
PGPORT="${ZOOMPORTAL_PG_PORT:-55432}"
REDIS_PORT="${ZOOMPORTAL_REDIS_PORT:-56379}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  [ -x "$PGBIN/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
  command -v redis-server >/dev/null || { echo "redis-server not found (apt-get install redis-server)" >&2; exit 1; }
  stop >/dev/null 2>&1 || true
  mkdir -p "$ROOT/pg" "$ROOT/redis"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$ROOT/pg"; fi
  as_postgres "$PGBIN/initdb" -D "$ROOT/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$ROOT/initdb.log" 2>&1
  as_postgres "$PGBIN/pg_ctl" -D "$ROOT/pg/data" -l "$ROOT/pg/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $ROOT/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
    --dir "$ROOT/redis" --pidfile "$ROOT/redis/redis.pid" --logfile "$ROOT/redis/redis.log"
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  echo "export ZOOMPORTAL_TEST_POSTGRES='Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres'"
  echo "export ZOOMPORTAL_TEST_REDIS='127.0.0.1:$REDIS_PORT'"
}

stop() {
  if [ -f "$ROOT/pg/data/postmaster.pid" ]; then
    as_postgres "$PGBIN/pg_ctl" -D "$ROOT/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [ -f "$ROOT/redis/redis.pid" ]; then
    kill "$(cat "$ROOT/redis/redis.pid")" 2>/dev/null || true
  fi
  rm -rf "$ROOT"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
