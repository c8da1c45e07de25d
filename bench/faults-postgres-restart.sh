#!/usr/bin/env bash
# Fault: PostgreSQL stopped (fast shutdown) and started again during sustained intake (issue 8).
#   1. starts PostgreSQL (Debian package, fsync on), an SMTP sink and the packaged app, all on loopback;
#   2. bench/IntakeLoad.java posts unique signatures for SECONDS with THREADS clients and logs every answer;
#   3. a third of the way in, PostgreSQL is stopped for DOWN seconds, then started on the same port; the app is not
#      restarted;
#   4. prints: 202 answers and how many have no row (must be 0), 503 answers and whether each was problem+json with
#      Retry-After in the signer's language, the slowest 503, client timeouts, and the recovery time.
# Usage: bench/faults-postgres-restart.sh [SECONDS=45] [DOWN=10] [THREADS=16]   (REBUILD=0 reuses target/)
source "$(dirname "$0")/lib.sh"
SECONDS_TOTAL=${1:-45}
DOWN=${2:-10}
THREADS=${3:-16}
need
package_app
start_postgres
start_smtp_sink
start_app "${INTAKE_OPTS[@]}"
app_pid=$APP_PID

intake_load "$SECONDS_TOTAL" "$THREADS" "$WORK/load.log"
sleep $((SECONDS_TOTAL / 3))
echo "Stopping PostgreSQL for ${DOWN}s during intake..."
postgres_down
sleep "$DOWN"
postgres_up
back=$(now_ms)
echo "PostgreSQL is back; waiting for the load to end"
wait "$LOAD_PID" || true
sleep 2
kill -0 "$app_pid" && echo "RESULT app_restarted=no (same process $app_pid throughout)" \
  || echo "RESULT app_restarted=yes (the app died)"
report_intake "$WORK/load.log" "$back"
