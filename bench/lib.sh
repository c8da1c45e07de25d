#!/usr/bin/env bash
# Shared by the bench scripts: a throwaway PostgreSQL, the packaged app, an SMTP sink, and cleanup.
# Everything listens on loopback and is stopped on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d /tmp/constituent-bench.XXXXXX)
chmod 755 "$WORK"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  if [ -n "${PGDATA_DIR:-}" ] && [ -d "$PGDATA_DIR" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

need() {
  # Debian packages the benches use: wrk (load), postgresql (server and pgbench).
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1 || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start_postgres() {
  PGPORT=$(free_port)
  PGDATA_DIR="$WORK/pgdata"
  mkdir -p "$PGDATA_DIR" && chown postgres "$PGDATA_DIR"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 >/dev/null
  cat >> "$PGDATA_DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$WORK'
max_connections = 200
shared_buffers = 1GB
CONF
  chmod 777 "$WORK"
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$WORK/postgres.log" -w start >/dev/null
  PSQL=("$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -qAt)
  echo "PostgreSQL $("${PSQL[@]}" -c 'show server_version') on port $PGPORT (fsync on, synchronous_commit on)"
}

package_app() {
  if [ ! -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || [ "${REBUILD:-1}" = 1 ]; then
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
  fi
}

start_smtp_sink() {
  # bench/SmtpSink.java: accepts every mail on loopback and logs its Message-ID (to count deliveries).
  SMTP_PORT=$(free_port)
  java "$ROOT/bench/SmtpSink.java" "$SMTP_PORT" "$WORK/sink.log" > "$WORK/sink.out" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do (echo > /dev/tcp/127.0.0.1/"$SMTP_PORT") 2>/dev/null && break; sleep 0.2; done
  echo "SMTP sink on port $SMTP_PORT"
}

start_app() {
  APP_PORT=$(free_port)
  # The packaged app serves /q/health on its management port (9000 by default, maybe taken): a free one here.
  MGMT_PORT=$(free_port)
  QUARKUS_MANAGEMENT_PORT="$MGMT_PORT" DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/postgres" DB_USER=postgres DB_PASSWORD=unused \
  APP_SECRET=bench-secret-bench-secret-bench-secret-0123 \
  SMTP_HOST=127.0.0.1 SMTP_PORT="${SMTP_PORT:-1}" QUARKUS_HTTP_PORT="$APP_PORT" \
  PUBLIC_BASE_URL="http://127.0.0.1:$APP_PORT" \
    java ${JAVA_OPTS:--Xmx1g} "$@" -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  PIDS+=($APP_PID)
  # Up to 5 minutes: on a shared machine start-up (riding data load) can take over a minute.
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$MGMT_PORT/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    sleep 0.5
  done
  echo "App on port $APP_PORT (pid $APP_PID)"
}

warm_up() {
  # JIT warm-up: the figures that count come from the measured run after this.
  wrk -t2 -c32 -d"${1:-10}s" -s "$2" "http://127.0.0.1:$APP_PORT" >/dev/null 2>&1 || true
}
